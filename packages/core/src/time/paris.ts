/**
 * Europe/Paris primitives. Enedis and RTE reason in French civil time: a "day" is local midnight to
 * local midnight, which lasts 23 h on the last Sunday of March and 25 h on the last Sunday of October.
 * Every function here takes or returns UTC instants (`Date`) or calendar dates (`YYYY-MM-DD`), never a
 * naive local date-time, so nothing depends on the process `TZ`.
 */
import { addDays, assertIsoDate } from './calendar.ts';
import { parisDateOfMs, parisFields, parisOffsetMs } from './zone-offset.ts';

export { PARIS_ZONE } from './zone-offset.ts';

/** Paris calendar date (`YYYY-MM-DD`) of an instant. `2025-01-01T23:30Z` is already `2025-01-02`. */
export function parisDate(instant: Date): string {
  return parisDateOfMs(instant.getTime());
}

/** Today's date in Paris. Named separately so call sites read as "the Enedis notion of today". */
export function parisToday(now: Date): string {
  return parisDate(now);
}

/** The instant of local 00:00 in Paris on `date` (midnight always exists: DST switches at 02:00/03:00). */
export function parisMidnightUtc(date: string): Date {
  assertIsoDate(date);
  const wallAsUtc = Date.parse(`${date}T00:00:00Z`);
  // Start from the offset a few hours earlier, then confirm it: both agree except near a change.
  let instant = wallAsUtc - parisOffsetMs(wallAsUtc - 3 * 3_600_000);
  const confirmed = wallAsUtc - parisOffsetMs(instant);
  if (confirmed !== instant) {
    instant = confirmed;
  }
  return new Date(instant);
}

/** The local day `date` as the UTC instants `[start, end)`; 23, 24 or 25 hours long. */
export function parisDayBounds(date: string): { start: Date; end: Date } {
  return { start: parisMidnightUtc(date), end: parisMidnightUtc(addDays(date, 1)) };
}

/** Offset of Paris from UTC at `instant`, in minutes (60 in winter, 120 in summer). */
export function parisOffsetMinutes(instant: Date): number {
  return parisOffsetMs(instant.getTime()) / 60_000;
}

/** Paris wall-clock reading of an instant. `weekday` is ISO (1 = Monday … 7 = Sunday). */
export interface ParisWallClock {
  date: string;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  offsetMinutes: number;
}

/** Breaks an instant into its Paris wall-clock fields. */
export function parisWallClock(instant: Date): ParisWallClock {
  const f = parisFields(instant.getTime());
  return {
    date: parisDateOfMs(instant.getTime()),
    hour: f.hour,
    minute: f.minute,
    second: f.second,
    weekday: f.dayOfWeek === 0 ? 7 : f.dayOfWeek,
    offsetMinutes: f.offsetMs / 60_000,
  };
}

/**
 * `date` followed by the Paris offset in force at its local midnight, as Enedis writes contract dates:
 * `2017-07-15` → `2017-07-15+02:00`, `2017-01-15` → `2017-01-15+01:00`.
 */
export function formatDateWithParisOffset(date: string): string {
  const minutes = parisOffsetMinutes(parisMidnightUtc(date));
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${date}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Calendar date of an Enedis "date with offset" (`2017-07-15+02:00`, also accepts a bare `2017-07-15`
 * or a full date-time). The offset only says which zone the date was written in; the calendar date is
 * the first ten characters. Returns `null` when the text does not start with a valid date.
 */
export function parseDateWithOffset(value: string): string | null {
  const date = value.slice(0, 10);
  try {
    assertIsoDate(date);
  } catch {
    return null;
  }
  const rest = value.slice(10);
  return rest === '' || /^([+-]\d{2}:?\d{2}|Z|T.*)$/.test(rest) ? date : null;
}
