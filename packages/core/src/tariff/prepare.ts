/**
 * Consumption laid out by Paris day once, so the simulator can price every offer of the catalogue
 * over the same days without re-reading the load curve (the curve is copied into typed arrays).
 */
import { eachDay, isoWeekday } from '../time/calendar.ts';
import { parisDayLengthMinutes } from '../time/slots.ts';
import type { Consumption } from './types.ts';

export interface PreparedDay {
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  month: number;
  /** Real minutes in the day: 1380 on the last Sunday of March, 1500 on the last Sunday of October, else 1440. */
  minutes: number;
  /** The day's curve intervals are `[curveFrom, curveTo)` of the prepared arrays. */
  curveFrom: number;
  curveTo: number;
  /** The curve covers every minute of the day, so it alone prices the day. */
  curveComplete: boolean;
  /** The daily total (Wh), if any. */
  dailyWh: number | null;
}

export interface PreparedConsumption {
  /** End-exclusive period. */
  start: string;
  end: string;
  days: PreparedDay[];
  /** UTC ms of each interval start. */
  startMs: Float64Array;
  /** Paris wall-clock minute of each interval start. */
  minuteOfDay: Int16Array;
  /** Length of each interval, minutes. */
  minutes: Float64Array;
  watts: Float64Array;
}

/** Lays out `consumption` over the end-exclusive period `[start, end)`. The curve must be sorted by start. */
export function prepareConsumption(start: string, end: string, consumption: Consumption): PreparedConsumption {
  const curve = consumption.curve;
  let first = 0;
  while (first < curve.length && (curve[first]?.date ?? '') < start) {
    first++;
  }
  let last = first;
  while (last < curve.length && (curve[last]?.date ?? '') < end) {
    last++;
  }
  const count = last - first;
  const startMs = new Float64Array(count);
  const minuteOfDay = new Int16Array(count);
  const minutes = new Float64Array(count);
  const watts = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const interval = curve[first + i];
    if (interval) {
      startMs[i] = interval.start;
      minuteOfDay[i] = interval.minuteOfDay;
      minutes[i] = interval.minutes;
      watts[i] = interval.watts;
    }
  }
  const daily = new Map(consumption.daily.map((total) => [total.date, total.wh]));
  const days: PreparedDay[] = [];
  let cursor = 0;
  for (const date of eachDay(start, end)) {
    const from = cursor;
    let covered = 0;
    while (cursor < count && (curve[first + cursor]?.date ?? '') === date) {
      covered += minutes[cursor] ?? 0;
      cursor++;
    }
    const length = parisDayLengthMinutes(date);
    days.push({
      date,
      weekday: isoWeekday(date),
      month: Number(date.slice(5, 7)),
      minutes: length,
      curveFrom: from,
      curveTo: cursor,
      curveComplete: covered >= length,
      dailyWh: daily.get(date) ?? null,
    });
  }
  return { start, end, days, startMs, minuteOfDay, minutes, watts };
}
