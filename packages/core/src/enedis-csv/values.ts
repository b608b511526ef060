/**
 * Measure cells to numbers. Enedis writes integers; the Conso Downloader writes kW with a decimal
 * comma (`0,452`) and `null` for a missing point. A blank or `null` cell is a missing measure, never 0.
 */

export type CellValue = { kind: 'number'; value: number } | { kind: 'missing' } | { kind: 'invalid' };

const MISSING = new Set(['', 'null', 'nan', 'n/a', '-']);

export function readMeasure(cell: string | undefined): CellValue {
  const text = (cell ?? '').trim();
  if (MISSING.has(text.toLowerCase())) {
    return { kind: 'missing' };
  }
  // Thousands separators (spaces, no-break spaces) from a re-saved sheet; a decimal comma.
  const normalized = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)$/.test(normalized)) {
    return { kind: 'invalid' };
  }
  return { kind: 'number', value: Number(normalized) };
}
