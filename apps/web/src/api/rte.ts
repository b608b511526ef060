import {
  consumptionFranceResponseSchema,
  currentConsumptionSchema,
  ecowattSignalSchema,
  ecowattStatisticsSchema,
  generationMixSchema,
  tempoDaySchema,
  tempoForecastResponseSchema,
  tempoTodaySchema,
} from '@med/contracts';
import { request, requestRaw } from './client.ts';

/** Public RTE reads (no login): Tempo, EcoWatt, national consumption and the solar/wind forecasts. */

export const rteKeys = {
  tempoToday: ['rte', 'tempo', 'today'] as const,
  tempoForecast: ['rte', 'tempo', 'forecast'] as const,
  tempoSeason: (season: string) => ['rte', 'tempo', 'season', season] as const,
  ecowattForecast: ['rte', 'ecowatt', 'forecast'] as const,
  ecowattStatistics: (year: number) => ['rte', 'ecowatt', 'statistics', year] as const,
  consumption: ['rte', 'consumption-france'] as const,
  consumptionCurrent: ['rte', 'consumption-france', 'current'] as const,
  generationMix: ['rte', 'generation-forecast', 'mix'] as const,
};

const tempoDaysSchema = tempoDaySchema.array();
const ecowattSignalsSchema = ecowattSignalSchema.array();

export function getTempoToday(signal?: AbortSignal) {
  return request('GET', '/tempo/today', { schema: tempoTodaySchema, signal });
}

/** Season counters and the forecast of the next `days` days (≤ 6). */
export function getTempoForecast(days: number, signal?: AbortSignal) {
  return request('GET', '/tempo/forecast', { query: { days }, schema: tempoForecastResponseSchema, signal });
}

/** Published colours of `[start, end]` (end included); without a range, the current season up to tomorrow. */
export function getTempoDays(range: { start: string; end: string } | null, signal?: AbortSignal) {
  return request('GET', '/tempo', {
    query: range ? { start: range.start, end: range.end } : {},
    schema: tempoDaysSchema,
    signal,
  });
}

/** EcoWatt signals from today (RTE publishes D..D+3). */
export function getEcowattForecast(days: number, signal?: AbortSignal) {
  return request('GET', '/ecowatt/forecast', { query: { days }, schema: ecowattSignalsSchema, signal });
}

/** Raw body, no envelope: the reference's clients read it that way. */
export function getEcowattStatistics(year: number, signal?: AbortSignal) {
  return requestRaw('GET', '/ecowatt/statistics', { query: { year }, schema: ecowattStatisticsSchema, signal });
}

/** National consumption (MW) per type, yesterday to tomorrow. */
export function getConsumptionFrance(signal?: AbortSignal) {
  return request('GET', '/consumption-france', { schema: consumptionFranceResponseSchema, signal });
}

/** The latest realised national consumption of the last two hours, or null. */
export function getCurrentConsumption(signal?: AbortSignal) {
  return request('GET', '/consumption-france/current', { schema: currentConsumptionSchema, signal });
}

/** Solar and wind per half-hour (intraday forecast), yesterday to the day after tomorrow. */
export function getGenerationMix(signal?: AbortSignal) {
  return request('GET', '/generation-forecast/mix', {
    query: { forecast_type: 'ID' },
    schema: generationMixSchema,
    signal,
  });
}
