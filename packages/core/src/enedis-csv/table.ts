/**
 * Text to cells, with the file's line numbers kept for error messages. The separator is guessed from
 * the first non-blank line: `;` for the customer area and the Conso Downloader, a tab for Excel's
 * "Unicode text", `,` for a sheet saved from an English-language Excel.
 */
import { parse } from 'csv-parse/sync';

export interface CsvLine {
  /** 1-based line of the file where the record ends. */
  line: number;
  cells: string[];
}

const SEPARATORS = [';', '\t', ','] as const;
export type CsvSeparator = (typeof SEPARATORS)[number];

function count(text: string, separator: string): number {
  let n = 0;
  for (const char of text) {
    if (char === separator) {
      n++;
    }
  }
  return n;
}

/** The separator used most in the first non-blank line, preferring `;` then tab on a tie. */
export function detectSeparator(text: string): CsvSeparator {
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  let best: CsvSeparator = ';';
  let bestCount = 0;
  for (const separator of SEPARATORS) {
    const n = count(firstLine, separator);
    if (n > bestCount) {
      best = separator;
      bestCount = n;
    }
  }
  return best;
}

/** Every non-blank record of the text, cells trimmed. Quotes follow RFC 4180 (and are tolerated inside cells). */
export function readCsvLines(text: string, separator: CsvSeparator): CsvLine[] {
  const records = parse(text, {
    delimiter: separator,
    bom: true,
    trim: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    // The typed overloads only allow a record of strings: carry the line number as the first cell.
    on_record: (cells, context) => [String(context.lines), ...cells],
  });
  return records.map(([line, ...cells]) => ({ line: Number(line), cells }));
}

/** Header cell to a comparable key: no accents, lower case, single spaces (`Unité ` → `unite`). */
export function headerKey(cell: string): string {
  return cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
