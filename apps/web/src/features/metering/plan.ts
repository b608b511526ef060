import { addDays, addMonths, planRange, type DateRange } from '@med/core';
import type { MeteringDataset } from '../../api/enedis.ts';

export type Direction = 'consumption' | 'production';

/** How far back Enedis keeps each family, in months (the server clamps to the same limits). */
export const HISTORY_MONTHS: Record<MeteringDataset, number> = {
  consumption_daily: 36,
  production_daily: 36,
  max_power: 36,
  consumption_curve: 24,
  production_curve: 24,
};

/** Longest daily-data call: Enedis answers at most 365 days at once. */
export const DAILY_CHUNK_DAYS = 365;

export function dailyDataset(direction: Direction): MeteringDataset {
  return direction === 'consumption' ? 'consumption_daily' : 'production_daily';
}

export function curveDataset(direction: Direction): MeteringDataset {
  return direction === 'consumption' ? 'consumption_curve' : 'production_curve';
}

/** A requested range, clipped to what Enedis can have (history, activation, D-1); null when nothing is left. */
export function clip(
  dataset: MeteringDataset,
  range: DateRange,
  today: string,
  activationDate: string | null,
): DateRange | null {
  const plan = planRange({ ...range, today, historyMonths: HISTORY_MONTHS[dataset], activationDate });
  return plan.ok ? plan.range : null;
}

/**
 * Daily-type calls (daily energy, max power), newest first: `count` back-to-back ranges of ≤ 365 days
 * ending today (exclusive: data stops at D-1), clipped to the history and the activation date. The
 * ranges are anchored on today so that the first two cover the two last years.
 */
export function dailyChunks(
  dataset: MeteringDataset,
  today: string,
  activationDate: string | null,
  count: number,
): DateRange[] {
  const chunks: DateRange[] = [];
  for (let index = 0; index < count; index++) {
    const end = addDays(today, -DAILY_CHUNK_DAYS * index);
    const clipped = clip(dataset, { start: addDays(end, -DAILY_CHUNK_DAYS), end }, today, activationDate);
    if (clipped) {
      chunks.push(clipped);
    }
  }
  return chunks;
}

/** First day of the month of `date`. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The calendar-month call that holds `date` (clipped), for the load curve. */
export function curveMonthChunk(
  dataset: MeteringDataset,
  date: string,
  today: string,
  activationDate: string | null,
): DateRange | null {
  const start = monthStart(date);
  return clip(dataset, { start, end: addMonths(start, 1) }, today, activationDate);
}

/**
 * The calls of the whole load-curve history, newest first: three calendar months each (about 9).
 * Each call that reaches Enedis counts once against the daily no-cache quota (50 by default), so
 * quarters keep "fetch my history" for consumption and production together well under it while
 * still giving a progress bar with real steps.
 */
export function curveHistoryChunks(
  dataset: MeteringDataset,
  today: string,
  activationDate: string | null,
): DateRange[] {
  const chunks: DateRange[] = [];
  const oldest = addMonths(monthStart(today), -HISTORY_MONTHS[dataset]);
  for (let month = monthStart(today); month >= oldest; month = addMonths(month, -CURVE_HISTORY_MONTHS_PER_CALL)) {
    const chunk = clip(
      dataset,
      { start: addMonths(month, 1 - CURVE_HISTORY_MONTHS_PER_CALL), end: addMonths(month, 1) },
      today,
      activationDate,
    );
    if (chunk) {
      chunks.push(chunk);
    }
  }
  return chunks;
}

const CURVE_HISTORY_MONTHS_PER_CALL = 3;

/** The month calls needed to show `[start, end)` of the load curve (each clipped; duplicates removed). */
export function curveChunksFor(
  dataset: MeteringDataset,
  range: DateRange,
  today: string,
  activationDate: string | null,
): DateRange[] {
  const chunks: DateRange[] = [];
  for (let month = monthStart(range.start); month < range.end; month = addMonths(month, 1)) {
    const chunk = curveMonthChunk(dataset, month, today, activationDate);
    if (chunk) {
      chunks.push(chunk);
    }
  }
  return chunks;
}

/** Ranges in order with duplicates removed (the first occurrence keeps its place). */
export function uniqueRanges(ranges: readonly DateRange[]): DateRange[] {
  const seen = new Set<string>();
  return ranges.filter((range) => {
    const key = `${range.start}/${range.end}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
