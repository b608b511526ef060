/**
 * Date handling of the RTE APIs: ISO 8601 date-times with a colon in the offset, written in Paris
 * local time (`2024-01-15T00:00:00+01:00`), and calendar days that run from Paris midnight to midnight.
 */
import { addDays, isIsoDate, parisDate, parisMidnightUtc, parisOffsetMinutes } from '@med/core';

/**
 * RTE's documented format `YYYY-MM-DDThh:mm:ss±hh:mm`. We are strict on purpose: a client that sends
 * `Z`, milliseconds, or an unencoded `+` (which arrives as a space) should learn it here, not in
 * production, where RTE answers F06 / a 400.
 */
const RTE_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/;

/** Parses an RTE date-time parameter; `null` when it does not follow the documented format. */
export function parseRteDateTime(value: string): Date | null {
  const match = RTE_DATE_TIME.exec(value);
  if (!match || !isIsoDate(match[1] ?? '')) {
    return null;
  }
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map(Number) as [number, number, number];
  if (hours > 23 || minutes > 59 || seconds > 59) {
    return null;
  }
  const instant = new Date(Date.parse(value));
  return Number.isNaN(instant.getTime()) ? null : instant;
}

const pad = (n: number) => String(n).padStart(2, '0');
const HOUR_MS = 3_600_000;
const offsetByUtcHour = new Map<number, number>();

/**
 * Paris offset (minutes) at an instant, memoised per UTC hour: Paris changes offset only on whole UTC
 * hours (01:00Z), and curves ask for thousands of slots, where a zone lookup per slot is the bottleneck.
 */
export function parisOffsetFast(instant: Date): number {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    if (offsetByUtcHour.size > 200_000) {
      offsetByUtcHour.clear();
    }
    offset = parisOffsetMinutes(new Date(hour * HOUR_MS));
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

/** Paris calendar date and wall-clock hour/minute of an instant (fast path of core's `parisWallClock`). */
export function parisClock(instant: Date): { date: string; hour: number; minute: number } {
  const local = new Date(instant.getTime() + parisOffsetFast(instant) * 60_000);
  return { date: local.toISOString().slice(0, 10), hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

/** Formats an instant as RTE does: Paris wall-clock time with its offset, no milliseconds. */
export function formatRteDateTime(instant: Date): string {
  const offset = parisOffsetFast(instant);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Instant of `HH:MM` Paris time on a calendar date. */
export function parisTimeOn(date: string, hhmm: string): Date {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  // Publication times are during the day, far from the 02:00–03:00 DST switch, so adding the minutes
  // to local midnight and then correcting for an offset change is exact.
  const midnight = parisMidnightUtc(date);
  const naive = new Date(midnight.getTime() + (hours * 60 + minutes) * 60_000);
  const drift = parisOffsetMinutes(midnight) - parisOffsetMinutes(naive);
  return new Date(naive.getTime() + drift * 60_000);
}

/** Paris calendar days that overlap `[start, end)`, oldest first. */
export function parisDaysOverlapping(start: Date, end: Date): string[] {
  if (end <= start) {
    return [];
  }
  const days: string[] = [];
  const last = parisDate(new Date(end.getTime() - 1));
  for (let day = parisDate(start); day <= last; day = addDays(day, 1)) {
    days.push(day);
  }
  return days;
}

/** Slot starts of `[start, end)` every `stepMinutes`, aligned on the Paris day (DST-safe, UTC steps). */
export function slotStarts(start: Date, end: Date, stepMinutes: number): Date[] {
  const step = stepMinutes * 60_000;
  const slots: Date[] = [];
  // Paris offsets are whole hours, so UTC multiples of 15/30/60 minutes are also local multiples.
  const first = Math.ceil(start.getTime() / step) * step;
  for (let t = first; t < end.getTime(); t += step) {
    slots.push(new Date(t));
  }
  return slots;
}

/** Time of day in Paris, `HH:MM`, validated; used for configurable publication times. */
export function assertHhMm(value: string, name: string): void {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
    throw new RangeError(`${name} must be HH:MM (Paris time), got "${value}"`);
  }
}
