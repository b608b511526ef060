/**
 * What importing parsed rows into a store changes. A file only fills what the store lacks: a row the
 * store already has with the same value is `unchanged`; one the store has with another value (or a curve
 * interval overlapping a stored one at another step) is `differing` and the stored row is kept, because
 * stored rows come from the gateway, which re-reads and corrects recent days, and an old download
 * must not undo that. Importing the same file twice therefore adds nothing the second time.
 */
import { addDays } from '../time/calendar.ts';
import type { CurveRow, DailyRow, MaxPowerRow } from './rows.ts';

export interface ImportPlan<Row> {
  /** Rows to insert (none of them is stored yet). */
  add: Row[];
  unchanged: number;
  differing: number;
}

/** The stored curve intervals a plan is checked against (those of the days the file covers). */
export type StoredCurveInterval = Pick<CurveRow, 'startAt' | 'minutes' | 'valueW'>;

/** Paris days `[start, end)` that rows with a `day` cover, to read what is stored there; null when no rows. */
export function importDayRange(rows: readonly { day: string }[]): { start: string; end: string } | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const { day } of rows) {
    if (first === null || day < first) {
      first = day;
    }
    if (last === null || day > last) {
      last = day;
    }
  }
  return first === null || last === null ? null : { start: first, end: addDays(last, 1) };
}

function planByKey<Row>(
  rows: readonly Row[],
  stored: readonly Row[],
  keyOf: (row: Row) => string,
  same: (a: Row, b: Row) => boolean,
): ImportPlan<Row> {
  const byKey = new Map(stored.map((row) => [keyOf(row), row]));
  const plan: ImportPlan<Row> = { add: [], unchanged: 0, differing: 0 };
  for (const row of rows) {
    const existing = byKey.get(keyOf(row));
    if (!existing) {
      plan.add.push(row);
    } else if (same(existing, row)) {
      plan.unchanged++;
    } else {
      plan.differing++;
    }
  }
  return plan;
}

export function planDailyImport(rows: readonly DailyRow[], stored: readonly DailyRow[]): ImportPlan<DailyRow> {
  return planByKey(
    rows,
    stored,
    (row) => row.day,
    (a, b) => a.valueWh === b.valueWh,
  );
}

/** Max power: same day and same VA is unchanged (the stored instant of the peak is kept either way). */
export function planMaxPowerImport(
  rows: readonly MaxPowerRow[],
  stored: readonly MaxPowerRow[],
): ImportPlan<MaxPowerRow> {
  return planByKey(
    rows,
    stored,
    (row) => row.day,
    (a, b) => a.valueVa === b.valueVa,
  );
}

const MS_PER_MINUTE = 60_000;

/**
 * Curve intervals by start; a new interval that overlaps a stored one with another start (the meter's
 * step changed between the download and the sync) is `differing`, so energy is never counted twice.
 */
export function planCurveImport(
  rows: readonly CurveRow[],
  stored: readonly StoredCurveInterval[],
): ImportPlan<CurveRow> {
  const spans = stored
    .map((row) => {
      const start = Date.parse(row.startAt);
      return { row, start, end: start + row.minutes * MS_PER_MINUTE };
    })
    .sort((a, b) => a.start - b.start);
  const byStart = new Map(spans.map((span) => [span.start, span.row]));
  const plan: ImportPlan<CurveRow> = { add: [], unchanged: 0, differing: 0 };
  for (const row of rows) {
    const start = Date.parse(row.startAt);
    const existing = byStart.get(start);
    if (existing) {
      if (existing.minutes === row.minutes && existing.valueW === row.valueW) {
        plan.unchanged++;
      } else {
        plan.differing++;
      }
    } else if (overlaps(spans, start, start + row.minutes * MS_PER_MINUTE)) {
      plan.differing++;
    } else {
      plan.add.push(row);
    }
  }
  return plan;
}

/** Whether a sorted list of `[start, end)` spans has one that overlaps `[start, end)` (binary search). */
function overlaps(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  // The last span starting before `end` is the only candidate that can still reach past `start`, as long
  // as spans do not overlap each other (stored intervals never do).
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((spans[middle] as { start: number }).start < end) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  const candidate = spans[low - 1];
  return candidate !== undefined && candidate.end > start;
}
