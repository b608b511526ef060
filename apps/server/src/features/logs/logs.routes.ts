import {
  adminLogsClearQuerySchema,
  adminLogsClearResultSchema,
  adminLogsPageSchema,
  adminLogsQuerySchema,
  adminLogsTailQuerySchema,
  adminLogsTailSchema,
} from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { security } from '../../http/openapi.ts';
import { envelope } from '../../http/route-helpers.ts';
import type { LogJournal } from './log-journal.ts';

const tags = ['admin'];
/**
 * The viewer polls these routes: logging each poll at info level would fill the journal with its own
 * reads (the reference skips `/admin/logs` lines for the same reason). Warnings and errors still show.
 */
const logLevel = 'warn';

/** `/api/admin/logs*` (reference paths, upstream §1.4 `admin`), plus a polling tail for the live view. */
export function logsRoutes(deps: { journal: LogJournal; guard: Guard }): FastifyPluginAsyncZod {
  const { journal, guard } = deps;
  return async (app) => {
    app.get(
      '/logs',
      {
        logLevel,
        onRequest: guard.requirePermission('logs'),
        schema: {
          tags,
          security,
          summary: 'The server’s own log records, newest first, by level and text (redacted like the logs)',
          querystring: adminLogsQuerySchema,
          response: { 200: envelope(adminLogsPageSchema) },
        },
      },
      async (request) => ok(await journal.page(request.query)),
    );

    app.get(
      '/logs/tail',
      {
        logLevel,
        onRequest: guard.requirePermission('logs'),
        schema: {
          tags,
          security,
          summary: 'Records stored after the record `since` (poll it with the returned cursor for a live view)',
          querystring: adminLogsTailQuerySchema,
          response: { 200: envelope(adminLogsTailSchema) },
        },
      },
      async (request) => ok(await journal.tail(request.query)),
    );

    app.delete(
      '/logs/clear',
      {
        onRequest: guard.requirePermission('logs.delete', { writes: true }),
        schema: {
          tags,
          security,
          summary: 'Deletes the stored log records of one level, or all of them',
          querystring: adminLogsClearQuerySchema,
          response: { 200: envelope(adminLogsClearResultSchema) },
        },
      },
      async (request) => {
        const level = request.query.level;
        const deleted = await journal.clear(level);
        request.log.warn({ cleared_level: level ?? 'all', deleted }, 'admin log records cleared');
        return ok({
          message: level ? `Journaux de niveau ${level} effacés.` : 'Journaux effacés.',
          deleted_count: deleted,
        });
      },
    );
  };
}
