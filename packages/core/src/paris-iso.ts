import { parisOffsetMinutes } from './time/index.ts';
import { parisOffsetMs } from './time/zone-offset.ts';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * RFC 3339 Paris wall-clock time with its offset, e.g. `2025-10-26T02:00:00+02:00` then
 * `2025-10-26T02:00:00+01:00` for the repeated hour: unambiguous on DST days, readable by people.
 * Fast enough for 35,040 points per response: `parisOffsetMinutes` caches offsets per UTC hour.
 */
export function formatParisIso(instant: Date): string {
  const offset = parisOffsetMinutes(instant);
  const local = new Date(instant.getTime() + offset * 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Paris calendar date of an instant, as fast as {@link formatParisIso}. */
export function parisDateFast(instant: Date): string {
  const local = new Date(instant.getTime() + parisOffsetMinutes(instant) * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
}

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
/** `HH:MM:00` for each minute of a day: a served load curve reuses the same 48 strings. */
const wallMinutes = Array.from(
  { length: 1440 },
  (_, minute) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00`,
);
const localDates = new Map<number, string>();
const zones = new Map<number, string>();

/** `+01:00` for an offset of 3,600,000 ms (Paris has two, so the map stays tiny). */
function zoneOf(offsetMs: number): string {
  let zone = zones.get(offsetMs);
  if (zone === undefined) {
    const abs = Math.abs(offsetMs / MS_PER_MINUTE);
    zone = `${offsetMs >= 0 ? '+' : '-'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    zones.set(offsetMs, zone);
  }
  return zone;
}

/**
 * {@link formatParisIso} of an instant given in epoch milliseconds, without allocating a Date: the
 * local date string is cached per day and whole-minute times come from a table. Same output; used to
 * serialise tens of thousands of points per response.
 */
export function formatParisIsoMs(utcMs: number): string {
  const offsetMs = parisOffsetMs(utcMs);
  const local = utcMs + offsetMs;
  const dayNumber = Math.floor(local / MS_PER_DAY);
  const inDay = local - dayNumber * MS_PER_DAY;
  if (inDay % MS_PER_MINUTE !== 0 || offsetMs % MS_PER_MINUTE !== 0) {
    return formatParisIso(new Date(utcMs));
  }
  let date = localDates.get(dayNumber);
  if (date === undefined) {
    date = new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
    if (localDates.size >= 10_000) {
      localDates.clear();
    }
    localDates.set(dayNumber, date);
  }
  return `${date}T${wallMinutes[inDay / MS_PER_MINUTE] ?? ''}${zoneOf(offsetMs)}`;
}
