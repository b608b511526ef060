import { z } from 'zod';

/** Where the local client stands with its gateway: `connected`, or exactly what is wrong. */
export const gatewayConnectionStateSchema = z.enum([
  'connecting',
  'connected',
  'not_configured',
  'bad_credentials',
  'unreachable',
  'quota_exceeded',
  'refused',
]);
export type GatewayConnectionState = z.infer<typeof gatewayConnectionStateSchema>;

/** `GET /api/client/status` (client mode): the gateway link, for the status page and monitoring. */
export const clientStatusSchema = z.object({
  mode: z.literal('client'),
  gateway: z.object({
    /** MED_API_URL. */
    url: z.string(),
    state: gatewayConnectionStateSchema,
    /** A sentence saying what is wrong and what to do, with the technical detail in parentheses. */
    message: z.string(),
    checked_at: z.string().nullable(),
    /** While failing: when the next attempt runs (backoff). */
    next_attempt_at: z.string().nullable(),
    failures: z.number().int(),
  }),
});
export type ClientStatus = z.infer<typeof clientStatusSchema>;

export const syncDatasetNameSchema = z.enum([
  'contract',
  'address',
  'consumption_daily',
  'consumption_curve',
  'max_power',
  'production_daily',
  'production_curve',
]);

/** One meter's data set as the Sync page shows it. */
export const syncDatasetStatusSchema = z.object({
  dataset: syncDatasetNameSchema,
  /** ok | partial (days Enedis has not published) | error | quota_exceeded | never. */
  status: z.string(),
  last_attempt_at: z.string().nullable(),
  last_success_at: z.string().nullable(),
  error: z.string().nullable(),
  error_code: z.string().nullable(),
  /** Stored rows, and the oldest and newest stored day (null for contract and address). */
  records: z.number().int().nullable(),
  oldest_day: z.string().nullable(),
  newest_day: z.string().nullable(),
});

export const syncMeterStatusSchema = z.object({
  usage_point_id: z.string(),
  name: z.string().nullable(),
  has_consumption: z.boolean(),
  has_production: z.boolean(),
  datasets: z.array(syncDatasetStatusSchema),
});

/** One live progress event of the sync (`GET /api/sync/events`, Server-Sent Events). */
export const syncProgressSchema = z.object({
  type: z.enum(['started', 'dataset', 'finished', 'quota_exceeded', 'failed']),
  usage_point_id: z.string().nullable(),
  dataset: z.string().nullable(),
  message: z.string(),
  rows: z.number().int(),
  calls: z.number().int(),
  resume_at: z.string().nullable(),
  at: z.string(),
});
export type SyncProgressEvent = z.infer<typeof syncProgressSchema>;

/**
 * When the whole first sync will be stored: the gateway calls it still needs (from what is stored), today's
 * quota left and the daily allowance at the gateway (null: not limited), and the estimated instant (null
 * when nothing is left, or when the gateway allows no call at all).
 */
export const firstSyncEstimateSchema = z.object({
  remaining_calls: z.number().int(),
  quota_left_today: z.number().int().nullable(),
  quota_per_day: z.number().int().nullable(),
  estimated_finish_at: z.string().nullable(),
});

/**
 * `POST /api/sync/trigger[/{pdl}]`: 202 when a run starts or is joined; 200 with `deferred` and `resume_at`
 * when the gateway's quota holds the sync back (nothing is asked of the gateway before then).
 */
export const syncTriggerSchema = z.object({
  started: z.boolean(),
  running: z.boolean(),
  deferred: z.boolean(),
  resume_at: z.string().nullable(),
});
export type SyncTriggerResponse = z.infer<typeof syncTriggerSchema>;

/** `GET /api/sync/status` (client mode). */
export const syncStatusSchema = z.object({
  running: z.boolean(),
  /** Next scheduled run, or when a quota cut resumes. */
  next_run_at: z.string().nullable(),
  /** Set while the gateway's quota holds the sync back: when it resumes. */
  resume_at: z.string().nullable(),
  last_progress: syncProgressSchema.nullable(),
  first_sync: firstSyncEstimateSchema,
  gateway: clientStatusSchema.shape.gateway,
  meters: z.array(syncMeterStatusSchema),
});
export type SyncStatusResponse = z.infer<typeof syncStatusSchema>;
