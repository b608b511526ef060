import { z } from 'zod';

/**
 * Home Assistant Energy statistics of a `home_assistant` exporter (client mode):
 * `/api/export/configs/{id}/ha-statistics…` — list and clear what HA holds, import (full or incremental)
 * with live progress as Server-Sent Events (decision 0017).
 */

/** One statistic HA holds for this exporter (source = its prefix, ids of its meters). */
export const haStatisticSchema = z.object({
  statistic_id: z.string(),
  name: z.string().nullable(),
  source: z.string(),
  unit: z.string().nullable(),
  unit_class: z.string().nullable(),
  has_sum: z.boolean(),
});
export type HaStatistic = z.infer<typeof haStatisticSchema>;

export const haStatisticsListSchema = z.object({
  ha_version: z.string(),
  statistics: z.array(haStatisticSchema),
});
export type HaStatisticsList = z.infer<typeof haStatisticsListSchema>;

export const haStatisticsClearedSchema = z.object({ cleared: z.array(z.string()) });
export type HaStatisticsCleared = z.infer<typeof haStatisticsClearedSchema>;

const queryFlag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

/** `POST …/ha-statistics/import?clear_first=&incremental=` (both default to false: a full import over what HA holds). */
export const haImportQuerySchema = z.strictObject({
  clear_first: queryFlag,
  incremental: queryFlag,
});
export type HaImportQuery = z.input<typeof haImportQuerySchema>;

/** 202 answer: the import goes on in the background; its progress and report come on the stream. */
export const haImportStartedSchema = z.object({
  import_id: z.string(),
  started_at: z.string(),
});
export type HaImportStarted = z.infer<typeof haImportStartedSchema>;

/** SSE `progress` event: one per chunk sent, and one when the preparation is done. */
export const haImportProgressSchema = z.object({
  import_id: z.string(),
  step: z.number().int(),
  total_steps: z.number().int(),
  percent: z.number(),
  message: z.string(),
  /** Rows sent so far, by kind. */
  consumption: z.number().int(),
  cost: z.number().int(),
  production: z.number().int(),
});
export type HaImportProgress = z.infer<typeof haImportProgressSchema>;

const datedReason = z.object({ reason: z.string(), dates: z.array(z.string()) });

/** The report of a finished import (the SSE `done` event). */
export const haImportReportSchema = z.object({
  import_id: z.string(),
  started_at: z.string(),
  finished_at: z.string(),
  ha_version: z.string(),
  mode: z.enum(['full', 'incremental']),
  cleared: z.array(z.string()),
  consumption: z.number().int(),
  cost: z.number().int(),
  production: z.number().int(),
  meters: z.array(
    z.object({
      usage_point_id: z.string(),
      option: z.string(),
      option_source: z.enum(['selected_offer', 'contract', 'default']),
      offer: z.object({ id: z.string(), name: z.string() }).nullable(),
      skipped_days: z.array(datedReason),
      estimated_days: z.array(datedReason),
      unpriced_days: z.array(datedReason),
      production_skipped_days: z.array(datedReason),
    }),
  ),
  series: z.array(
    z.object({
      statistic_id: z.string(),
      kind: z.enum(['consumption', 'cost', 'production']),
      band: z.string().nullable(),
      unit: z.string(),
      hours: z.number().int(),
      rows_sent: z.number().int(),
      resumed_at: z.string().nullable(),
      last_sum: z.number(),
      last_start: z.string().nullable(),
    }),
  ),
  /** Meters of the configuration the local store does not know (nothing sent for them). */
  unknown_meters: z.array(z.string()),
});
export type HaImportReport = z.infer<typeof haImportReportSchema>;

/** SSE `error` event: the import stopped; `code` is a stable error code (HA_AUTH_INVALID…). */
export const haImportErrorSchema = z.object({
  import_id: z.string(),
  code: z.string(),
  message: z.string(),
  finished_at: z.string(),
});
export type HaImportError = z.infer<typeof haImportErrorSchema>;
