import { parisOffsetMinutes } from './time/index.ts';

const HOUR_MS = 3_600_000;
// Paris offsets only change on whole UTC hours (01:00 UTC), so one lookup per UTC hour is exact.
const offsetByUtcHour = new Map<number, number>();

function offsetMinutesFast(instant: Date): number {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    offset = parisOffsetMinutes(instant);
    if (offsetByUtcHour.size > 200_000) {
      offsetByUtcHour.clear();
    }
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * RFC 3339 Paris wall-clock time with its offset, e.g. `2025-10-26T02:00:00+02:00` then
 * `2025-10-26T02:00:00+01:00` for the repeated hour: unambiguous on DST days, readable by people.
 * Fast enough for 35,040 points per response (no per-call time-zone database lookup).
 */
export function formatParisIso(instant: Date): string {
  const offset = offsetMinutesFast(instant);
  const local = new Date(instant.getTime() + offset * 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Paris calendar date of an instant, with the same per-hour offset cache as {@link formatParisIso}. */
export function parisDateFast(instant: Date): string {
  const local = new Date(instant.getTime() + offsetMinutesFast(instant) * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
}
