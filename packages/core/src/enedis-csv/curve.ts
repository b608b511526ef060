/**
 * Load-curve lines to intervals. Values are mean power (W), never energy. Enedis stamps the END of an
 * interval, the Conso Downloader its START; we store the start. Stamps with an offset name one instant;
 * naive stamps are placed on the Paris time line in file order, so the repeated October hour comes out
 * as two distinct hours (50 half-hours) and the March day has 46.
 */
import { parisInstantsOfLocalTime, resolveEndStamp } from '../time/enedis-timestamps.ts';
import { parisDate } from '../time/paris.ts';
import { parseIsoDuration } from '../time/slots.ts';
import { dedupeByKey, type Keyed } from './dedupe.ts';
import { issue, type EnedisCsvIssue } from './issues.ts';
import type { FileLayout } from './layout.ts';
import type { CurveRow } from './rows.ts';
import { parseNaiveStamp, parseOffsetStamp } from './stamps.ts';
import { readMeasure } from './values.ts';

const MS_PER_MINUTE = 60_000;
/** Steps a Linky curve can have; all divide an hour, so they align the same in UTC and in Paris time. */
export const CURVE_STEPS_MINUTES = [5, 10, 15, 20, 30, 60] as const;
const DEFAULT_STEP = 30;

interface ReadPoint {
  line: number;
  w: number;
  exactMs: number | null;
  naive: string | null;
  /** Step written on the line (flat export). */
  minutes: number | null;
}

export interface CurveResult {
  rows: CurveRow[];
  stepMinutes: number;
  duplicates: number;
  issues: EnedisCsvIssue[];
}

/** `30`, `PT30M` or `PT1H` to minutes when it is a supported step, else null. */
export function curveStepOf(text: string): number | null {
  let minutes: number;
  if (/^\d+$/.test(text)) {
    minutes = Number(text);
  } else {
    try {
      minutes = parseIsoDuration(text.toUpperCase());
    } catch {
      return null;
    }
  }
  return (CURVE_STEPS_MINUTES as readonly number[]).includes(minutes) ? minutes : null;
}

function pseudoMs(point: ReadPoint): number {
  return point.exactMs ?? Date.parse(`${(point.naive ?? '').replace(' ', 'T')}Z`);
}

/** The most frequent supported gap between consecutive lines (the smaller on a tie), else 30. */
function inferStep(points: readonly ReadPoint[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < points.length; i++) {
    const gap = (pseudoMs(points[i] as ReadPoint) - pseudoMs(points[i - 1] as ReadPoint)) / MS_PER_MINUTE;
    if ((CURVE_STEPS_MINUTES as readonly number[]).includes(gap)) {
      counts.set(gap, (counts.get(gap) ?? 0) + 1);
    }
  }
  let best = DEFAULT_STEP;
  let bestCount = 0;
  for (const [gap, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (n > bestCount) {
      best = gap;
      bestCount = n;
    }
  }
  return best;
}

function readPoints(layout: FileLayout, issues: EnedisCsvIssue[]): ReadPoint[] {
  const points: ReadPoint[] = [];
  for (const raw of layout.points) {
    const measure = readMeasure(raw.value);
    if (measure.kind === 'missing') {
      issues.push(issue('CSV_MISSING_VALUE', raw.line, `no value for ${raw.stamp}: the point is missing`, raw.value));
      continue;
    }
    if (measure.kind === 'invalid') {
      issues.push(issue('CSV_BAD_VALUE', raw.line, `"${raw.value}" is not a non-negative number`, raw.value));
      continue;
    }
    let minutes: number | null = null;
    if (raw.step !== undefined && raw.step !== '') {
      minutes = curveStepOf(raw.step);
      if (minutes === null) {
        issues.push(
          issue('CSV_BAD_STEP', raw.line, `"${raw.step}" is not a load-curve step (5 to 60 minutes)`, raw.step),
        );
        continue;
      }
    }
    const exactMs = parseOffsetStamp(raw.stamp);
    const naive = exactMs === null ? parseNaiveStamp(raw.stamp) : null;
    if (exactMs === null && naive === null) {
      issues.push(issue('CSV_BAD_TIMESTAMP', raw.line, `"${raw.stamp}" is not a date-time`, raw.stamp));
      continue;
    }
    points.push({ line: raw.line, w: Math.round(measure.value * layout.scale), exactMs, naive, minutes });
  }
  return points;
}

/** Start instant of a naive interval-start stamp: the candidate that continues the series, else the next one. */
function placeNaiveStart(naive: string, previousStart: number | null, stepMs: number): number | undefined {
  const candidates = parisInstantsOfLocalTime(naive).map((instant) => instant.getTime());
  if (previousStart === null) {
    return candidates[0];
  }
  return (
    candidates.find((candidate) => candidate === previousStart + stepMs) ??
    candidates.find((candidate) => candidate > previousStart) ??
    candidates[0]
  );
}

export function readCurve(layout: FileLayout): CurveResult | EnedisCsvIssue {
  const issues: EnedisCsvIssue[] = [];
  let fileStep: number | null = null;
  if (layout.declaredStep !== null) {
    fileStep = curveStepOf(layout.declaredStep);
    if (fileStep === null) {
      return issue(
        'CSV_BAD_STEP',
        layout.metadataLine,
        `the declared step "${layout.declaredStep}" is not 5 to 60 minutes`,
        layout.declaredStep,
      );
    }
  }
  const points = readPoints(layout, issues);
  const stepMinutes = fileStep ?? inferStep(points);

  const entries: Keyed<CurveRow>[] = [];
  let previous: number | null = null;
  for (const point of points) {
    const minutes = point.minutes ?? stepMinutes;
    const lengthMs = minutes * MS_PER_MINUTE;
    let startMs: number | undefined;
    if (layout.stampMarks === 'end') {
      const endMs: number | undefined =
        point.exactMs ??
        resolveEndStamp(point.naive ?? '', minutes, previous) ??
        resolveEndStamp(point.naive ?? '', minutes, null);
      startMs = endMs === undefined ? undefined : endMs - lengthMs;
    } else {
      startMs = point.exactMs ?? placeNaiveStart(point.naive ?? '', previous === null ? null : previous, lengthMs);
      if (startMs === undefined) {
        issues.push(
          issue(
            'CSV_NONEXISTENT_LOCAL_TIME',
            point.line,
            `${point.naive} does not exist in Paris (the clocks skip from 02:00 to 03:00 on the last Sunday of March)`,
            point.naive ?? '',
          ),
        );
        continue;
      }
    }
    if (startMs === undefined) {
      continue;
    }
    if (startMs % lengthMs !== 0) {
      issues.push(
        issue(
          'CSV_STEP_MISALIGNED',
          point.line,
          `the interval starting at ${new Date(startMs).toISOString()} is not on the ${minutes}-minute grid of the file`,
        ),
      );
      continue;
    }
    previous = layout.stampMarks === 'end' ? startMs + lengthMs : startMs;
    const start = new Date(startMs).toISOString();
    entries.push({
      line: point.line,
      key: start,
      value: point.w,
      row: {
        startAt: start,
        endAt: new Date(startMs + lengthMs).toISOString(),
        day: parisDate(new Date(startMs)),
        minutes,
        valueW: point.w,
      },
    });
  }
  const deduped = dedupeByKey(entries, (key) => `the interval starting at ${key}`);
  return { rows: deduped.rows, stepMinutes, duplicates: deduped.duplicates, issues: [...issues, ...deduped.conflicts] };
}
