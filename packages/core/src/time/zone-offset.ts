/**
 * Fast Europe/Paris UTC offset lookup. Asking the time-zone database (Intl, through luxon) costs
 * microseconds per call, and the emulator and the adapter convert hundreds of thousands of instants
 * (three years of 30-minute slots is 52,000). Since 1981 Paris changes offset only at 01:00 UTC, so
 * the offset is constant within each UTC hour and one lookup per hour, cached, is exact.
 */
import { DateTime } from 'luxon';

/** IANA zone of every Enedis/RTE date. */
export const PARIS_ZONE = 'Europe/Paris';
const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;
/** Before this, historic rules switched at other times; such instants bypass the cache. */
const CACHE_FROM = Date.UTC(1981, 0, 1);
const CACHE_LIMIT = 500_000;
const byUtcHour = new Map<number, number>();

function lookup(utcMs: number): number {
  return DateTime.fromMillis(utcMs, { zone: PARIS_ZONE }).offset * MS_PER_MINUTE;
}

/** Offset of Paris from UTC at `utcMs`, in milliseconds (3,600,000 in winter, 7,200,000 in summer). */
export function parisOffsetMs(utcMs: number): number {
  if (utcMs < CACHE_FROM) {
    return lookup(utcMs);
  }
  const hour = Math.floor(utcMs / MS_PER_HOUR);
  let offset = byUtcHour.get(hour);
  if (offset === undefined) {
    offset = lookup(hour * MS_PER_HOUR);
    if (byUtcHour.size >= CACHE_LIMIT) {
      byUtcHour.clear();
    }
    byUtcHour.set(hour, offset);
  }
  return offset;
}

const pad = (value: number) => (value < 10 ? `0${value}` : String(value));

/** Wall-clock fields of Paris at `utcMs`, read from a Date shifted by the offset (UTC getters). */
export function parisFields(utcMs: number) {
  const offsetMs = parisOffsetMs(utcMs);
  const local = new Date(utcMs + offsetMs);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    /** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
    dayOfWeek: local.getUTCDay(),
    offsetMs,
  };
}

/** `YYYY-MM-DD` of the Paris wall clock at `utcMs`. */
export function parisDateOfMs(utcMs: number): string {
  const f = parisFields(utcMs);
  return `${f.year}-${pad(f.month)}-${pad(f.day)}`;
}

/** `YYYY-MM-DD HH:MM:SS` of the Paris wall clock at `utcMs`. */
export function parisNaiveOfMs(utcMs: number): string {
  const f = parisFields(utcMs);
  return `${f.year}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
}
