import { adminCacheClearAllResultSchema } from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser, type Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { security } from '../../http/openapi.ts';
import { clientIp, envelope } from '../../http/route-helpers.ts';
import type { AdminCachesService } from './admin-caches.service.ts';

const tags = ['admin'];

/**
 * `/api/admin/cache/{consumption,production}/clear-all` and `/api/admin/cache/clear-all` (reference paths). The reference kept them to ADMIN_EMAILS; here they
 * need `users.edit`, which only the admin role holds by default: emptying everyone's cache sends every
 * user's next reads to Enedis.
 */
export function adminCachesRoutes(deps: { caches: AdminCachesService; guard: Guard }): FastifyPluginAsyncZod {
  const routes = [
    ['/cache/consumption/clear-all', 'consumption', 'Deletes every user’s cached consumption data'],
    ['/cache/production/clear-all', 'production', 'Deletes every user’s cached production data'],
    ['/cache/clear-all', 'all', 'Deletes every user’s cached Enedis data (consumption, production, contracts)'],
  ] as const;
  return async (app) => {
    for (const [path, what, summary] of routes) {
      app.delete(
        path,
        {
          onRequest: deps.guard.requirePermission('users.edit', { writes: true }),
          schema: { tags, security, summary, response: { 200: envelope(adminCacheClearAllResultSchema) } },
        },
        async (request) => ok(await deps.caches.clear({ user: currentUser(request), ip: clientIp(request) }, what)),
      );
    }
  };
}
