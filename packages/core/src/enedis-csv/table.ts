/**
 * Text to cells, with the file's line numbers kept for error messages. The separator is guessed from
 * the first non-blank line: `;` for the customer area and the Conso Downloader, a tab for Excel's
 * "Unicode text", `,` for a sheet saved from an English-language Excel.
 *
 * Hand-written rather than csv-parse: the exports are line-oriented (one record per line; quotes only
 * around whole cells, as the Conso Downloader writes them), every message needs the file's line number,
 * and csv-parse took about 330 ms of CPU for a two-year curve (35,000 lines) where splitting lines takes
 * about 15 ms — it was two thirds of the import time (bench/csv-import.ts). A quote left open at the end
 * of a line is reported, not guessed.
 */
export interface CsvLine {
  /** 1-based line of the file. */
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

export class UnclosedQuoteError extends Error {
  readonly line: number;

  constructor(line: number) {
    super(`a quoted cell is not closed on line ${line}`);
    this.line = line;
  }
}

/** Cells of a line holding quotes: `"a;b";"say ""hi"""` → `a;b`, `say "hi"`. */
function splitQuoted(text: string, separator: string, line: number): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char !== '"') {
        cell += char;
      } else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else {
        quoted = false;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === separator) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  if (quoted) {
    throw new UnclosedQuoteError(line);
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * Every line that has a non-blank cell, cells trimmed and unquoted, with its 1-based line number.
 * @throws UnclosedQuoteError when a quoted cell runs past the end of its line.
 */
export function readCsvLines(text: string, separator: CsvSeparator): CsvLine[] {
  const lines: CsvLine[] = [];
  const physical = text.split(/\r\n|\n|\r/);
  for (let index = 0; index < physical.length; index++) {
    const raw = physical[index] as string;
    const cells = raw.includes('"')
      ? splitQuoted(raw, separator, index + 1)
      : raw.split(separator).map((cell) => cell.trim());
    if (cells.some((cell) => cell !== '')) {
      lines.push({ line: index + 1, cells });
    }
  }
  return lines;
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
