import { csvFormatFor, toCsv, toJsonRows, type DataTable } from '@med/core';

export type DownloadFormat = 'csv' | 'json';

/** A safe file name from its parts: lower case, accents removed, words joined by dashes. */
export function downloadName(parts: readonly (string | null | undefined)[], format: DownloadFormat): string {
  const base = parts
    .filter((part): part is string => Boolean(part))
    .map((part) =>
      part
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('_');
  return `${base || 'export'}.${format}`;
}

/** The file content of a table: CSV in the page language's convention, or JSON rows. */
export function tableFile(
  table: DataTable,
  format: DownloadFormat,
  language: string,
): { content: string; type: string } {
  if (format === 'csv') {
    return { content: toCsv(table, csvFormatFor(language)), type: 'text/csv;charset=utf-8' };
  }
  return { content: `${JSON.stringify(toJsonRows(table), null, 2)}\n`, type: 'application/json' };
}

/** Saves the table as a file through a temporary link (works in every browser, no popup). */
export function downloadTable(table: DataTable, fileName: string, format: DownloadFormat, language: string): void {
  const { content, type } = tableFile(table, format, language);
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
