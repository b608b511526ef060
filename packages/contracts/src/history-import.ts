import { z } from 'zod';

/**
 * Report of a local history import (client mode): an Enedis CSV export added to the household's store.
 * Rows the store already has are never overwritten (`differing` counts those whose stored value, read
 * from the gateway, differs from the file's); `rejected` lines are listed in `issues` with their line.
 */
export const historyImportIssueSchema = z.object({
  /** Stable code of the line problem (`CSV_BAD_VALUE`, `CSV_MISSING_VALUE`, `CSV_BAD_TIMESTAMP`…). */
  code: z.string(),
  line: z.number().int().nullable(),
  message: z.string(),
  value: z.string().optional(),
});

export const historyImportReportSchema = z.object({
  usage_point_id: z.string(),
  kind: z.enum(['load_curve', 'daily', 'max_power']),
  direction: z.enum(['consumption', 'production']),
  format: z.enum(['enedis-export', 'enedis-flat', 'conso-downloader']),
  /** Load-curve step in minutes; null for daily values and max power. */
  step_minutes: z.number().int().nullable(),
  /** Paris days covered by the file's rows, `[first_day, last_day]`; null when it has none. */
  first_day: z.string().nullable(),
  last_day: z.string().nullable(),
  added: z.number().int(),
  unchanged: z.number().int(),
  differing: z.number().int(),
  rejected: z.number().int(),
  /** Lines repeating an interval or day of the same file with the same value. */
  duplicates: z.number().int(),
  /** The first 100 rejected lines. */
  issues: z.array(historyImportIssueSchema),
});
export type HistoryImportReport = z.infer<typeof historyImportReportSchema>;
