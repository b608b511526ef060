/**
 * What a chart shows, as a table: the single source for its CSV and JSON downloads.
 *
 * CSV format (documented choice): UTF-8 with a byte-order mark (so Excel detects the encoding), CRLF
 * line ends, a header row, dates in ISO 8601 (`2025-10-26`, `2025-10-26T02:30:00+01:00`) so any tool
 * can parse them. The separator and decimal mark follow the page language, because that is how the
 * spreadsheet on the same computer most likely reads numbers: French → `;` and decimal comma (French
 * Excel/LibreOffice open it directly), English → `,` and decimal point. No thousands separator.
 */
export type TableCell = string | number | null;

export interface DataColumn {
  key: string;
  label: string;
}

export interface DataTable {
  columns: readonly DataColumn[];
  rows: readonly Record<string, TableCell>[];
}

export interface CsvFormat {
  separator: ';' | ',';
  decimal: ',' | '.';
}

export const CSV_FORMATS = {
  fr: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
} as const satisfies Record<string, CsvFormat>;

export function csvFormatFor(language: string): CsvFormat {
  return language === 'en' ? CSV_FORMATS.en : CSV_FORMATS.fr;
}

const BOM = '\uFEFF';

function formatNumber(value: number, decimal: CsvFormat['decimal']): string {
  if (!Number.isFinite(value)) {
    return '';
  }
  // Round away binary noise (0.1 + 0.2) without ever using exponent notation.
  const rounded = Number(value.toFixed(6)) || 0; // `|| 0` also turns -0 into 0
  const text = rounded.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 6 });
  return decimal === ',' ? text.replace('.', ',') : text;
}

function quote(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

function cellText(value: TableCell | undefined, format: CsvFormat): string {
  if (value === null || value === undefined) {
    return '';
  }
  return typeof value === 'number' ? formatNumber(value, format.decimal) : quote(value, format.separator);
}

/** The table as CSV text (with BOM). */
export function toCsv(table: DataTable, format: CsvFormat): string {
  const lines = [table.columns.map((column) => quote(column.label, format.separator)).join(format.separator)];
  for (const row of table.rows) {
    lines.push(table.columns.map((column) => cellText(row[column.key], format)).join(format.separator));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The table as JSON rows keyed by column key (numbers stay numbers, missing values are null). */
export function toJsonRows(table: DataTable): Record<string, TableCell>[] {
  return table.rows.map((row) =>
    Object.fromEntries(table.columns.map((column) => [column.key, row[column.key] ?? null])),
  );
}
