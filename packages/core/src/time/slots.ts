/**
 * Fixed-step slots of a Paris day. Slots are built on the UTC time line (start at local midnight, add
 * the step), never by enumerating wall-clock "HH:MM" labels: on the March DST day the local 02:xx hour
 * does not exist and on the October day it happens twice, so wall-clock labels would lose or merge
 * slots. A 30-minute day therefore has 46, 48 or 50 slots.
 */
import { Duration } from 'luxon';
import { parisDayBounds } from './paris.ts';

const MS_PER_MINUTE = 60_000;

function assertStep(stepMinutes: number): void {
  if (!Number.isInteger(stepMinutes) || stepMinutes <= 0) {
    throw new RangeError(`stepMinutes must be a positive integer, got ${stepMinutes}`);
  }
}

/** Length of the Paris day `date` in minutes: 1380, 1440 or 1500. */
export function parisDayLengthMinutes(date: string): number {
  const { start, end } = parisDayBounds(date);
  return (end.getTime() - start.getTime()) / MS_PER_MINUTE;
}

/**
 * Number of `stepMinutes` slots in the Paris day `date` (48 for 30 min on an ordinary day, 46 on the
 * last Sunday of March, 50 on the last Sunday of October). Throws when the step does not divide the day.
 */
export function slotsInDay(date: string, stepMinutes: number): number {
  assertStep(stepMinutes);
  const minutes = parisDayLengthMinutes(date);
  if (minutes % stepMinutes !== 0) {
    throw new RangeError(`a ${stepMinutes}-minute step does not divide the ${minutes}-minute day ${date}`);
  }
  return minutes / stepMinutes;
}

/** UTC instants of the start of every slot of the Paris day `date`, in order. */
export function slotStartsOfDay(date: string, stepMinutes: number): Date[] {
  const count = slotsInDay(date, stepMinutes);
  const first = parisDayBounds(date).start.getTime();
  const starts: Date[] = [];
  for (let i = 0; i < count; i++) {
    starts.push(new Date(first + i * stepMinutes * MS_PER_MINUTE));
  }
  return starts;
}

/**
 * Minutes in an ISO-8601 duration such as Enedis `interval_length`: `PT30M` → 30, `PT1H` → 60,
 * `PT1H30M` → 90, `P1D` → 1440, `PT30S` → 0.5. Years and months are refused because their length in
 * minutes depends on the calendar. Throws a `RangeError` on anything else.
 */
export function parseIsoDuration(value: string): number {
  const duration = Duration.fromISO(value);
  if (!duration.isValid) {
    throw new RangeError(`not an ISO-8601 duration: "${value}"`);
  }
  if (duration.years !== 0 || duration.quarters !== 0 || duration.months !== 0) {
    throw new RangeError(`duration "${value}" uses years or months, which have no fixed length in minutes`);
  }
  return duration.as('minutes');
}
