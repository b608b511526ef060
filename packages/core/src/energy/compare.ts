/**
 * Comparisons: month-by-month N vs N-1, and load-curve overlays (previous week, previous year) aligned
 * on the Paris wall clock.
 */
import { addDays, isoWeekday } from '../time/calendar.ts';
import type { DailyEnergy } from './aggregate.ts';
import { daysInMonth, daysInYear } from './completeness.ts';
import type { EnergySlot } from './slots.ts';

/** How a month of N is set against the same month of N-1. */
export type ComparisonBasis =
  /** Both months complete: whole months, whatever their lengths (a leap February included). */
  | 'whole'
  /** At least one month incomplete: both bars sum only the days of the month present in both years. */
  | 'sameDays'
  /** No day in common (or one year without data): each bar is what that year has, not compared. */
  | 'unmatched';

export interface MonthComparison extends PeriodComparison {
  /** 1 = January … 12 = December. */
  month: number;
  /** Days with data in the month of N and of N-1 (whole month, whatever the basis). */
  currentDays: number;
  previousDays: number;
  /** Calendar days of the month in N and in N-1 (28–31). */
  daysInMonth: number;
  previousDaysInMonth: number;
}

/** Two periods set against each other (see `ComparisonBasis`). */
export interface PeriodComparison {
  /** Wh of the period of N on the comparison basis, null when no day of it has data. */
  current: number | null;
  previous: number | null;
  basis: ComparisonBasis;
  /** Days summed on each side when `basis` is `sameDays`. */
  comparedDays: number;
}

/**
 * Compares two periods given as day key → Wh with their calendar lengths: whole when both are
 * complete, on their common day keys otherwise, not at all when they have none in common.
 */
function comparePeriods(
  now: ReadonlyMap<string, number>,
  before: ReadonlyMap<string, number>,
  nowLength: number,
  beforeLength: number,
): PeriodComparison {
  const common = [...now.keys()].filter((day) => before.has(day));
  const bothComplete = now.size === nowLength && before.size === beforeLength;
  const basis: ComparisonBasis = bothComplete ? 'whole' : common.length > 0 ? 'sameDays' : 'unmatched';
  const only = basis === 'sameDays' ? common : null;
  const sumOf = (days: ReadonlyMap<string, number>) =>
    days.size === 0 ? null : (only ?? [...days.keys()]).reduce((sum, day) => sum + (days.get(day) ?? 0), 0);
  return { current: sumOf(now), previous: sumOf(before), basis, comparedDays: only ? common.length : 0 };
}

/**
 * Twelve rows January–December: year `year` against `year - 1`, from sorted daily energy. Two complete
 * months are compared whole; otherwise only on the days both have (so a December holding two days is
 * set against the same two days of the December before, never against a whole month).
 */
export function compareYears(daily: readonly DailyEnergy[], year: number): MonthComparison[] {
  const current = byMonthDay(daily, String(year));
  const previous = byMonthDay(daily, String(year - 1));
  const empty = new Map<string, number>();
  const rows: MonthComparison[] = [];
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, '0');
    const now = current.get(mm) ?? empty;
    const before = previous.get(mm) ?? empty;
    const daysInMonthNow = daysInMonth(`${year}-${mm}`);
    const daysInMonthBefore = daysInMonth(`${year - 1}-${mm}`);
    rows.push({
      month,
      ...comparePeriods(now, before, daysInMonthNow, daysInMonthBefore),
      currentDays: now.size,
      previousDays: before.size,
      daysInMonth: daysInMonthNow,
      previousDaysInMonth: daysInMonthBefore,
    });
  }
  return rows;
}

/**
 * Year `year` against `year - 1`: whole years when both are complete, otherwise on the calendar days
 * (month and day) both have — the running year is set against the same stretch of the year before.
 */
