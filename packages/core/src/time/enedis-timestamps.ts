/**
 * Enedis load-curve timestamps.
 *
 * Enedis stamps every load-curve point with the END of its interval, as a naive Paris wall-clock
 * string (`2025-05-29 00:30:00`, no offset). The last point of a day D is `D+1 00:00:00`. On the two DST
 * days a naive stamp is not enough to find the instant:
 * - last Sunday of October: the local 02:00–03:00 hour happens twice (first at +02:00, then at +01:00);
 * - last Sunday of March: the local 02:00–03:00 hour does not exist.
 *
 * How Enedis writes the stamps on those days is not documented. Two stampings are plausible and both
 * are accepted here: the wall clock of the end instant ("end-instant": October repeats 02:00 and
 * 02:30) or the wall clock of the interval start plus its length ("start-plus-length": October repeats
 * 02:30 and 03:00, March shows a `02:00:00` stamp that is not a real local time). The points of one
 * response are in time order, so the order settles which occurrence a repeated stamp is.
 */
import { parseIsoDuration } from './slots.ts';
import { parisNaiveOfMs, parisOffsetMs } from './zone-offset.ts';

const NAIVE_STAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Formats an instant as the naive Paris wall clock Enedis uses: `YYYY-MM-DD HH:MM:SS`. */
export function formatEnedisLocal(instant: Date): string {
  return parisNaiveOfMs(instant.getTime());
}

/**
 * How a naive end stamp is written on DST days (identical on every other day):
 * - `end-instant`: the Paris wall clock of the end instant;
 * - `start-plus-length`: the Paris wall clock of the start instant plus the interval length.
 */
export type EnedisStamping = 'end-instant' | 'start-plus-length';

/**
 * The naive end stamp Enedis writes for the interval that starts at `start` and lasts `minutes`.
 * On ordinary days both stampings give `formatEnedisLocal(start + minutes)`.
 */
export function formatEnedisEndStamp(start: Date, minutes: number, stamping: EnedisStamping): string {
  const endMs = start.getTime() + minutes * MS_PER_MINUTE;
  if (stamping === 'end-instant') {
    return formatEnedisLocal(new Date(endMs));
  }
  const naiveEnd = start.getTime() + parisOffsetMs(start.getTime()) + minutes * MS_PER_MINUTE;
  return new Date(naiveEnd).toISOString().slice(0, 19).replace('T', ' ');
}

/** The naive wall clock read as if it were UTC: a plain number to do wall-clock arithmetic on. */
function naiveToPseudoUtcMs(stamp: string): number {
  const match = NAIVE_STAMP.exec(stamp);
  if (!match) {
    throw new RangeError(`not an Enedis local timestamp (YYYY-MM-DD HH:MM:SS): "${stamp}"`);
  }
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCDate() !== d || check.getUTCHours() !== h || mi > 59 || s > 59) {
    throw new RangeError(`not a valid date-time: "${stamp}"`);
  }
  return ms;
}

/** Instants whose Paris wall clock is the given pseudo-UTC reading: 0 (March gap), 1 or 2 (October). */
function instantsOfPseudoUtc(pseudoUtcMs: number): number[] {
  // Paris changes offset at most once within ±1 day, so the offsets seen a day either side are all the
  // offsets the wall clock can correspond to.
  const offsets = new Set([parisOffsetMs(pseudoUtcMs - MS_PER_DAY), parisOffsetMs(pseudoUtcMs + MS_PER_DAY)]);
  const instants: number[] = [];
  for (const offset of offsets) {
    const candidate = pseudoUtcMs - offset;
    if (parisOffsetMs(candidate) === offset) {
      instants.push(candidate);
    }
  }
  return instants.sort((a, b) => a - b);
}

/**
 * Every instant whose Paris wall clock reads `stamp` (`YYYY-MM-DD HH:MM:SS`): none for a time skipped
 * in March, two for a repeated time in October (earlier first), one otherwise.
 */
export function parisInstantsOfLocalTime(stamp: string): Date[] {
  return instantsOfPseudoUtc(naiveToPseudoUtcMs(stamp)).map((ms) => new Date(ms));
}

