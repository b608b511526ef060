import { addDays, addMonths, daysBetween, maxDate, minDate } from './time/index.ts';

/** A calendar range `[start, end)`: `end` is excluded, like every Enedis range. */
export interface DateRange {
  start: string;
  end: string;
}

export interface RangePlanInput {
  start: string;
  end: string;
  /** Today in Paris: data exists up to the day before. */
  today: string;
  /** How far back Enedis keeps this data family, in months (24 for load curves, 36 for daily data). */
  historyMonths: number;
  /** The meter's last activation date, when known: nothing exists before it. */
  activationDate?: string | null | undefined;
}

export type RangePlan =
  | { ok: true; range: DateRange; clampedStart: boolean; clampedEnd: boolean }
  | { ok: false; reason: 'start_not_before_end' | 'nothing_before_today' | 'before_history' };

/**
 * Turns a requested `[start, end)` into what can actually be asked of Enedis: `end` capped at today
 * (data stops at D-1), `start` moved forward to the history limit and the activation date. The last
 * requested day is never dropped (a defect of the reference, which treated `end` as inclusive in places).
 */
export function planRange(input: RangePlanInput): RangePlan {
  if (input.start >= input.end) {
    return { ok: false, reason: 'start_not_before_end' };
  }
  const end = minDate(input.end, input.today);
  if (input.start >= end) {
    return { ok: false, reason: 'nothing_before_today' };
  }
  // Enedis allows history + 15 days; one safety day keeps us clear of its own off-by-one.
  const historyStart = addDays(addMonths(input.today, -input.historyMonths), 1);
  let start = maxDate(input.start, historyStart);
  if (input.activationDate) {
    start = maxDate(start, input.activationDate);
  }
  if (start >= end) {
    return { ok: false, reason: 'before_history' };
  }
  return { ok: true, range: { start, end }, clampedStart: start !== input.start, clampedEnd: end !== input.end };
}

/** Splits `[start, end)` into consecutive ranges of at most `maxDays` days. */
export function chunkRange(range: DateRange, maxDays: number): DateRange[] {
  const chunks: DateRange[] = [];
  for (let start = range.start; start < range.end; start = addDays(start, maxDays)) {
    chunks.push({ start, end: minDate(addDays(start, maxDays), range.end) });
  }
  return chunks;
}

/**
 * Groups sorted dates into `[start, end)` runs of consecutive days, then splits runs longer than
 * `maxDays`: the calls needed to fetch exactly the missing days.
 */
export function missingDayRanges(sortedDates: readonly string[], maxDays: number): DateRange[] {
  const runs: DateRange[] = [];
  for (const date of sortedDates) {
    const last = runs.at(-1);
    if (last && last.end === date) {
      last.end = addDays(date, 1);
    } else {
      runs.push({ start: date, end: addDays(date, 1) });
    }
  }
  return runs.flatMap((run) => chunkRange(run, maxDays));
}

export function rangeDays(range: DateRange): number {
  return daysBetween(range.start, range.end);
}
