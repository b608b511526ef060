import {
  consumptionFranceResponseSchema,
  ecowattSignalSchema,
  generationForecastResponseSchema,
  tempoDayDetailSchema,
} from '@med/contracts';
import { addDays, isTempoColour, parisToday } from '@med/core';
import { z } from 'zod';
import type { GatewayClient } from '../gateway-client/gateway-client.ts';
import type { RteApi, RteSeries, RteSlotValue } from '../rte/rte-api.ts';

/** The gateway's national series answer at most this many days per call (its MAX_SERIES_DAYS). */
const SERIES_DAYS_PER_CALL = 31;
/** RTE's weekly forecast covers D+3..D+9; the gateway serves what it stored of it. */
const WEEKLY_DAYS = 10;
const SHORT_TERM_TYPES = ['REALISED', 'ID', 'D-1', 'D-2'];

function slot(value: {
  start_date: string;
  end_date: string;
  value: number;
  updated_date: string | null;
}): RteSlotValue {
  return {
    start: new Date(value.start_date),
    end: new Date(value.end_date),
    value: value.value,
    updated: value.updated_date ? new Date(value.updated_date) : null,
  };
}

/**
 * RTE's data as a local client gets it: from its gateway's public routes (`/tempo/days`, `/ecowatt/forecast`,
 * `/consumption-france`, `/generation-forecast`), in the shapes the RTE services expect from RTE itself.
 * The client's RTE services, repositories, jobs and read routes then work unchanged: they fill the local
 * tables on the gateway's cadence and answer from them. The gateway's answers are checked with the
 * contracts' schemas before anything is stored.
 */
export function createGatewayRteApi(gateway: GatewayClient, now: () => Date = () => new Date()): RteApi {
  const get = async <T>(path: string, schema: z.ZodType<T>, query: Record<string, string>, signal?: AbortSignal) => {
    const body = z
      .object({ data: z.unknown() })
      .parse(await gateway.getJson(path, { query, ...(signal ? { signal } : {}) }));
    return schema.parse(body.data);
  };

  /** National series of `types` over `[start, endExclusive)`, in the gateway's 31-day windows (end included there). */
  async function consumption(start: string, endExclusive: string, types: string[], signal?: AbortSignal) {
    const series = new Map<string, RteSlotValue[]>(types.map((type) => [type, []]));
    for (let from = start; from < endExclusive; from = addDays(from, SERIES_DAYS_PER_CALL)) {
      const next = addDays(from, SERIES_DAYS_PER_CALL);
      const to = next < endExclusive ? next : endExclusive;
      const query = {
        start_date: from,
        end_date: addDays(to, -1),
        ...(types.length === 1 ? { type: types[0] ?? '' } : {}),
      };
      const body = await get('/consumption-france', consumptionFranceResponseSchema, query, signal);
      for (const entry of body.short_term) {
        series.get(entry.type)?.push(...entry.values.map(slot));
      }
    }
    return [...series].map(([type, values]): RteSeries => ({ type, values }));
  }

  return {
    async tempo(start, endExclusive, signal) {
      const days = await get(
        '/tempo/days',
        z.array(tempoDayDetailSchema),
        { start_date: start, end_date: addDays(endExclusive, -1) },
        signal,
      );
      return days.map((day) => ({
        date: day.date,
        color: isTempoColour(day.color) ? day.color : undefined,
        rteUpdatedDate: day.rte_updated_date,
      }));
    },

    async ecowatt(signal) {
      const signals = await get('/ecowatt/forecast', z.array(ecowattSignalSchema), { days: '7' }, signal);
      return signals.map((day) => ({
        periode: day.periode,
        generation: day.generation_datetime,
        dvalue: day.dvalue,
        message: day.message,
        hourly: day.values,
      }));
    },

    shortTerm(start, endExclusive, signal, types) {
      return consumption(start, endExclusive, types ?? SHORT_TERM_TYPES, signal);
    },

    async weekly(signal) {
      const today = parisToday(now());
      const [series] = await consumption(today, addDays(today, WEEKLY_DAYS), ['WEEKLY'], signal);
      return series ?? { type: 'WEEKLY', values: [] };
    },

    async generation(type, start, endExclusive, signal) {
      const body = await get(
        '/generation-forecast',
        generationForecastResponseSchema,
        { forecast_type: type, start_date: start, end_date: addDays(endExclusive, -1) },
        signal,
      );
      return body.forecasts.map((series): RteSeries => ({
        type: series.forecast_type,
        productionType: series.production_type,
        values: series.values.map(slot),
      }));
    },
  };
}