/** A load-curve point as Enedis sends it (extra fields are kept and handed back untouched). */
export interface EndStampedPoint {
  /** Naive Paris wall clock of the end of the interval. */
  date: string;
  /** ISO-8601 duration (`PT30M`); may differ from point to point. */
  interval_length?: string | undefined;
}

/** A point placed on the UTC time line. */
export interface ResolvedInterval<T> {
  point: T;
  /** Interval start (what we store and serve). */
  start: Date;
  /** Interval end (the instant Enedis stamped). */
  end: Date;
  /** Interval length in minutes, parsed from `interval_length`. */
  minutes: number;
}

/** Options of {@link resolveEndStampedPoints}. */
export interface ResolveOptions {
  /** Used when a point has no `interval_length`; without it such a point is an error. */
  defaultIntervalLength?: string;
}

/** The candidate that continues `previousEnd` without a gap, else the earliest one after it. */
function pickEnd(candidates: number[], previousEnd: number | null, lengthMs: number): number | undefined {
  const ordered = candidates.sort((a, b) => a - b);
  if (previousEnd === null) {
    return ordered[0];
  }
  const after = ordered.filter((candidate) => candidate > previousEnd);
  return after.find((candidate) => candidate === previousEnd + lengthMs) ?? after[0];
}

/**
 * The end instant (UTC ms) of one naive Enedis end stamp lasting `minutes`, given the end of the
 * previous interval of the same ordered series (`null` for the first). The candidates are the instants
 * whose wall clock is the stamp and those whose wall clock is the stamp minus the interval length,
 * shifted by that length (both stampings of the module comment). The candidate that continues
 * `previousEnd` without a gap is preferred, then the earliest one after it. Returns `undefined` when
 * no candidate comes after `previousEnd` (the point is out of order or repeated).
 *
 * @throws RangeError on a malformed stamp.
 */
export function resolveEndStamp(stamp: string, minutes: number, previousEnd: number | null): number | undefined {
  const lengthMs = minutes * MS_PER_MINUTE;
  const stampMs = naiveToPseudoUtcMs(stamp);
  const candidates = new Set(instantsOfPseudoUtc(stampMs));
  for (const start of instantsOfPseudoUtc(stampMs - lengthMs)) {
    candidates.add(start + lengthMs);
  }
  if (candidates.size === 0) {
    // Neither stamping produces this (e.g. `02:30:00` with PT30M on the March day), but keep going:
    // read the stamp with the offset in force before the gap, the usual "compatible" resolution.
    candidates.add(stampMs - parisOffsetMs(stampMs - MS_PER_DAY));
  }
  return pickEnd([...candidates], previousEnd, lengthMs);
}

/**
 * Places the ordered points of one Enedis load-curve response on the UTC time line and returns each
 * interval's start and end. Works on ordinary and DST days with either stamping (see the module
 * comment); the result is strictly increasing. For each point the candidate end instants are the
 * instants whose wall clock is the stamp and those whose wall clock is the stamp minus the interval
 * length, shifted by that length. The candidate that continues the previous interval without a gap is
 * preferred, then the earliest one after the previous end (a hole in the data keeps later points
 * unambiguous except inside the repeated October hour).
 *
 * @throws RangeError on a malformed stamp or duration, or when a point does not come after the
 *   previous one (the input is not a single time-ordered response).
 */
export function resolveEndStampedPoints<T extends EndStampedPoint>(
  points: readonly T[],
  options: ResolveOptions = {},
): ResolvedInterval<T>[] {
  const resolved: ResolvedInterval<T>[] = [];
  let previousEnd: number | null = null;
  for (const [index, point] of points.entries()) {
    const length = point.interval_length ?? options.defaultIntervalLength;
    if (length === undefined) {
      throw new RangeError(`point ${index} ("${point.date}") has no interval_length`);
    }
    const minutes = parseIsoDuration(length);
    const lengthMs = minutes * MS_PER_MINUTE;
    const end = resolveEndStamp(point.date, minutes, previousEnd);
    if (end === undefined) {
      throw new RangeError(`point ${index} ("${point.date}") does not come after the previous point`);
    }
    resolved.push({ point, start: new Date(end - lengthMs), end: new Date(end), minutes });
    previousEnd = end;
  }
  return resolved;
}
