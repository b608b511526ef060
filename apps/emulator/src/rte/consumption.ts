/**
 * Consumption v1 (enedis-rte-reference §B4), in MW:
 * - `GET /open_api/consumption/v1/short_term?type=REALISED|ID|D-1|D-2&start_date&end_date`: one entry per
 *   type, 15-minute values. `type` may list several (`REALISED,D-1`); without it every type comes back.
 *   Without dates: today. REALISED exists up to now (each slot 15 min after it ends); ID for days up to
 *   tomorrow; D-1 from 19:30 the day before; D-2 from 07:00 two days before.
 * - `GET /open_api/consumption/v1/weekly_forecasts`: D+3 … D+9 as gorte types it, one entry per day
 *   with its peak and 30-minute values, published daily at 10:00.
 *
 * Error codes follow the Tempo numbering (F01 dates together, F02 order, F03 period > 366 days, F06
 * format, F08 bad `type`); they are ours, RTE's are not documented. So is the 366-day limit.
 */
import { addDays, parisDate, parisDayBounds } from '@med/core';
import type { FastifyInstance } from 'fastify';
import { forecastConsumption, realisedConsumption } from './consumption-model.ts';
import { RteRequestError } from './errors.ts';
import { bearerGuard } from './oauth.ts';
import { listParameter, optionalPeriod } from './query.ts';
import { signedNoise } from './prng.ts';
import { formatRteDateTime, parisTimeOn, slotStarts } from './rte-dates.ts';
import type { RteRuntime } from './runtime.ts';
import { dailyTemperature, normalTemperature } from './weather.ts';

export const SHORT_TERM_PATH = '/open_api/consumption/v1/short_term';
export const WEEKLY_FORECASTS_PATH = '/open_api/consumption/v1/weekly_forecasts';
export const SHORT_TERM_TYPES = ['REALISED', 'ID', 'D-1', 'D-2'] as const;
export type ShortTermType = (typeof SHORT_TERM_TYPES)[number];

const ERROR_PREFIX = 'CONSUMPTION_SHORTTERM';
const STEP_MINUTES = 15;
const MINUTE_MS = 60_000;
const MAX_PERIOD_MS = 366 * 86_400_000 + 3_600_000;

interface ShortTermValue {
  start_date: string;
  end_date: string;
  updated_date: string;
  value: number;
}

/** When a slot of `type` became available, or `null` when it does not exist yet at `now`. */
function updatedAt(type: ShortTermType, slotStart: Date, now: Date): Date | null {
  const date = parisDate(slotStart);
  switch (type) {
    case 'REALISED': {
      const at = new Date(slotStart.getTime() + (STEP_MINUTES + 15) * MINUTE_MS);
      return at <= now ? at : null;
    }
    case 'ID': {
      if (date > addDays(parisDate(now), 1)) {
        return null;
      }
      // Intraday runs hourly; a past day keeps its last run of the day (23:00).
      const lastRunOfDay = parisTimeOn(date, '23:00');
      const lastRun = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
      return lastRun < lastRunOfDay ? lastRun : lastRunOfDay;
    }
    case 'D-1': {
      const at = parisTimeOn(addDays(date, -1), '19:30');
      return at <= now ? at : null;
    }
    case 'D-2': {
      const at = parisTimeOn(addDays(date, -2), '07:00');
      return at <= now ? at : null;
    }
  }
}

function valueOf(type: ShortTermType, slotStart: Date): number {
  return type === 'REALISED'
    ? realisedConsumption(slotStart, STEP_MINUTES)
    : forecastConsumption(slotStart, STEP_MINUTES, type);
}

export function shortTerm(runtime: RteRuntime, query: Record<string, unknown>) {
  const types = listParameter(query, 'type', SHORT_TERM_TYPES, `${ERROR_PREFIX}_F08`) ?? [...SHORT_TERM_TYPES];
  const now = runtime.now();
  const period = optionalPeriod(query, ERROR_PREFIX) ?? parisDayBounds(parisDate(now));
  if (period.end.getTime() - period.start.getTime() > MAX_PERIOD_MS) {
    throw new RteRequestError(`${ERROR_PREFIX}_F03`, 'The period must not exceed 366 days.');
  }
  const slots = slotStarts(period.start, period.end, STEP_MINUTES);
  return {
    short_term: types.map((type) => {
      const values: ShortTermValue[] = [];
      for (const slot of slots) {
        const updated = updatedAt(type, slot, now);
        if (!updated) {
          continue;
        }
        values.push({
          start_date: formatRteDateTime(slot),
          end_date: formatRteDateTime(new Date(slot.getTime() + STEP_MINUTES * MINUTE_MS)),
          updated_date: formatRteDateTime(updated),
          value: valueOf(type, slot),
        });
      }
      return {
        type,
        start_date: formatRteDateTime(period.start),
        end_date: formatRteDateTime(period.end),
        values,
      };
    }),
  };
}

/** One day of the weekly forecast (gorte's typed shape). */
function weeklyDay(date: string, updated: Date) {
  const { start, end } = parisDayBounds(date);
  const values = slotStarts(start, end, 30).map((slot) => ({
    start_date: formatRteDateTime(slot),
    end_date: formatRteDateTime(new Date(slot.getTime() + 30 * MINUTE_MS)),
    value: forecastConsumption(slot, 30, 'WEEKLY'),
  }));
  const peak = values.reduce((best, v) => (v.value > best.value ? v : best));
  const temperature = dailyTemperature(date) + 0.8 * signedNoise(`weekly-temperature:${date}`);
  return {
    start_date: formatRteDateTime(start),
    end_date: formatRteDateTime(end),
    updated_date: formatRteDateTime(updated),
    peak: {
      peak_hour: peak.start_date,
      value: peak.value,
      temperature: Math.round(temperature * 10) / 10,
      temperature_deviation: Math.round((temperature - normalTemperature(date)) * 10) / 10,
    },
    values,
  };
}

export function weeklyForecasts(runtime: RteRuntime) {
  const now = runtime.now();
  const today = parisDate(now);
  const published = now >= parisTimeOn(today, '10:00') ? today : addDays(today, -1);
  const updated = parisTimeOn(published, '10:00');
  return {
    weekly_forecasts: [3, 4, 5, 6, 7, 8, 9].map((offset) => weeklyDay(addDays(published, offset), updated)),
  };
}

export async function consumptionRoutes(app: FastifyInstance, opts: { runtime: RteRuntime }): Promise<void> {
  const { runtime } = opts;
  const preHandler = bearerGuard(runtime, 'consumption');
  app.get(SHORT_TERM_PATH, { preHandler }, async (request) =>
    shortTerm(runtime, request.query as Record<string, unknown>),
  );
  app.get(WEEKLY_FORECASTS_PATH, { preHandler }, async () => weeklyForecasts(runtime));
}
