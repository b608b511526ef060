/**
 * Overlapping weekly files and a file imported twice must not count energy twice: rows are keyed by
 * their interval start (curve) or day, identical repeats are dropped, and a repeat with another value
 * is reported and left out (the first line wins).
 */
import { issue, type EnedisCsvIssue } from './issues.ts';

export interface Keyed<Row> {
  line: number;
  key: string;
  row: Row;
  /** Compared to tell a harmless repeat from a conflict. */
  value: number;
}

export interface Deduplicated<Row> {
  rows: Row[];
  duplicates: number;
  conflicts: EnedisCsvIssue<'CSV_CONFLICTING_DUPLICATE'>[];
}

/** Unique rows sorted by key (keys are ISO instants or dates, so text order is time order). */
export function dedupeByKey<Row>(entries: readonly Keyed<Row>[], describe: (key: string) => string): Deduplicated<Row> {
  const kept = new Map<string, Keyed<Row>>();
  let duplicates = 0;
  const conflicts: EnedisCsvIssue<'CSV_CONFLICTING_DUPLICATE'>[] = [];
  for (const entry of entries) {
    const first = kept.get(entry.key);
    if (!first) {
      kept.set(entry.key, entry);
    } else if (first.value === entry.value) {
      duplicates++;
    } else {
      conflicts.push(
        issue(
          'CSV_CONFLICTING_DUPLICATE',
          entry.line,
          `${describe(entry.key)} already has the value ${first.value} on line ${first.line}; this line says ${entry.value}`,
          String(entry.value),
        ),
      );
    }
  }
  const unique = [...kept.values()];
  // Exports are in time order: check before paying for a sort.
  const sorted = unique.every((entry, i) => i === 0 || (unique[i - 1] as Keyed<Row>).key < entry.key);
  if (!sorted) {
    unique.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  const rows = unique.map((entry) => entry.row);
  return { rows, duplicates, conflicts };
}
