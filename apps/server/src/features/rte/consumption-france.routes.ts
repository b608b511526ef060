import { consumptionFranceResponseSchema, consumptionTypeSchema, currentConsumptionSchema } from '@med/contracts';
import { addDays, parisToday } from '@med/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import type { Scheduler } from '../../jobs/scheduler.ts';
import { CONSUMPTION_TYPES, type ConsumptionService } from './consumption.service.ts';
import { RTE_JOB_NAMES } from './rte.jobs.ts';
import { dateParam, dateRange, daysParam, registerRefreshRoute } from './rte-query.ts';

const tags = ['consumption-france'];
/** 15-minute series are large (five types × 96 values a day): a month per call keeps answers small. */
export const MAX_SERIES_DAYS = 31;

export function consumptionFranceRoutes(deps: {
  consumption: ConsumptionService;
  scheduler: Scheduler;
  /** Absent in client mode: the admin refresh and clearing routes belong to the gateway. */
  guard?: Guard;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const { consumption } = deps;

    app.get(
      '/',
      {
        schema: {
          tags,
          summary:
            'National consumption in MW (REALISED, ID, D-1, D-2, WEEKLY); default yesterday..tomorrow; end included; ≤ 31 days',
          querystring: z.object({ type: consumptionTypeSchema.optional(), start_date: dateParam, end_date: dateParam }),
          response: { 200: envelope(consumptionFranceResponseSchema) },
        },
      },
      async (request) => {
        const today = parisToday(new Date());
        const { start, end } = dateRange(
          { start: request.query.start_date, end: request.query.end_date },
          { start: 'start_date', end: 'end_date' },
          { start: addDays(today, -1), end: addDays(today, 1) },
          MAX_SERIES_DAYS,
        );
        return ok(await consumption.range(request.query.type ? [request.query.type] : CONSUMPTION_TYPES, start, end));
      },
    );

    app.get(
      '/current',
      {
        schema: {
          tags,
          summary: 'Latest realised national consumption of the last 2 hours (MW), or null',
          response: { 200: envelope(currentConsumptionSchema) },
        },
      },
      async () => ok(await consumption.current()),
    );

    app.get(
      '/forecast',
      {
        schema: {
          tags,
          summary: 'Consumption forecasts (ID, D-1, D-2, WEEKLY) from today',
          querystring: z.object({ days: daysParam(7, 3) }),
          response: { 200: envelope(consumptionFranceResponseSchema) },
        },
      },
      async (request) => ok(await consumption.forecast(request.query.days)),
    );

    if (deps.guard) {
      const admin = { guard: deps.guard, scheduler: deps.scheduler };
      registerRefreshRoute(app, admin, {
        job: RTE_JOB_NAMES.consumption,
        summary: 'Admin: refresh national consumption now',
        tags,
      });
    }
  };
}
