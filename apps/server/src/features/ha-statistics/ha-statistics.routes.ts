import {
  ErrorCode,
  haImportQuerySchema,
  haImportStartedSchema,
  haStatisticsClearedSchema,
  haStatisticsListSchema,
} from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../http/app-error.ts';
import { ok } from '../../http/envelope.ts';
import { eventStreams } from '../../http/event-stream.ts';
import { envelope } from '../../http/route-helpers.ts';
import type { HaImportEvent, HaImports } from './ha-statistics.imports.ts';
import type { HaStatisticsService, HaStatisticsTarget } from './ha-statistics.service.ts';

const tags = ['export'];
const params = z.strictObject({ id: z.uuid() });

export interface HaStatisticsRoutesDeps {
  service: HaStatisticsService;
  imports: HaImports;
  /** The decrypted target of a Home Assistant exporter; throws 404 / 409 with a stable code otherwise. */
  targetOf: (exporterId: string) => Promise<HaStatisticsTarget>;
}

/**
 * `/api/export/configs/{id}/ha-statistics…`: the Energy statistics HA holds for a Home Assistant exporter,
 * clearing them, and imports in the background with their progress as Server-Sent Events.
 */
export function haStatisticsRoutes(deps: HaStatisticsRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const streams = eventStreams(app);
    app.addHook('onClose', async () => {
      await deps.imports.settled();
    });

    app.get(
      '/configs/:id/ha-statistics',
      {
        schema: {
          tags,
          summary: 'The Energy statistics Home Assistant holds for this exporter (its prefix, its meters)',
          params,
          response: { 200: envelope(haStatisticsListSchema) },
        },
      },
      async (request) => ok(await deps.service.list(await deps.targetOf(request.params.id))),
    );

    app.post(
      '/configs/:id/ha-statistics/clear',
      {
        schema: {
          tags,
          summary: 'Clears this exporter’s statistics in Home Assistant; answers the ids cleared',
          params,
          response: { 200: envelope(haStatisticsClearedSchema) },
        },
      },
      async (request) => ok(await deps.service.clear(await deps.targetOf(request.params.id))),
    );

    app.post(
      '/configs/:id/ha-statistics/import',
      {
        schema: {
          tags,
          summary:
            'Starts a statistics import (full, or incremental from HA’s last statistic; clear_first starts from 0); progress and report on …/import/stream',
          params,
          querystring: haImportQuerySchema,
          response: { 202: envelope(haImportStartedSchema) },
        },
      },
      async (request, reply) => {
        const target = await deps.targetOf(request.params.id);
        const started = deps.imports.start(request.params.id, target, {
          clearFirst: request.query.clear_first,
          incremental: request.query.incremental,
        });
        void reply.status(202);
        return ok(started);
      },
    );

    app.get(
      '/configs/:id/ha-statistics/import/stream',
      {
        schema: {
          tags,
          summary:
            'Live import progress (text/event-stream): the latest `progress` first, then `done` with the report or `error` {code, message}; after an import, its outcome',
          params,
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        await deps.targetOf(id);
        const { running, latest } = deps.imports.state(id);
        if (!running && latest === null) {
          throw notFound(ErrorCode.HA_IMPORT_NONE, 'Aucun import de statistiques depuis le démarrage.');
        }
        const stream = streams.open(reply);
        const send = (event: HaImportEvent) => {
          stream.send(event.type, event.data);
          if (event.type !== 'progress') {
            stream.end();
          }
        };
        if (!running && latest) {
          send(latest);
          return;
        }
        stream.onClose(deps.imports.subscribe(id, send));
        // Subscribed before reading the latest again: an event emitted in between is not lost.
        const current = deps.imports.state(id).latest;
        if (current) {
          send(current);
        }
      },
    );
  };
}
