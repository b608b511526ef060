import { ecowattRefreshStatusSchema, ecowattSignalSchema, ecowattStatisticsSchema } from '@med/contracts';
import { addDays, parisToday } from '@med/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import { security } from '../../http/openapi.ts';
import type { Scheduler } from '../../jobs/scheduler.ts';
import { RTE_JOB_NAMES } from './rte.jobs.ts';
import { dateParam, dateRange, daysParam, registerRefreshRoute } from './rte-query.ts';
import type { EcowattService } from './ecowatt.service.ts';

const tags = ['ecowatt'];

/**
 * Said in OpenAPI for the four routes that answer the reference's raw body: existing clients (the
 * reference's own web app among them) read these bodies directly. Errors keep the usual error envelope.
 */
const RAW_BODY =
  'Raw body without the envelope, as the reference gateway answers (compatibility exception; errors are enveloped).';

/**
 * EcoWatt reads. RTE data is public, so every read is public (the reference required a login). As in
 * the reference, `/current`, `/history`, `/statistics` and `/refresh/status` answer their raw body (no
 * envelope; architecture §6 and decision 0014); `/forecast` is enveloped like the rest of the API.
 */
export function ecowattRoutes(deps: {
  ecowatt: EcowattService;
  scheduler: Scheduler;
  /** Absent in client mode: the admin refresh and clearing routes belong to the gateway. */
  guard?: Guard;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const { ecowatt } = deps;

    app.get(
      '/current',
      {
        schema: {
          tags,
          summary: 'Today’s EcoWatt signal (null when unknown)',
          description: RAW_BODY,
          response: { 200: ecowattSignalSchema.nullable() },
        },
      },
      async () => ecowatt.current(),
    );

    app.get(
      '/forecast',
      {
        schema: {
          tags,
          summary: 'EcoWatt signals from today (RTE publishes D..D+3)',
          querystring: z.object({ days: daysParam(7, 4) }),
          response: { 200: envelope(z.array(ecowattSignalSchema)) },
        },
      },
      async (request) => ok(await ecowatt.forecast(request.query.days)),
    );

    app.get(
      '/history',
      {
        schema: {
          tags,
          summary: 'Stored EcoWatt days (default: the last 30 days; end included; ≤ 366 days)',
          description: RAW_BODY,
          querystring: z.object({ start_date: dateParam, end_date: dateParam }),
          response: { 200: z.array(ecowattSignalSchema) },
        },
      },
      async (request) => {
        const today = parisToday(new Date());
        const { start, end } = dateRange(
          { start: request.query.start_date, end: request.query.end_date },
          { start: 'start_date', end: 'end_date' },
          { start: addDays(today, -29), end: today },
          366,
        );
        return ecowatt.history(start, end);
      },
    );

    app.get(
      '/statistics',
      {
        schema: {
          tags,
          summary: 'Green, orange and red days of a year among the stored days',
          description: RAW_BODY,
          querystring: z.object({ year: z.coerce.number().int().min(2012).max(2100).optional() }),
          response: { 200: ecowattStatisticsSchema },
        },
      },
      async (request) => ecowatt.statistics(request.query.year ?? Number(parisToday(new Date()).slice(0, 4))),
    );

    if (deps.guard) {
      const admin = { guard: deps.guard, scheduler: deps.scheduler };
      registerRefreshRoute(app, admin, {
        job: RTE_JOB_NAMES.ecowatt,
        summary: 'Admin: refresh EcoWatt now (429 within 15 minutes of the last call, RTE’s rule)',
        tags,
      });

      app.get(
        '/refresh/status',
        {
          onRequest: admin.guard.requirePermission('admin_dashboard'),
          schema: {
            tags,
            security,
            summary: 'Admin: when the 15-minute rule allows the next EcoWatt call, and the last call and refresh',
            description: RAW_BODY,
            response: { 200: ecowattRefreshStatusSchema },
          },
        },
        async () => ecowatt.refreshStatus(),
      );
    }
  };
}
