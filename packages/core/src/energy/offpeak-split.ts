/**
 * Heures creuses / heures pleines split of a load curve. Each slot is placed on the Paris wall clock by
 * its START (`minuteOfDay`) and covers `minutes` of wall-clock time from there; the part of that span
 * inside the off-peak ranges is HC, the rest HP. With ranges on half-hour boundaries and 30-min slots
 * (the usual case) a slot is wholly HC or HP, decided by its start. Ranges are half-open `[start, end)`
 * and may wrap past midnight (`22:00-06:00`). On DST days the slots are whatever the curve holds (46 or
 * 50 half-hours): the repeated October hour is counted twice, at its wall-clock time, as a meter does.
 */
import { isOffpeakMinute } from '../offpeak.ts';
import type { EnergySlot } from './slots.ts';

const MINUTES_PER_DAY = 1440;

/** Cumulative count of off-peak minutes: `table[m]` = off-peak minutes in `[00:00, m)`, m = 0…1440. */
export function offpeakPrefix(ranges: readonly string[]): Uint16Array {
  const prefix = new Uint16Array(MINUTES_PER_DAY + 1);
  for (let minute = 0; minute < MINUTES_PER_DAY; minute++) {
    prefix[minute + 1] = (prefix[minute] ?? 0) + (isOffpeakMinute(minute, ranges) ? 1 : 0);
  }
  return prefix;
}

/** Off-peak minutes of the wall-clock span `[from, from + length)`, wrapping past midnight. */
function offpeakMinutes(prefix: Uint16Array, from: number, length: number): number {
  let total = 0;
  let start = from % MINUTES_PER_DAY;
  let left = length;
  while (left > 0) {
    const end = Math.min(MINUTES_PER_DAY, start + left);
    total += (prefix[end] ?? 0) - (prefix[start] ?? 0);
    left -= end - start;
    start = 0;
  }
  return total;
}

/** Share (0–1) of a slot that falls in off-peak hours. */
export function offpeakShare(slot: Pick<EnergySlot, 'minuteOfDay' | 'minutes'>, prefix: Uint16Array): number {
  if (slot.minutes <= 0) {
    return 0;
  }
  return offpeakMinutes(prefix, slot.minuteOfDay, Math.round(slot.minutes)) / Math.round(slot.minutes);
}

export interface OffpeakSplit {
  /** Heures creuses, Wh. */
  hcWh: number;
  /** Heures pleines, Wh. */
  hpWh: number;
}

export interface DailyOffpeakSplit extends OffpeakSplit {
  date: string;
}

/** HC/HP energy per Paris day (slots sorted). */
export function dailyOffpeakSplit(slots: readonly EnergySlot[], ranges: readonly string[]): DailyOffpeakSplit[] {
  const prefix = offpeakPrefix(ranges);
  const days: DailyOffpeakSplit[] = [];
  for (const slot of slots) {
    const hc = slot.wh * offpeakShare(slot, prefix);
    const last = days.at(-1);
    if (last && last.date === slot.date) {
      last.hcWh += hc;
      last.hpWh += slot.wh - hc;
    } else {
      days.push({ date: slot.date, hcWh: hc, hpWh: slot.wh - hc });
    }
  }
  return days;
}

/** HC/HP energy per calendar month (`YYYY-MM`) from daily splits. */
export function monthlyOffpeakSplit(
  daily: readonly DailyOffpeakSplit[],
): (OffpeakSplit & { month: string; days: number })[] {
  const months: (OffpeakSplit & { month: string; days: number })[] = [];
  for (const day of daily) {
    const month = day.date.slice(0, 7);
    const last = months.at(-1);
    if (last && last.month === month) {
      last.hcWh += day.hcWh;
      last.hpWh += day.hpWh;
      last.days += 1;
    } else {
      months.push({ month, hcWh: day.hcWh, hpWh: day.hpWh, days: 1 });
    }
  }
  return months;
}

/** Total HC/HP of a set of slots. */
export function totalOffpeakSplit(slots: readonly EnergySlot[], ranges: readonly string[]): OffpeakSplit {
  const prefix = offpeakPrefix(ranges);
  let hcWh = 0;
  let total = 0;
  for (const slot of slots) {
    hcWh += slot.wh * offpeakShare(slot, prefix);
    total += slot.wh;
  }
  return { hcWh, hpWh: total - hcWh };
}
