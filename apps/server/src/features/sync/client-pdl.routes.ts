import { pdlResponseSchema } from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import { listMeters } from './client-meters.repository.ts';

/**
 * `GET /api/pdl` in client mode: the household's meters as the gateway last listed them (kept by the sync),
 * in the gateway's order and shape, so the web app's data pages and meter pickers work unchanged. Read only:
 * meters are added, renamed and ordered on the gateway.
 */
export function clientPdlRoutes(deps: { db: Db }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        schema: {
          tags: ['sync'],
          summary: 'The household’s meters, from the local store (client mode)',
          response: { 200: envelope(z.array(pdlResponseSchema)) },
        },
      },
      async () => {
        const meters = (await listMeters(deps.db)).map((meter) => meter.pdl);
        // The gateway's order (display_order; unordered meters last, by PRM) is what its web app shows.
        const rank = (order: number | null) => order ?? Number.MAX_SAFE_INTEGER;
        return ok(meters.sort((a, b) => rank(a.display_order) - rank(b.display_order)));
      },
    );
  };
}
