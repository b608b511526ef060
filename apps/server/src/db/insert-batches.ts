/**
 * Rows per multi-row INSERT: 2,000 rows × up to 6 columns stays under SQLite's 32,766 and PostgreSQL's
 * 65,535 bound parameters.
 */
const ROWS_PER_INSERT = 2000;

/** Splits rows into INSERT-sized slices. */
export function insertBatches<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    out.push(rows.slice(i, i + ROWS_PER_INSERT));
  }
  return out;
}