export function compareYearTotals(daily: readonly DailyEnergy[], year: number): PeriodComparison {
  const daysOf = (target: number) => {
    const days = new Map<string, number>();
    for (const [mm, monthDays] of byMonthDay(daily, String(target))) {
      for (const [dd, wh] of monthDays) {
        days.set(`${mm}-${dd}`, wh);
      }
    }
    return days;
  };
  return comparePeriods(daysOf(year), daysOf(year - 1), daysInYear(String(year)), daysInYear(String(year - 1)));
}

/** True when a bar of the row stands for less than its whole calendar month. */
export function isPartialBar(row: MonthComparison, side: 'current' | 'previous'): boolean {
  if (row.basis === 'whole') {
    return false;
  }
  if (row.basis === 'sameDays') {
    return true;
  }
  return side === 'current' ? row.currentDays < row.daysInMonth : row.previousDays < row.previousDaysInMonth;
}

/** Month (`MM`) → day of month (`DD`) → Wh, for the days of `year`. */
function byMonthDay(daily: readonly DailyEnergy[], year: string): Map<string, Map<string, number>> {
  const months = new Map<string, Map<string, number>>();
  for (const day of daily) {
    if (day.date.startsWith(year)) {
      const mm = day.date.slice(5, 7);
      let days = months.get(mm);
      if (!days) {
        days = new Map();
        months.set(mm, days);
      }
      days.set(day.date.slice(8, 10), day.wh);
    }
  }
  return months;
}

/**
 * Days to shift for an overlay. The previous year is 364 days back, i.e. 52 weeks: the same weekday
 * (a Monday against a Monday), which is what a daily routine is compared with; the exact calendar
 * date a year ago would put a Sunday against a Monday.
 */
export const OVERLAY_SHIFT_DAYS = { previousWeek: 7, previousYear: 364 } as const;
export type OverlayKind = keyof typeof OVERLAY_SHIFT_DAYS;

/** Key of a slot on the wall clock; `occurrence` tells the two 02:xx slots of the October day apart. */
function wallKey(date: string, minuteOfDay: number, occurrence: number): string {
  return `${date}|${minuteOfDay}|${occurrence}`;
}

/** Indexes slots by (Paris date, wall-clock minute, occurrence). */
export function indexByWallClock(slots: readonly EnergySlot[]): Map<string, EnergySlot> {
  const index = new Map<string, EnergySlot>();
  const seen = new Map<string, number>();
  for (const slot of slots) {
    const base = `${slot.date}|${slot.minuteOfDay}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    index.set(wallKey(slot.date, slot.minuteOfDay, occurrence), slot);
  }
  return index;
}

/**
 * For each slot of `view`, the slot of `source` at the same wall-clock time `shiftDays` earlier (null
 * when there is none: no data, or a wall-clock time that only exists on one of the two days).
 */
export function alignShifted(
  view: readonly EnergySlot[],
  source: ReadonlyMap<string, EnergySlot>,
  shiftDays: number,
): (EnergySlot | null)[] {
  const shifted = new Map<string, string>();
  const seen = new Map<string, number>();
  return view.map((slot) => {
    let date = shifted.get(slot.date);
    if (date === undefined) {
      date = addDays(slot.date, -shiftDays);
      shifted.set(slot.date, date);
    }
    const base = `${slot.date}|${slot.minuteOfDay}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return (
      source.get(wallKey(date, slot.minuteOfDay, occurrence)) ?? source.get(wallKey(date, slot.minuteOfDay, 0)) ?? null
    );
  });
}

export type CurveViewMode = 'day' | 'week';

/** The `[start, end)` dates shown by the load-curve view: one day, or the Monday-to-Sunday week of `anchor`. */
export function curveViewRange(mode: CurveViewMode, anchor: string): { start: string; end: string } {
  if (mode === 'day') {
    return { start: anchor, end: addDays(anchor, 1) };
  }
  const monday = addDays(anchor, 1 - isoWeekday(anchor));
  return { start: monday, end: addDays(monday, 7) };
}

/** The anchor one step earlier or later (a day in day mode, a week in week mode). */
export function stepAnchor(mode: CurveViewMode, anchor: string, direction: -1 | 1): string {
  return addDays(anchor, direction * (mode === 'day' ? 1 : 7));
}
