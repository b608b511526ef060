import type { ConsumptionFranceResponse, GenerationMix } from '@med/contracts';
import { parisWallClock } from '@med/core';

/** The consumption series the chart shows, realised first; WEEKLY (D+3…D+9) is not part of it. */
export const CONSUMPTION_SERIES = ['REALISED', 'ID', 'D-1', 'D-2'] as const;
export type ConsumptionSeries = (typeof CONSUMPTION_SERIES)[number];

/** Several series aligned on one sorted list of slot starts (epoch ms); a missing slot is null. */
export interface AlignedSeries<K extends string> {
  instants: number[];
  values: Record<K, (number | null)[]>;
}

/** Aligns `{start_date, value}` series of RFC 3339 instants on the union of their slot starts. */
export function alignSeries<K extends string>(
  series: Record<K, readonly { start_date: string; value: number | null }[]>,
  keys: readonly K[],
): AlignedSeries<K> {
  const instants = new Set<number>();
  const byKey = new Map<K, Map<number, number | null>>();
  for (const key of keys) {
    const points = new Map<number, number | null>();
    for (const point of series[key]) {
      const at = Date.parse(point.start_date);
      if (Number.isNaN(at)) {
        continue;
      }
      points.set(at, point.value);
      instants.add(at);
    }
    byKey.set(key, points);
  }
  const sorted = [...instants].sort((a, b) => a - b);
  const values = {} as Record<K, (number | null)[]>;
  for (const key of keys) {
    const points = byKey.get(key);
    values[key] = sorted.map((at) => points?.get(at) ?? null);
  }
  return { instants: sorted, values };
}

/** National consumption per type, aligned for the chart. */
export function consumptionSeries(response: ConsumptionFranceResponse): AlignedSeries<ConsumptionSeries> {
  const series = { REALISED: [], ID: [], 'D-1': [], 'D-2': [] } as Record<
    ConsumptionSeries,
    ConsumptionFranceResponse['short_term'][number]['values']
  >;
  for (const entry of response.short_term) {
    if (entry.type !== 'WEEKLY') {
      series[entry.type] = entry.values;
    }
  }
  return alignSeries(series, CONSUMPTION_SERIES);
}

/** Solar and wind per slot (MW), aligned for the stacked chart. */
export function mixSeries(mix: GenerationMix): AlignedSeries<'solar' | 'wind'> {
  return alignSeries(
    {
      solar: mix.mix.map((slot) => ({ start_date: slot.start_date, value: slot.solar })),
      wind: mix.mix.map((slot) => ({ start_date: slot.start_date, value: slot.wind })),
    },
    ['solar', 'wind'],
  );
}

export interface PowerAt {
  /** MW. */
  value: number;
  /** Slot start, epoch ms. */
  at: number;
}

/**
 * Today's peak (Paris day): per slot the realised value when there is one, else the freshest forecast
 * (ID, then D-1, then D-2). Null when nothing covers today.
 */
export function todayPeak(aligned: AlignedSeries<ConsumptionSeries>, today: string): PowerAt | null {
  let peak: PowerAt | null = null;
  for (const [index, at] of aligned.instants.entries()) {
    if (parisWallClock(new Date(at)).date !== today) {
      continue;
    }
    const value =
      CONSUMPTION_SERIES.map((key) => aligned.values[key][index] ?? null).find((candidate) => candidate !== null) ??
      null;
    if (value !== null && (peak === null || value > peak.value)) {
      peak = { value, at };
    }
  }
  return peak;
}

/** The solar and wind forecast of the slot that contains `now` (slots of `stepMs`), or null. */
export function mixAt(
  mix: GenerationMix,
  now: number,
  stepMs = 30 * 60_000,
): { at: number; solar: number | null; wind: number | null; total: number } | null {
  for (const slot of mix.mix) {
    const at = Date.parse(slot.start_date);
    if (at <= now && now < at + stepMs) {
      return { at, solar: slot.solar, wind: slot.wind, total: slot.total_renewable };
    }
  }
  return null;
}

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR');

/** MW as "57,5 GW" from 1,000 MW up, "850 MW" below. */
export function formatPower(mw: number, language: string): string {
  if (Math.abs(mw) >= 1000) {
    return `${new Intl.NumberFormat(locale(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mw / 1000)} GW`;
  }
  return `${new Intl.NumberFormat(locale(language), { maximumFractionDigits: 0 }).format(mw)} MW`;
}

/** Paris wall-clock label of a slot: "21:30", or "21/11 21:30" with the date. */
export function slotLabel(at: number, withDate: boolean): string {
  const clock = parisWallClock(new Date(at));
  const time = `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
  return withDate ? `${clock.date.slice(8, 10)}/${clock.date.slice(5, 7)} ${time}` : time;
}
