import { historyImportReportSchema, type HistoryImportReport } from '@med/contracts';
import { request, type Schema } from '../../api/client.ts';

const reportSchema: Schema<HistoryImportReport> = historyImportReportSchema;

/**
 * Client mode: sends one Enedis CSV export, bytes unchanged (the server detects UTF-8, Windows-1252 and
 * UTF-16 itself), with its name (the Conso Downloader writes the meter and direction there).
 */
export function importHistoryFile(usagePointId: string, file: File) {
  return request('POST', `/history-import/${encodeURIComponent(usagePointId)}`, {
    query: { file_name: file.name.slice(0, 255) },
    file: { content: file, contentType: 'text/csv' },
    schema: reportSchema,
  });
}
