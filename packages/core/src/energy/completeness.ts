/**
 * Is a period whole? A chart that puts a month holding two days of data beside a full month, or a
 * one-day "monthly" bar, tells a lie; these helpers say which days, months and years are complete so
 * the charts can mark the others as partial and compare like with like.
 *
 * A curve day is complete when its slots cover the whole Paris day: 1,440 minutes, but 1,380 on the
 * last Sunday of March and 1,500 on the last Sunday of October (46, 48 or 50 half-hours). Covered
 * minutes are counted from the slots' own lengths, so 10-, 15-, 30- or 60-minute curves all work.
 */
import { daysBetween } from '../time/calendar.ts';
import { parisDayLengthMinutes } from '../time/slots.ts';
import type { EnergySlot } from './slots.ts';

/** How much of one Paris day a load curve covers. */
export interface DayCoverage {
  date: string;
  /** Slots of the day that are present. */
  slots: number;
  /** Slots a complete day holds at the day's step (46/48/50 half-hours on the DST days and the others). */
  expectedSlots: number;
  complete: boolean;
}

/** Coverage of a calendar period (`YYYY-MM` month or `YYYY` year) by days with data. */
export interface PeriodCoverage {
  period: string;
  /** Days of the period with data (complete or not). */
  days: number;
  /** Days of the period whose data is complete. */
  completeDays: number;
  /** Days of the calendar period: 28–31 for a month, 365/366 for a year. */
  daysInPeriod: number;
  /** True unless every day of the period is there and complete. */
  partial: boolean;
}

const dayLengths = new Map<string, number>();
/** Paris day length, memoised: two years of curve ask for the same 730 days again and again. */
function dayLength(date: string): number {
  let minutes = dayLengths.get(date);
  if (minutes === undefined) {
    minutes = parisDayLengthMinutes(date);
    dayLengths.set(date, minutes);
  }
  return minutes;
}

/** Per Paris day of sorted slots: how many are there against how many a whole day has. */
export function dayCoverage(slots: readonly EnergySlot[]): DayCoverage[] {
  const days: DayCoverage[] = [];
  let date = '';
  let count = 0;
  let minutes = 0;
  let step = Number.POSITIVE_INFINITY;
  const close = () => {
    if (count > 0) {
      const length = dayLength(date);
      days.push({
        date,
        slots: count,
        expectedSlots: Math.round(length / step),
        complete: minutes >= length,
      });
    }
  };
  for (const slot of slots) {
    if (slot.date !== date) {
      close();
      date = slot.date;
      count = 0;
      minutes = 0;
      step = Number.POSITIVE_INFINITY;
    }
    count += 1;
    minutes += slot.minutes;
    step = Math.min(step, slot.minutes);
  }
  close();
  return days;
}

/** Days of the month `YYYY-MM` (28–31). */
export function daysInMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  const next = index === 12 ? `${year + 1}-01-01` : `${year}-${String(index + 1).padStart(2, '0')}-01`;
  return daysBetween(`${month}-01`, next);
}

/** Days of the year `YYYY` (365/366). */
export function daysInYear(year: string): number {
  return daysBetween(`${year}-01-01`, `${Number(year) + 1}-01-01`);
}

/**
 * Months or years of sorted days (daily energy: every listed day is complete; curve days from
 * `dayCoverage`: only those flagged complete count as complete).
 */
export function periodCoverage(
  days: readonly { date: string; complete?: boolean }[],
  unit: 'month' | 'year',
): PeriodCoverage[] {
  const keyLength = unit === 'month' ? 7 : 4;
  const size = unit === 'month' ? daysInMonth : daysInYear;
  const periods: PeriodCoverage[] = [];
  for (const day of days) {
    const period = day.date.slice(0, keyLength);
    let last = periods.at(-1);
    if (last?.period !== period) {
      last = { period, days: 0, completeDays: 0, daysInPeriod: size(period), partial: true };
      periods.push(last);
    }
    last.days += 1;
    last.completeDays += day.complete === false ? 0 : 1;
    last.partial = last.completeDays < last.daysInPeriod;
  }
  return periods;
}
