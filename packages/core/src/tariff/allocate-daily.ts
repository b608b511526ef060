/**
 * A daily total spread over the bands of the day in proportion to the real minutes of each band (a
 * flat profile). Exact when the day has one band (BASE, a week-end day of a week-end offer); otherwise
 * the caller flags the day as an estimate. Real minutes, not wall-clock ones: the local 02:00–03:00
 * hour does not exist on the last Sunday of March and happens twice on the last Sunday of October.
 */
import { MINUTES_PER_DAY, type Segment } from './day-plan.ts';
import type { PreparedDay } from './prepare.ts';

/** The wall-clock hour that DST removes (March) or repeats (October). */
const DST_HOUR_FROM = 2 * 60;
const DST_HOUR_TO = 3 * 60;

function realMinutes(segment: Segment, dayMinutes: number): number {
  const wall = segment.to - segment.from;
  const dstOverlap = Math.max(0, Math.min(segment.to, DST_HOUR_TO) - Math.max(segment.from, DST_HOUR_FROM));
  return wall + (dstOverlap * (dayMinutes - MINUTES_PER_DAY)) / 60;
}

/**
 * Adds the watt-minutes of `wh` to `into` per band and returns how many bands received a share of the
 * day's minutes (1 = exact). The remainder of the integer division goes to the longest band, so the
 * day's total is kept to the watt-minute.
 */
export function allocateDaily(day: PreparedDay, segments: readonly Segment[], wh: number, into: number[]): number {
  const total = Math.round(wh * 60);
  const minutesByBand = new Map<number, number>();
  for (const segment of segments) {
    minutesByBand.set(segment.band, (minutesByBand.get(segment.band) ?? 0) + realMinutes(segment, day.minutes));
  }
  let given = 0;
  let longest = -1;
  let longestMinutes = -1;
  for (const [band, minutes] of minutesByBand) {
    const share = Math.floor((total * minutes) / day.minutes);
    into[band] = (into[band] ?? 0) + share;
    given += share;
    if (minutes > longestMinutes) {
      longest = band;
      longestMinutes = minutes;
    }
  }
  into[longest] = (into[longest] ?? 0) + total - given;
  return [...minutesByBand.values()].filter((minutes) => minutes > 0).length;
}
