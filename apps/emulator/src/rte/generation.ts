/**
 * Generation forecast v3 (enedis-rte-reference §B5):
 * `GET /open_api/generation_forecast/v3/forecasts?production_type&type&start_date&end_date`, values in MW.
 *
 * - `type` is mandatory. `D-3` and `D-2` always answer 400, as MED observed in production.
 * - The period must be available for the type, otherwise 400: D-1 of a day exists from 18:00 Paris the
 *   day before; ID and CURRENT exist for days up to tomorrow. Without dates, the natural window of the
 *   type (D-1: the latest published day; ID/CURRENT: today and tomorrow).
 * - `production_type` SOLAR, WIND_ONSHORE or WIND_OFFSHORE (a comma list is accepted); without it, all.
 * - Steps: 30 min for D-1 and ID, 15 min for CURRENT (clients must read each value's dates).
 * - Error codes follow the Tempo numbering and are ours (F01 dates together, F02 order, F03 period
 *   > 366 days, F04 not available, F06 format, F08 production_type, F09 type).
 */
import { addDays, parisDate, parisDayBounds } from '@med/core';
import type { FastifyInstance } from 'fastify';
import { RteRequestError } from './errors.ts';
import {
  forecastGeneration,
  PRODUCTION_TYPES,
  type GenerationHorizon,
  type ProductionType,
} from './generation-model.ts';
import { bearerGuard } from './oauth.ts';
import { firstQueryValue, listParameter, optionalPeriod } from './query.ts';
import { formatRteDateTime, parisDaysOverlapping, parisTimeOn, slotStarts } from './rte-dates.ts';
import type { RteRuntime } from './runtime.ts';

export const GENERATION_FORECAST_PATH = '/open_api/generation_forecast/v3/forecasts';
const ERROR_PREFIX = 'GENERATIONFORECAST_FORECASTS';
const FORECAST_TYPES = ['D-3', 'D-2', 'D-1', 'ID', 'CURRENT'] as const;
const STEP_MINUTES: Record<GenerationHorizon, number> = { 'D-1': 30, ID: 30, CURRENT: 15 };
const HOUR_MS = 3_600_000;
const MAX_PERIOD_MS = 366 * 24 * HOUR_MS + HOUR_MS;

function isGenerationHorizon(type: string): type is GenerationHorizon {
  return type === 'D-1' || type === 'ID' || type === 'CURRENT';
}

/** When the forecast of `type` for `date` was issued, or `null` if it does not exist at `now`. */
function issuedAt(type: GenerationHorizon, date: string, now: Date): Date | null {
  if (type === 'D-1') {
    const at = parisTimeOn(addDays(date, -1), '18:00');
    return at <= now ? at : null;
  }
  if (date > addDays(parisDate(now), 1)) {
    return null;
  }
  // ID runs hourly, CURRENT every 15 min; a past day keeps its last run.
  const cadence = type === 'ID' ? HOUR_MS : HOUR_MS / 4;
  const lastRun = new Date(Math.floor(now.getTime() / cadence) * cadence);
  const dayEnd = parisDayBounds(date).end;
  return lastRun < dayEnd ? lastRun : new Date(dayEnd.getTime() - cadence);
}

function defaultPeriod(type: GenerationHorizon, runtime: RteRuntime): { start: Date; end: Date } {
  const now = runtime.now();
  const today = parisDate(now);
  if (type === 'D-1') {
    const tomorrow = addDays(today, 1);
    return parisDayBounds(issuedAt('D-1', tomorrow, now) ? tomorrow : today);
  }
  return { start: parisDayBounds(today).start, end: parisDayBounds(addDays(today, 1)).end };
}

function notAvailable(detail: string): RteRequestError {
  return new RteRequestError(`${ERROR_PREFIX}_F04`, `No forecast available for this type and period: ${detail}`);
}

export function generationForecasts(runtime: RteRuntime, query: Record<string, unknown>) {
  const productionTypes = listParameter(query, 'production_type', PRODUCTION_TYPES, `${ERROR_PREFIX}_F08`) ?? [
    ...PRODUCTION_TYPES,
  ];
  const typeText = firstQueryValue(query, 'type');
  if (typeText === undefined) {
    throw new RteRequestError(`${ERROR_PREFIX}_F09`, 'The "type" field is mandatory.');
  }
  if (!(FORECAST_TYPES as readonly string[]).includes(typeText)) {
    throw new RteRequestError(
      `${ERROR_PREFIX}_F09`,
      `The value "${typeText}" of "type" field is not one of ${FORECAST_TYPES.join(', ')}.`,
    );
  }
  if (!isGenerationHorizon(typeText)) {
    throw notAvailable(`type ${typeText} is not served.`);
  }
  const type = typeText;

  const now = runtime.now();
  const period = optionalPeriod(query, ERROR_PREFIX) ?? defaultPeriod(type, runtime);
  if (period.end.getTime() - period.start.getTime() > MAX_PERIOD_MS) {
    throw new RteRequestError(`${ERROR_PREFIX}_F03`, 'The period must not exceed 366 days.');
  }
  const days = parisDaysOverlapping(period.start, period.end);
  const issued = new Map(days.map((date) => [date, issuedAt(type, date, now)]));
  const missing = days.find((date) => issued.get(date) === null);
  if (missing) {
    throw notAvailable(`${type} of ${missing} is not published yet.`);
  }

  const step = STEP_MINUTES[type];
  const slots = slotStarts(period.start, period.end, step);
  return {
    forecasts: productionTypes.map((productionType: ProductionType) => ({
      production_type: productionType,
      type,
      start_date: formatRteDateTime(period.start),
      end_date: formatRteDateTime(period.end),
      values: slots.map((slot) => ({
        start_date: formatRteDateTime(slot),
        end_date: formatRteDateTime(new Date(slot.getTime() + step * 60_000)),
        updated_date: formatRteDateTime(issued.get(parisDate(slot)) ?? now),
        value: forecastGeneration(productionType, type, slot, step),
      })),
    })),
  };
}

export async function generationRoutes(app: FastifyInstance, opts: { runtime: RteRuntime }): Promise<void> {
  const { runtime } = opts;
  app.get(GENERATION_FORECAST_PATH, { preHandler: bearerGuard(runtime, 'generation') }, async (request) =>
    generationForecasts(runtime, request.query as Record<string, unknown>),
  );
}
