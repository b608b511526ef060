import {
  tempoClearResultSchema,
  tempoDayDetailSchema,
  tempoDaySchema,
  tempoForecastResponseSchema,
  tempoTodaySchema,
} from '@med/contracts';
import { addDays, parisToday, seasonBounds, seasonOf } from '@med/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import { security } from '../../http/openapi.ts';
import type { Scheduler } from '../../jobs/scheduler.ts';
import { RTE_JOB_NAMES } from './rte.jobs.ts';
import { dateParam, dateRange, daysParam, registerRefreshRoute } from './rte-query.ts';
import type { TempoService } from './tempo.service.ts';

const tags = ['tempo'];
/** The reference's € page asks for two 10-year ranges; Tempo data is one small row a day. */
const MAX_DAYS = 20 * 366;
/** Tempo began in the 1990s: no stored day is older, so `/days` without dates returns every stored day. */
const FIRST_POSSIBLE_DAY = '1990-01-01';

/** Default period: the current season up to tomorrow. */
const defaults = () => {
  const today = parisToday(new Date());
  return { start: seasonBounds(seasonOf(today)).firstDay, end: addDays(today, 1) };
};

/** Public Tempo reads (no login, in every mode) and the admin refresh. */
export function tempoRoutes(deps: { tempo: TempoService; scheduler: Scheduler; guard?: Guard }): FastifyPluginAsyncZod {
  return async (app) => {
    const { tempo } = deps;

    app.get(
      '/',
      {
        schema: {
          tags,
          summary: 'Tempo colours of a period (default: current season up to tomorrow; end included; ≤ 366 days)',
          querystring: z.object({
            start: dateParam.describe('First day, YYYY-MM-DD'),
            end: dateParam.describe('Last day (included), YYYY-MM-DD'),
          }),
          response: { 200: envelope(z.array(tempoDaySchema)) },
        },
      },
      async (request) => {
        const { start, end } = dateRange(request.query, { start: 'start', end: 'end' }, defaults(), MAX_DAYS);
        return ok((await tempo.days(start, end)).map(({ date, color, updated_at }) => ({ date, color, updated_at })));
      },
    );

    app.get(
      '/days',
      {
        schema: {
          tags,
          summary:
            'Tempo days with RTE’s publication instant (default: every stored day; end included; ≤ 20 years when dates are given)',
          querystring: z.object({ start_date: dateParam, end_date: dateParam }),
          response: { 200: envelope(z.array(tempoDayDetailSchema)) },
        },
      },
      async (request) => {
        const { start_date, end_date } = request.query;
        if (start_date === undefined && end_date === undefined) {
          // As the reference: no parameters means everything stored (through tomorrow).
          return ok(await tempo.days(FIRST_POSSIBLE_DAY, addDays(parisToday(new Date()), 1)));
        }
        const { start, end } = dateRange(
          { start: start_date, end: end_date },
          { start: 'start_date', end: 'end_date' },
          defaults(),
          MAX_DAYS,
        );
        return ok(await tempo.days(start, end));
      },
    );

    app.get(
      '/today',
      {
        schema: {
          tags,
          summary:
            'Colour of today’s calendar date, the colour billed right now (tariff day 06:00→06:00) and tomorrow’s',
          response: { 200: envelope(tempoTodaySchema) },
        },
      },
      async () => ok(await tempo.today()),
    );

    app.get(
      '/week',
      {
        schema: {
          tags,
          summary: 'Known days from J-6 to J+1',
          response: { 200: envelope(z.array(tempoDayDetailSchema)) },
        },
      },
      async () => ok(await tempo.week()),
    );

    app.get(
      '/forecast',
      {
        schema: {
          tags,
          summary: 'Season counters and the forecast of the next days from RTE’s thresholds',
          querystring: z.object({ days: daysParam(6, 6) }),
          response: { 200: envelope(tempoForecastResponseSchema) },
        },
      },
      async (request) => ok(await tempo.forecast(request.query.days)),
    );

    if (deps.guard) {
      const admin = { guard: deps.guard, scheduler: deps.scheduler };
      registerRefreshRoute(app, admin, {
        job: RTE_JOB_NAMES.tempo,
        summary: 'Admin: refresh Tempo now (recent days and missing history)',
        tags,
      });

      const adminWrite = admin.guard.requirePermission('admin_dashboard', { writes: true });
      app.delete(
        '/clear-all',
        {
          onRequest: adminWrite,
          schema: {
            tags,
            security,
            summary: 'Admin: delete every stored Tempo day (the Tempo job fetches the two seasons again)',
            response: { 200: envelope(tempoClearResultSchema) },
          },
        },
        async () => ok(await tempo.clear(null)),
      );

      app.delete(
        '/clear-old',
        {
          onRequest: adminWrite,
          schema: {
            tags,
            security,
            summary:
              'Admin: delete the Tempo days before today − days_to_keep (≥ 7; days of the current and previous seasons are fetched again by the Tempo job)',
            querystring: z.object({
              days_to_keep: z.coerce
                .number()
                .int()
                .min(7)
                .max(36_500)
                .default(30)
                .describe('Days kept before today (7 or more; default 30)'),
            }),
            response: { 200: envelope(tempoClearResultSchema) },
          },
        },
        async (request) => ok(await tempo.clear(request.query.days_to_keep)),
      );
    }
  };
}
