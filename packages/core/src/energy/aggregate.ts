/**
 * Daily, monthly and yearly sums in Paris local time. Daily energy from the daily endpoint is already
 * per Paris day; curve slots are summed by the Paris date of their start (so a 23:30–00:00 slot belongs
 * to the day it starts in, and DST days add up their 46 or 50 slots).
 */
import { addDays, daysBetween } from '../time/calendar.ts';
import { daysInMonth, daysInYear } from './completeness.ts';
import type { EnergySlot } from './slots.ts';

/** Energy of one Paris day, Wh. */
export interface DailyEnergy {
  date: string;
  wh: number;
}

export interface PeriodEnergy {
  /** `YYYY-MM` for a month, `YYYY` for a year. */
  period: string;
  wh: number;
  /** Days with data in the period. */
  days: number;
  /** Days of the calendar period (28–31, 365/366). */
  daysInPeriod: number;
  firstDate: string;
  lastDate: string;
}

/** Daily readings (`date` `YYYY-MM-DD`, `value` Wh) to sorted daily energy; the last duplicate wins. */
export function dailyFromReadings(readings: readonly { date: string; value: number }[]): DailyEnergy[] {
  const byDate = new Map<string, number>();
  for (const reading of readings) {
    if (Number.isFinite(reading.value)) {
      byDate.set(reading.date.slice(0, 10), reading.value);
    }
  }
  return [...byDate]
    .map(([date, wh]) => ({ date, wh }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Curve slots summed per Paris day (slots must be sorted, as `toEnergySlots` returns them). */
export function dailyFromSlots(slots: readonly EnergySlot[]): DailyEnergy[] {
  const days: DailyEnergy[] = [];
  for (const slot of slots) {
    const last = days.at(-1);
    if (last && last.date === slot.date) {
      last.wh += slot.wh;
    } else {
      days.push({ date: slot.date, wh: slot.wh });
    }
  }
  return days;
}

function groupBy(daily: readonly DailyEnergy[], keyLength: 7 | 4, size: (period: string) => number): PeriodEnergy[] {
  const periods: PeriodEnergy[] = [];
  for (const day of daily) {
    const period = day.date.slice(0, keyLength);
    const last = periods.at(-1);
    if (last && last.period === period) {
      last.wh += day.wh;
      last.days += 1;
      last.lastDate = day.date;
    } else {
      periods.push({
        period,
        wh: day.wh,
        days: 1,
        daysInPeriod: size(period),
        firstDate: day.date,
        lastDate: day.date,
      });
    }
  }
  return periods;
}

/** Calendar-month sums of sorted daily energy. */
export function monthlyTotals(daily: readonly DailyEnergy[]): PeriodEnergy[] {
  return groupBy(daily, 7, daysInMonth);
}

/** Calendar-year sums of sorted daily energy. */
export function yearlyTotals(daily: readonly DailyEnergy[]): PeriodEnergy[] {
  return groupBy(daily, 4, daysInYear);
}

/** Total of daily energy over `[start, end)`, with the number of days that had data. */
export function totalBetween(
  daily: readonly DailyEnergy[],
  start: string,
  end: string,
): { wh: number; days: number; expectedDays: number } {
  let wh = 0;
  let days = 0;
  for (const day of daily) {
    if (day.date >= start && day.date < end) {
      wh += day.wh;
      days += 1;
    }
  }
  return { wh, days, expectedDays: Math.max(0, daysBetween(start, end)) };
}

/** The `[start, end)` range of the 365 days that end before `end` (a rolling year). */
export function rollingYear(end: string): { start: string; end: string } {
  return { start: addDays(end, -365), end };
}

/**
 * Every day from the first to the last of sorted dated values, with null for the days without one: a
 * chart on a category axis then shows the holes (days Enedis had no data for) instead of hiding them.
 */
export function fillDays<T extends { date: string }>(sorted: readonly T[]): { date: string; value: T | null }[] {
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) {
    return [];
  }
  const byDate = new Map(sorted.map((item) => [item.date, item]));
  const days: { date: string; value: T | null }[] = [];
  for (let date = first.date; date <= last.date; date = addDays(date, 1)) {
    days.push({ date, value: byDate.get(date) ?? null });
  }
  return days;
}
