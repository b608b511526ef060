import { dataAccessSchema, sharedPdlsSchema } from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser, type Guard } from '../../http/auth.ts';
import { toBool, type Db } from '../../db/database.ts';
import { ok } from '../../http/envelope.ts';
import { security } from '../../http/openapi.ts';
import { envelope } from '../../http/route-helpers.ts';
import { listSharedPdls, listSharedReads } from './shared-data.repository.ts';

const DATA_ACCESS_SHOWN = 200;

/** `GET /api/admin/shared-pdls` (reference path): the meters administrators may read, by owner. */
export function sharedPdlsRoutes(deps: { db: Db; guard: Guard }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/shared-pdls',
      {
        onRequest: deps.guard.requirePermission('users'),
        schema: {
          tags: ['admin'],
          security,
          summary: 'Meters of the users who share their data (read them with X-Impersonate-User-Id: owner_id)',
          response: { 200: envelope(sharedPdlsSchema) },
        },
      },
      async () => {
        const pdls = await listSharedPdls(deps.db);
        return ok({ pdls, total: pdls.length });
      },
    );
  };
}

/** `GET /api/accounts/me/data-access`: the caller's sharing state and who read their data when. */
export function dataAccessRoutes(deps: { db: Db; guard: Guard }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/data-access',
      {
        onRequest: deps.guard.guard(),
        schema: {
          tags: ['accounts'],
          security,
          summary: 'Reads of my meter data by administrators under data sharing, newest first',
          response: { 200: envelope(dataAccessSchema) },
        },
      },
      async (request) => {
        const user = currentUser(request);
        const { rows, total } = await listSharedReads(deps.db, user.id, DATA_ACCESS_SHOWN);
        return ok({
          sharing_enabled: toBool(user.row.admin_data_sharing),
          sharing_enabled_at: user.row.admin_data_sharing_enabled_at,
          entries: rows.map((row) => ({
            at: row.created_at,
            reader_email: row.reader_email,
            route: row.route,
            usage_point_id: row.usage_point_id,
          })),
          total,
        });
      },
    );
  };
}
