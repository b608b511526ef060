/**
 * Daily energy and daily maximum power lines. A daily value belongs to the Paris day its stamp falls
 * in (Enedis stamps a day with its local midnight, e.g. `2022-07-29T00:00:00+02:00`); a max-power stamp
 * is the instant of the peak.
 */
import { parisInstantsOfLocalTime } from '../time/enedis-timestamps.ts';
import { parisDate, parisMidnightUtc } from '../time/paris.ts';
import { dedupeByKey, type Keyed } from './dedupe.ts';
import { issue, type EnedisCsvIssue } from './issues.ts';
import type { FileLayout, RawPoint } from './layout.ts';
import type { DailyRow, MaxPowerRow } from './rows.ts';
import { parseDateOnly, parseNaiveStamp, parseOffsetStamp } from './stamps.ts';
import { readMeasure } from './values.ts';

export interface DayResult<Row> {
  rows: Row[];
  duplicates: number;
  issues: EnedisCsvIssue[];
}

/** The value of a line scaled to W/Wh/VA, or null after reporting why it is unusable. */
function valueOf(raw: RawPoint, scale: number, issues: EnedisCsvIssue[]): number | null {
  const measure = readMeasure(raw.value);
  if (measure.kind === 'missing') {
    issues.push(issue('CSV_MISSING_VALUE', raw.line, `no value for ${raw.stamp}: the day is missing`, raw.value));
    return null;
  }
  if (measure.kind === 'invalid') {
    issues.push(issue('CSV_BAD_VALUE', raw.line, `"${raw.value}" is not a non-negative number`, raw.value));
    return null;
  }
  return Math.round(measure.value * scale);
}

function badStamp(raw: RawPoint): EnedisCsvIssue {
  return issue('CSV_BAD_TIMESTAMP', raw.line, `"${raw.stamp}" is not a date or a date-time`, raw.stamp);
}

function nonexistent(raw: RawPoint, naive: string): EnedisCsvIssue {
  return issue(
    'CSV_NONEXISTENT_LOCAL_TIME',
    raw.line,
    `${naive} does not exist in Paris (the clocks skip from 02:00 to 03:00 on the last Sunday of March)`,
    raw.stamp,
  );
}

/**
 * The instant a stamp names: exact with an offset; a naive time in the repeated October hour is read as
 * its first occurrence (a peak stamp alone cannot tell); a bare date is the day's local midnight.
 */
function instantOf(raw: RawPoint, issues: EnedisCsvIssue[]): number | null {
  const exact = parseOffsetStamp(raw.stamp);
  if (exact !== null) {
    return exact;
  }
  const naive = parseNaiveStamp(raw.stamp);
  if (naive !== null) {
    const [first] = parisInstantsOfLocalTime(naive);
    if (!first) {
      issues.push(nonexistent(raw, naive));
      return null;
    }
    return first.getTime();
  }
  const date = parseDateOnly(raw.stamp);
  if (date !== null) {
    return parisMidnightUtc(date).getTime();
  }
  issues.push(badStamp(raw));
  return null;
}

/** Paris date of a daily stamp: the date of the instant, or the date part of a naive stamp. */
function dayOf(raw: RawPoint, issues: EnedisCsvIssue[]): string | null {
  const exact = parseOffsetStamp(raw.stamp);
  if (exact !== null) {
    return parisDate(new Date(exact));
  }
  const date = parseNaiveStamp(raw.stamp)?.slice(0, 10) ?? parseDateOnly(raw.stamp);
  if (date === null) {
    issues.push(badStamp(raw));
  }
  return date;
}

export function readDaily(layout: FileLayout): DayResult<DailyRow> {
  const issues: EnedisCsvIssue[] = [];
  const entries: Keyed<DailyRow>[] = [];
  for (const raw of layout.points) {
    const wh = valueOf(raw, layout.scale, issues);
    const date = wh === null ? null : dayOf(raw, issues);
    if (wh !== null && date !== null) {
      entries.push({ line: raw.line, key: date, value: wh, row: { day: date, valueWh: wh } });
    }
  }
  const deduped = dedupeByKey(entries, (key) => `the day ${key}`);
  return { rows: deduped.rows, duplicates: deduped.duplicates, issues: [...issues, ...deduped.conflicts] };
}

export function readMaxPower(layout: FileLayout): DayResult<MaxPowerRow> {
  const issues: EnedisCsvIssue[] = [];
  const entries: Keyed<MaxPowerRow>[] = [];
  for (const raw of layout.points) {
    const va = valueOf(raw, layout.scale, issues);
    const instant = va === null ? null : instantOf(raw, issues);
    if (va !== null && instant !== null) {
      const at = new Date(instant);
      const date = parisDate(at);
      entries.push({ line: raw.line, key: date, value: va, row: { day: date, valueVa: va, at: at.toISOString() } });
    }
  }
  const deduped = dedupeByKey(entries, (key) => `the day ${key}`);
  return { rows: deduped.rows, duplicates: deduped.duplicates, issues: [...issues, ...deduped.conflicts] };
}
