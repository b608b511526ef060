import { rteApiKeySchema, rteStatusSchema, rteTestAllSchema, rteTestResultSchema } from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Guard } from '../../http/auth.ts';
import type { Scheduler } from '../../jobs/scheduler.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import { security } from '../../http/openapi.ts';
import type { RteAdminService } from './rte-admin.service.ts';
import { RTE_JOB_NAMES } from './rte.jobs.ts';
import { registerRefreshRoute } from './rte-query.ts';

const tags = ['admin'];

/** `/api/admin/rte/*`, all behind the `admin_dashboard` permission. */
export function adminRteRoutes(deps: {
  admin: RteAdminService;
  guard: Guard;
  scheduler: Scheduler;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const onRequest = deps.guard.requirePermission('admin_dashboard');

    app.get(
      '/status',
      {
        onRequest,
        schema: {
          tags,
          security,
          summary: 'RTE connection, APIs, scheduled jobs and stored data',
          response: { 200: envelope(rteStatusSchema) },
        },
      },
      async () => ok(await deps.admin.status()),
    );

    app.get(
      '/test',
      {
        onRequest,
        schema: {
          tags,
          security,
          summary: 'Calls every RTE API once and reports each outcome',
          response: { 200: envelope(rteTestAllSchema) },
        },
      },
      async () => ok(await deps.admin.testAll()),
    );

    app.get(
      '/test/:api',
      {
        onRequest,
        schema: {
          tags,
          security,
          summary: 'Calls one RTE API once (tempo, ecowatt, consumption, generation)',
          params: z.object({ api: rteApiKeySchema }),
          response: { 200: envelope(rteTestResultSchema) },
        },
      },
      async (request) => ok(await deps.admin.test(request.params.api)),
    );

    // The reference's admin paths for the two refreshes; the same runs as `/api/tempo|ecowatt/refresh`.
    registerRefreshRoute(app, deps, {
      path: '/refresh/tempo',
      job: RTE_JOB_NAMES.tempo,
      summary: 'Refresh Tempo now (recent days and missing history); same as POST /api/tempo/refresh',
      tags,
    });
    registerRefreshRoute(app, deps, {
      path: '/refresh/ecowatt',
      job: RTE_JOB_NAMES.ecowatt,
      summary: 'Refresh EcoWatt now (429 within 15 minutes of the last call); same as POST /api/ecowatt/refresh',
      tags,
    });
  };
}
