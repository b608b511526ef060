/**
 * Load-curve points as the server serves them: `date` is the interval START as RFC 3339 Paris time
 * with its offset (`2025-10-26T02:30:00+01:00`), `value` the average power over the interval in W,
 * `interval_length` an ISO-8601 duration (`PT30M`). The offset makes every instant unambiguous, even in
 * the repeated October hour, and the text before it is the Paris wall clock, read as is (no time-zone
 * lookup per point: two years of 30-min data is 35,040 points).
 */
import { parseIsoDuration } from '../time/slots.ts';
import { formatParisIso } from '../paris-iso.ts';

export interface CurveReadingInput {
  value: number;
  date: string;
  interval_length?: string | undefined;
}

/** One interval of a load curve, placed on the time line and on the Paris wall clock. */
export interface EnergySlot {
  /** UTC milliseconds of the interval start. */
  start: number;
  /** Interval length in minutes. */
  minutes: number;
  /** Average power over the interval, W. */
  watts: number;
  /** Energy over the interval, Wh (= W × minutes / 60). */
  wh: number;
  /** Paris calendar date of the interval start. */
  date: string;
  /** Paris wall-clock minute of the interval start, 0–1439. */
  minuteOfDay: number;
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DEFAULT_LENGTH = 'PT30M';

/** Energy of an interval from its average power: Wh = W × minutes / 60 (1,000 W for 30 min = 500 Wh). */
export function wattsToWh(watts: number, minutes: number): number {
  return (watts * minutes) / 60;
}

const durationCache = new Map<string, number>();
function minutesOf(length: string): number {
  let minutes = durationCache.get(length);
  if (minutes === undefined) {
    minutes = parseIsoDuration(length);
    durationCache.set(length, minutes);
  }
  return minutes;
}

/**
 * Places curve readings on the time line. Readings whose date cannot be read are skipped (counted in
 * `skipped`); the result is sorted by start and has no duplicate start (the last reading wins, as
 * when the same day comes from two overlapping responses).
 */
export function toEnergySlots(readings: readonly CurveReadingInput[]): { slots: EnergySlot[]; skipped: number } {
  const byStart = new Map<number, EnergySlot>();
  let skipped = 0;
  for (const reading of readings) {
    const slot = toSlot(reading);
    if (slot) {
      byStart.set(slot.start, slot);
    } else {
      skipped += 1;
    }
  }
  const slots = [...byStart.values()].sort((a, b) => a.start - b.start);
  return { slots, skipped };
}

function toSlot(reading: CurveReadingInput): EnergySlot | null {
  if (!Number.isFinite(reading.value)) {
    return null;
  }
  let match = RFC3339.exec(reading.date);
  if (!match) {
    return null;
  }
  const start = Date.parse(reading.date);
  if (Number.isNaN(start)) {
    return null;
  }
  // A Paris offset means the text is the Paris wall clock; anything else (Z, another zone) is converted.
  if (match[4] !== '+01:00' && match[4] !== '+02:00') {
    match = RFC3339.exec(formatParisIso(new Date(start)));
  }
  if (!match) {
    return null;
  }
  let minutes: number;
  try {
    minutes = minutesOf(reading.interval_length ?? DEFAULT_LENGTH);
  } catch {
    return null;
  }
  if (!(minutes > 0)) {
    return null;
  }
  return {
    start,
    minutes,
    watts: reading.value,
    wh: wattsToWh(reading.value, minutes),
    date: match[1] ?? '',
    minuteOfDay: Number(match[2]) * 60 + Number(match[3]),
  };
}

/** Slots whose Paris date is in `[start, end)`. `slots` must be sorted (as `toEnergySlots` returns them). */
export function slotsBetween(slots: readonly EnergySlot[], start: string, end: string): EnergySlot[] {
  const first = lowerBound(slots, start);
  const last = lowerBound(slots, end);
  return slots.slice(first, last);
}

/** Index of the first slot whose date is ≥ `date` (dates grow with starts). */
function lowerBound(slots: readonly EnergySlot[], date: string): number {
  let low = 0;
  let high = slots.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((slots[mid]?.date ?? '') < date) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}
