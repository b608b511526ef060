import {
  generationForecastResponseSchema,
  generationForecastTypeSchema,
  generationMixSchema,
  productionTypeSchema,
} from '@med/contracts';
import { addDays, parisToday } from '@med/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import type { Scheduler } from '../../jobs/scheduler.ts';
import { MAX_SERIES_DAYS } from './consumption-france.routes.ts';
import type { GenerationService } from './generation.service.ts';
import { RTE_JOB_NAMES } from './rte.jobs.ts';
import { dateParam, dateRange, daysParam, registerRefreshRoute } from './rte-query.ts';

const tags = ['generation-forecast'];

export function generationForecastRoutes(deps: {
  generation: GenerationService;
  scheduler: Scheduler;
  /** Absent in client mode: the admin refresh and clearing routes belong to the gateway. */
  guard?: Guard;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const { generation } = deps;
    const fromToday = (days: number) => {
      const today = parisToday(new Date());
      return { start: today, end: addDays(today, days - 1) };
    };

    app.get(
      '/',
      {
        schema: {
          tags,
          summary:
            'Solar and wind (onshore + offshore) forecasts in MW; default today..today+2; end included; ≤ 31 days',
          querystring: z.object({
            production_type: productionTypeSchema.optional(),
            forecast_type: generationForecastTypeSchema.optional(),
            start_date: dateParam,
            end_date: dateParam,
          }),
          response: { 200: envelope(generationForecastResponseSchema) },
        },
      },
      async (request) => {
        const { production_type: productionType, forecast_type: forecastType } = request.query;
        const { start, end } = dateRange(
          { start: request.query.start_date, end: request.query.end_date },
          { start: 'start_date', end: 'end_date' },
          fromToday(3),
          MAX_SERIES_DAYS,
        );
        return ok(
          await generation.range(
            {
              ...(productionType ? { productionTypes: [productionType] } : {}),
              ...(forecastType ? { forecastTypes: [forecastType] } : {}),
            },
            start,
            end,
          ),
        );
      },
    );

    for (const type of ['SOLAR', 'WIND'] as const) {
      app.get(
        `/${type.toLowerCase()}`,
        {
          schema: {
            tags,
            summary: `${type} forecasts from today`,
            querystring: z.object({ days: daysParam(7, 3) }),
            response: { 200: envelope(generationForecastResponseSchema) },
          },
        },
        async (request) => {
          const { start, end } = fromToday(request.query.days);
          return ok(await generation.range({ productionTypes: [type] }, start, end));
        },
      );
    }

    app.get(
      '/mix',
      {
        schema: {
          tags,
          summary: 'Solar, wind and renewable total per slot over J-1..J+2',
          querystring: z.object({ forecast_type: generationForecastTypeSchema.default('ID') }),
          response: { 200: envelope(generationMixSchema) },
        },
      },
      async (request) => ok(await generation.mix(request.query.forecast_type)),
    );

    if (deps.guard) {
      const admin = { guard: deps.guard, scheduler: deps.scheduler };
      registerRefreshRoute(app, admin, {
        job: RTE_JOB_NAMES.generation,
        summary: 'Admin: refresh solar and wind forecasts now',
        tags,
      });
    }
  };
}
