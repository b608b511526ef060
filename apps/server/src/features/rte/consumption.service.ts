import type { ConsumptionFranceResponse, CurrentConsumption } from '@med/contracts';
import { addDays, formatParisIso, parisDayBounds, parisToday } from '@med/core';
import type { ConsumptionRepository, ConsumptionRow } from './consumption.repository.ts';
import type { RteApi } from './rte-api.ts';

export const CONSUMPTION_TYPES = ['REALISED', 'ID', 'D-1', 'D-2', 'WEEKLY'] as const;
export type ConsumptionType = (typeof CONSUMPTION_TYPES)[number];
export const FORECAST_CONSUMPTION_TYPES = ['ID', 'D-1', 'D-2', 'WEEKLY'] as const;

/** RTE publishes the weekly forecast once a day (about 10:00); refetching it more than every 6 hours is waste. */
const WEEKLY_REFRESH_MS = 6 * 3_600_000;
/** `current` only reports a realised value this recent. */
const CURRENT_MAX_AGE_MS = 2 * 3_600_000;

/** Groups stored rows into the reference's `short_term` shape, in `types` order, values as RTE-style Paris instants. */
export function toShortTerm(
  rows: readonly ConsumptionRow[],
  types: readonly string[],
  start: Date,
  end: Date,
): ConsumptionFranceResponse {
  const byType = new Map<string, ConsumptionRow[]>();
  for (const row of rows) {
    const list = byType.get(row.type);
    if (list) {
      list.push(row);
    } else {
      byType.set(row.type, [row]);
    }
  }
  return {
    short_term: types
      .filter((type) => byType.has(type))
      .map((type) => ({
        type: type as ConsumptionType,
        values: (byType.get(type) ?? []).map((row) => ({
          start_date: formatParisIso(new Date(row.start_date)),
          end_date: formatParisIso(new Date(row.end_date)),
          value: row.value,
          updated_date: row.updated_date ? formatParisIso(new Date(row.updated_date)) : null,
        })),
      })),
    period: { start_date: formatParisIso(start), end_date: formatParisIso(end) },
  };
}

export function createConsumptionService(deps: { consumption: ConsumptionRepository; api: RteApi }) {
  const { consumption, api } = deps;

  async function range(
    types: readonly string[],
    startDate: string,
    endDate: string,
  ): Promise<ConsumptionFranceResponse> {
    const start = parisDayBounds(startDate).start;
    const end = parisDayBounds(endDate).end;
    return toShortTerm(await consumption.range(start.toISOString(), end.toISOString(), types), types, start, end);
  }

  return {
    /** Short-term D-2..D+2 (every type in one call, as MED does), and the weekly forecast D+3..D+9 when stale. */
    async sync(signal: AbortSignal | undefined, now = new Date()): Promise<string> {
      const today = parisToday(now);
      const series = await api.shortTerm(addDays(today, -2), addDays(today, 3), signal);
      const counts = series.map((entry) => `${entry.type} ${entry.values.length}`).join(', ');
      let stored = await consumption.upsert(series, now);
      const lastWeekly = await consumption.lastStoredAt('WEEKLY');
      let weekly = 'weekly up to date';
      if (!lastWeekly || Date.parse(lastWeekly) < now.getTime() - WEEKLY_REFRESH_MS) {
        const forecast = await api.weekly(signal);
        stored += await consumption.upsert([forecast], now);
        weekly = `WEEKLY ${forecast.values.length}`;
      }
      return `${stored} value(s) stored (${counts}; ${weekly})`;
    },

    /** Stored values of `types` for the Paris days `[startDate, endDate]`. */
    range,

    /** The latest realised value of the last 2 hours, or null. */
    async current(now = new Date()): Promise<CurrentConsumption> {
      const row = await consumption.latest('REALISED', new Date(now.getTime() - CURRENT_MAX_AGE_MS).toISOString());
      if (!row) {
        return null;
      }
      return {
        type: 'REALISED',
        start_date: formatParisIso(new Date(row.start_date)),
        end_date: formatParisIso(new Date(row.end_date)),
        value: row.value,
        updated_date: row.updated_date ? formatParisIso(new Date(row.updated_date)) : null,
        unit: 'MW',
      };
    },

    /** Forecast types from today for `days` days. */
    async forecast(days: number, now = new Date()): Promise<ConsumptionFranceResponse> {
      const today = parisToday(now);
      return range(FORECAST_CONSUMPTION_TYPES, today, addDays(today, days - 1));
    },
  };
}
export type ConsumptionService = ReturnType<typeof createConsumptionService>;
