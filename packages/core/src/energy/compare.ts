/**
 * Comparisons: month-by-month N vs N-1, and load-curve overlays (previous week, previous year) aligned
 * on the Paris wall clock.
 */
import { addDays, isoWeekday } from '../time/calendar.ts';
import type { PeriodEnergy } from './aggregate.ts';
import type { EnergySlot } from './slots.ts';

export interface MonthComparison {
  /** 1 = January … 12 = December. */
  month: number;
  /** Wh of month `month` of year N, null when no day of it has data. */
  current: number | null;
  /** Wh of the same month of N-1. */
  previous: number | null;
  currentDays: number;
  previousDays: number;
}

/** Twelve rows January–December: year `year` against `year - 1`, from monthly totals. */
export function compareYears(monthly: readonly PeriodEnergy[], year: number): MonthComparison[] {
  const byMonth = new Map(monthly.map((entry) => [entry.period, entry]));
  const rows: MonthComparison[] = [];
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, '0');
    const current = byMonth.get(`${year}-${mm}`);
    const previous = byMonth.get(`${year - 1}-${mm}`);
    rows.push({
      month,
      current: current?.wh ?? null,
      previous: previous?.wh ?? null,
      currentDays: current?.days ?? 0,
      previousDays: previous?.days ?? 0,
    });
  }
  return rows;
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
