import type { GenerationForecastResponse, GenerationMix } from '@med/contracts';
import { addDays, formatParisIso, parisDayBounds, parisToday, parisWallClock } from '@med/core';
import type { GenerationRepository, GenerationRow } from './generation.repository.ts';
import type { RteApi, RteSeries } from './rte-api.ts';
import { RteError } from './rte-errors.ts';

export const PRODUCTION_TYPES = ['SOLAR', 'WIND'] as const;
export const GENERATION_FORECAST_TYPES = ['D-3', 'D-2', 'D-1', 'ID', 'CURRENT'] as const;
export type GenerationForecastType = (typeof GENERATION_FORECAST_TYPES)[number];

/** RTE's D-1 forecast of tomorrow appears at about 18:00 Paris. */
const D1_PUBLICATION_HOUR = 18;

/** SOLAR stays SOLAR; WIND_ONSHORE + WIND_OFFSHORE are summed per slot into WIND (as the reference does). */
export function aggregateGeneration(
  series: readonly RteSeries[],
): { productionType: string; forecastType: string; values: RteSeries['values'] }[] {
  const groups = new Map<string, Map<number, RteSeries['values'][number]>>();
  for (const entry of series) {
    const productionType = entry.productionType?.startsWith('WIND') ? 'WIND' : entry.productionType;
    if (productionType !== 'SOLAR' && productionType !== 'WIND') {
      continue;
    }
    const key = `${productionType}|${entry.type}`;
    const slots = groups.get(key) ?? new Map<number, RteSeries['values'][number]>();
    groups.set(key, slots);
    for (const value of entry.values) {
      const existing = slots.get(value.start.getTime());
      const newest =
        existing?.updated && value.updated && existing.updated > value.updated ? existing.updated : value.updated;
      slots.set(
        value.start.getTime(),
        existing ? { ...existing, value: existing.value + value.value, updated: newest } : { ...value },
      );
    }
  }
  return [...groups].map(([key, slots]) => {
    const [productionType = '', forecastType = ''] = key.split('|');
    return {
      productionType,
      forecastType,
      values: [...slots.values()].sort((a, b) => a.start.getTime() - b.start.getTime()),
    };
  });
}

function toResponse(rows: readonly GenerationRow[], start: Date, end: Date): GenerationForecastResponse {
  const groups = new Map<string, GenerationRow[]>();
  for (const row of rows) {
    const key = `${row.production_type}|${row.forecast_type}`;
    const list = groups.get(key);
    if (list) {
      list.push(row);
    } else {
      groups.set(key, [row]);
    }
  }
  return {
    forecasts: [...groups.values()].map((group) => ({
      production_type: group[0]?.production_type as 'SOLAR' | 'WIND',
      forecast_type: group[0]?.forecast_type as GenerationForecastType,
      values: group.map((row) => ({
        start_date: formatParisIso(new Date(row.start_date)),
        end_date: formatParisIso(new Date(row.end_date)),
        value: row.value,
        updated_date: row.updated_date ? formatParisIso(new Date(row.updated_date)) : null,
      })),
    })),
    period: { start_date: formatParisIso(start), end_date: formatParisIso(end) },
  };
}

export function createGenerationService(deps: { generation: GenerationRepository; api: RteApi }) {
  const { generation, api } = deps;

  /** A 400 means "not available for this type/period" (MED's observation); the other types still count. */
  async function fetchOrSkip(
    label: string,
    call: () => Promise<RteSeries[]>,
  ): Promise<{ label: string; series: RteSeries[] } | { label: string; skipped: string }> {
    try {
      return { label, series: await call() };
    } catch (error) {
      if (error instanceof RteError && error.kind === 'bad_request') {
        return { label, skipped: error.rteCode ?? 'HTTP 400' };
      }
      throw error;
    }
  }

  return {
    /** ID for today and tomorrow; D-1 for tomorrow once published (18:00), else for today. */
    async sync(signal: AbortSignal | undefined, now = new Date()): Promise<string> {
      const today = parisToday(now);
      const d1Day = parisWallClock(now).hour >= D1_PUBLICATION_HOUR ? addDays(today, 1) : today;
      const results = [
        await fetchOrSkip('ID', () => api.generation('ID', today, addDays(today, 2), signal)),
        await fetchOrSkip(`D-1 ${d1Day}`, () => api.generation('D-1', d1Day, addDays(d1Day, 1), signal)),
      ];
      let stored = 0;
      const notes: string[] = [];
      for (const result of results) {
        if ('skipped' in result) {
          notes.push(`${result.label} skipped (${result.skipped})`);
          continue;
        }
        const rows = aggregateGeneration(result.series);
        stored += await generation.upsert(rows, now);
        notes.push(`${result.label}: ${rows.map((row) => `${row.productionType} ${row.values.length}`).join(', ')}`);
      }
      return `${stored} value(s) stored (${notes.join('; ')})`;
    },

    async range(
      filter: { productionTypes?: readonly string[]; forecastTypes?: readonly string[] },
      startDate: string,
      endDate: string,
    ): Promise<GenerationForecastResponse> {
      const start = parisDayBounds(startDate).start;
      const end = parisDayBounds(endDate).end;
      return toResponse(await generation.range(start.toISOString(), end.toISOString(), filter), start, end);
    },

    /** Solar, wind and their sum per slot of one forecast type over J-1..J+2. */
    async mix(forecastType: GenerationForecastType, now = new Date()): Promise<GenerationMix> {
      const today = parisToday(now);
      const start = parisDayBounds(addDays(today, -1)).start;
      const end = parisDayBounds(addDays(today, 2)).end;
      const rows = await generation.range(start.toISOString(), end.toISOString(), { forecastTypes: [forecastType] });
      const slots = new Map<string, { solar: number | null; wind: number | null }>();
      for (const row of rows) {
        const slot = slots.get(row.start_date) ?? { solar: null, wind: null };
        if (row.production_type === 'SOLAR') {
          slot.solar = row.value;
        }
        if (row.production_type === 'WIND') {
          slot.wind = row.value;
        }
        slots.set(row.start_date, slot);
      }
      return {
        forecast_type: forecastType,
        period: { start_date: formatParisIso(start), end_date: formatParisIso(end) },
        mix: [...slots]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([startDate, slot]) => ({
            start_date: formatParisIso(new Date(startDate)),
            solar: slot.solar,
            wind: slot.wind,
            total_renewable: (slot.solar ?? 0) + (slot.wind ?? 0),
          })),
      };
    },
  };
}
export type GenerationService = ReturnType<typeof createGenerationService>;
