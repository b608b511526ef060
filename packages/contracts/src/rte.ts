import { z } from 'zod';

/**
 * RTE data served by the gateway: Tempo, EcoWatt, national consumption and generation forecasts,
 * plus the admin views of the RTE connection and its scheduled jobs. Every route answers with the
 * usual envelope; instants are RFC 3339 (`2026-01-15T00:00:00+01:00` for RTE slots, UTC `Z` for our
 * own bookkeeping), calendar dates are `YYYY-MM-DD` (Paris).
 */

export const tempoColourSchema = z.enum(['BLUE', 'WHITE', 'RED']);

/** `GET /api/tempo`: one published day. */
export const tempoDaySchema = z.object({
  date: z.string(),
  color: tempoColourSchema,
  /** When the gateway stored or last changed the colour. */
  updated_at: z.string(),
});
export type TempoDayDto = z.infer<typeof tempoDaySchema>;

/** `GET /api/tempo/days` and `/api/tempo/week`: with RTE's own publication instant. */
export const tempoDayDetailSchema = tempoDaySchema.extend({ rte_updated_date: z.string().nullable() });
export type TempoDayDetail = z.infer<typeof tempoDayDetailSchema>;

/**
 * `GET /api/tempo/today`. `date`/`color` describe today's **calendar date**, as RTE publishes it.
 * The tariff day runs 06:00→06:00, so between midnight and 06:00 the colour billed right now is still
 * yesterday's: that is `tariff_day_in_force`.
 */
export const tempoTodaySchema = z.object({
  date: z.string(),
  color: tempoColourSchema.nullable(),
  updated_at: z.string().nullable(),
  rte_updated_date: z.string().nullable(),
  tariff_day_in_force: z.object({
    date: z.string(),
    color: tempoColourSchema.nullable(),
    starts_at: z.string(),
    ends_at: z.string(),
  }),
  tomorrow: z.object({ date: z.string(), color: tempoColourSchema.nullable() }),
});
export type TempoToday = z.infer<typeof tempoTodaySchema>;

export const tempoSeasonStatsSchema = z.object({
  season: z.string(),
  day_in_season: z.number().int(),
  days_in_season: z.number().int(),
  blue_used: z.number().int(),
  blue_remaining: z.number().int(),
  white_used: z.number().int(),
  white_remaining: z.number().int(),
  red_used: z.number().int(),
  red_remaining: z.number().int(),
  thresholds: z.object({ white_red: z.number(), red: z.number() }),
});
export type TempoSeasonStatsDto = z.infer<typeof tempoSeasonStatsSchema>;

export const tempoForecastDaySchema = z.object({
  date: z.string(),
  day_in_season: z.number().int(),
  /** Percentages (0–100, one decimal), as in the reference. */
  probability_blue: z.number(),
  probability_white: z.number(),
  probability_red: z.number(),
  most_likely: tempoColourSchema,
  /** The reference's level: `high` (most likely ≥ 70 %), `medium` (≥ 50 %), `low`. */
  confidence: z.enum(['high', 'medium', 'low']),
  /** Probability of `most_likely`, as a fraction (0–1). */
  confidence_score: z.number(),
  threshold_white_red: z.number(),
  threshold_red: z.number(),
  /** (net consumption − mean) / scale; null when no consumption data covers the day. */
  normalized_consumption: z.number().nullable(),
  /** `published`: RTE already published the colour; `forecast`: computed; `no_data`: stock prior only. */
  forecast_type: z.enum(['published', 'forecast', 'no_data']),
  factors: z.object({
    consumption_mw: z.number().nullable(),
    consumption_source: z.string().nullable(),
    solar_mw: z.number().nullable(),
    wind_mw: z.number().nullable(),
    generation_source: z.enum(['forecast', 'recent_average', 'none']),
    net_consumption_mw: z.number().nullable(),
    white_remaining: z.number().int(),
    red_remaining: z.number().int(),
    white_allowed: z.boolean(),
    red_allowed: z.boolean(),
    red_forced_by_stock: z.boolean(),
  }),
});
export type TempoForecastDay = z.infer<typeof tempoForecastDaySchema>;

export const tempoForecastResponseSchema = z.object({
  season: z.string(),
  season_stats: tempoSeasonStatsSchema,
  forecasts: z.array(tempoForecastDaySchema),
  algorithm_info: z.object({
    thresholds: z.string(),
    normalisation: z.object({ mean_mw: z.number(), scale_mw: z.number() }),
    sigmoid_scale: z.number(),
    description: z.string(),
  }),
  generated_at: z.string(),
});
export type TempoForecastResponse = z.infer<typeof tempoForecastResponseSchema>;

/** One EcoWatt day; `values` are the hourly signals (0 green low-carbon, 1 green, 2 orange, 3 red). */
export const ecowattSignalSchema = z.object({
  /** The reference's rows carry an integer id; ours is the day itself as YYYYMMDD (one row per day, stable). */
  id: z.number().int(),
  periode: z.string(),
  generation_datetime: z.string(),
  dvalue: z.number().int().min(1).max(3),
  message: z.string(),
  values: z.array(z.number().int().min(0).max(3)),
  hdebut: z.number().int(),
  hfin: z.number().int(),
  pas: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type EcowattSignalDto = z.infer<typeof ecowattSignalSchema>;

/** The reference's field names (its web app reads `percentage_*`, in percent). */
export const ecowattStatisticsSchema = z.object({
  year: z.number().int(),
  total_days: z.number().int(),
  green_days: z.number().int(),
  orange_days: z.number().int(),
  red_days: z.number().int(),
  percentage_green: z.number(),
  percentage_orange: z.number(),
  percentage_red: z.number(),
});
export type EcowattStatistics = z.infer<typeof ecowattStatisticsSchema>;

/** `DELETE /api/tempo/clear-all` and `/clear-old`: what was removed (the Tempo job back-fills its two seasons again). */
export const tempoClearResultSchema = z.object({
  deleted_days: z.number().int(),
  /** First date kept (`clear-old`), null when everything was removed. */
  kept_from: z.string().nullable(),
});
export type TempoClearResult = z.infer<typeof tempoClearResultSchema>;

/** `GET /api/ecowatt/refresh/status`: RTE serves EcoWatt once per 15 minutes per application. */
export const ecowattRefreshStatusSchema = z.object({
  /** A refresh now would call RTE (the 15-minute window is open). */
  can_refresh: z.boolean(),
  /** When the next call is allowed: now when `can_refresh`. */
  next_refresh_at: z.string(),
  retry_after_seconds: z.number().int(),
  min_interval_seconds: z.number().int(),
  /** Last call sent to RTE (scheduled job, admin refresh or connection test), while its window lasts. */
  last_call_at: z.string().nullable(),
  /** Last time an EcoWatt file was stored. */
  last_refresh_at: z.string().nullable(),
  /** When RTE generated the newest stored file. */
  last_generation_at: z.string().nullable(),
});
export type EcowattRefreshStatus = z.infer<typeof ecowattRefreshStatusSchema>;

export const consumptionTypeSchema = z.enum(['REALISED', 'ID', 'D-1', 'D-2', 'WEEKLY']);
export const rteValueSchema = z.object({
  start_date: z.string(),
  end_date: z.string(),
  value: z.number(),
  updated_date: z.string().nullable(),
});
export const periodSchema = z.object({ start_date: z.string(), end_date: z.string() });

/** `GET /api/consumption-france` and `/forecast`: national consumption in MW per type. */
export const consumptionFranceResponseSchema = z.object({
  short_term: z.array(z.object({ type: consumptionTypeSchema, values: z.array(rteValueSchema) })),
  period: periodSchema,
});
export type ConsumptionFranceResponse = z.infer<typeof consumptionFranceResponseSchema>;

export const currentConsumptionSchema = rteValueSchema
  .extend({ type: z.literal('REALISED'), unit: z.literal('MW') })
  .nullable();
export type CurrentConsumption = z.infer<typeof currentConsumptionSchema>;

export const productionTypeSchema = z.enum(['SOLAR', 'WIND']);
export const generationForecastTypeSchema = z.enum(['D-3', 'D-2', 'D-1', 'ID', 'CURRENT']);

export const generationForecastResponseSchema = z.object({
  forecasts: z.array(
    z.object({
      production_type: productionTypeSchema,
      forecast_type: generationForecastTypeSchema,
      values: z.array(rteValueSchema),
    }),
  ),
  period: periodSchema,
});
export type GenerationForecastResponse = z.infer<typeof generationForecastResponseSchema>;

export const generationMixSchema = z.object({
  forecast_type: generationForecastTypeSchema,
  period: periodSchema,
  mix: z.array(
    z.object({
      start_date: z.string(),
      solar: z.number().nullable(),
      wind: z.number().nullable(),
      total_renewable: z.number(),
    }),
  ),
});
export type GenerationMix = z.infer<typeof generationMixSchema>;

export const jobOutcomeSchema = z.enum(['running', 'success', 'failure', 'deferred']);

/** One recorded run of a scheduled job (or of an admin refresh, slot `manual:…`). */
export const jobRunSchema = z.object({
  job: z.string(),
  slot: z.string(),
  outcome: jobOutcomeSchema,
  detail: z.string().nullable(),
  instance: z.string(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
});
export type JobRun = z.infer<typeof jobRunSchema>;

export const jobStateSchema = z.object({
  job: z.string(),
  schedule: z.array(z.string()),
  last_slot: z.string().nullable(),
  last_run_at: z.string().nullable(),
  last_success_at: z.string().nullable(),
  last_outcome: jobOutcomeSchema.nullable(),
  last_error: z.string().nullable(),
  consecutive_failures: z.number().int(),
  next_attempt_at: z.string().nullable(),
});
export type JobState = z.infer<typeof jobStateSchema>;

export const rteApiKeySchema = z.enum(['tempo', 'ecowatt', 'consumption', 'generation']);
export type RteApiKey = z.infer<typeof rteApiKeySchema>;

/** One RTE API as `GET /api/admin/rte/status` lists it (the reference's `apis` entries, plus the path called). */
export const rteApiInfoSchema = z.object({
  name: z.string(),
  description: z.string(),
  endpoint: z.string(),
  doc_url: z.string(),
});
export type RteApiInfo = z.infer<typeof rteApiInfoSchema>;

/**
 * `GET /api/admin/rte/status`: the reference's fields (`has_credentials`, `base_url`,
 * `client_id_configured`, `client_secret_configured`, `apis` keyed by API), then ours: whether the
 * emulator answers, the scheduled jobs and what is stored.
 */
export const rteStatusSchema = z.object({
  /** Both RTE_CLIENT_ID and RTE_CLIENT_SECRET are set: the real RTE answers (false on the emulator). */
  has_credentials: z.boolean(),
  base_url: z.string(),
  client_id_configured: z.boolean(),
  client_secret_configured: z.boolean(),
  /** Every key of `rteApiKeySchema`, in the order the connection test calls them. */
  apis: z.record(rteApiKeySchema, rteApiInfoSchema),
  mode: z.enum(['rte', 'emulator']),
  jobs_enabled: z.boolean(),
  jobs: z.array(jobStateSchema),
  data: z.object({
    tempo_days: z.number().int(),
    tempo_last_date: z.string().nullable(),
    ecowatt_days: z.number().int(),
    ecowatt_last_date: z.string().nullable(),
    consumption_rows: z.number().int(),
    generation_rows: z.number().int(),
  }),
});
export type RteStatus = z.infer<typeof rteStatusSchema>;

export const rteTestStatusSchema = z.enum(['ok', 'forbidden', 'rate_limited', 'server_error', 'timeout', 'error']);

/** One API's connection test, `GET /api/admin/rte/test/{api}` and each entry of `results` (reference names). */
export const rteTestResultSchema = z.object({
  api: rteApiKeySchema,
  name: z.string(),
  status: rteTestStatusSchema,
  /** RTE's HTTP status; null when nothing was answered (timeout, network) or nothing was sent (EcoWatt's 15-minute rule). */
  status_code: z.number().int().nullable(),
  response_time_ms: z.number().int(),
  /** What came back, in one line (days and colours, number of values…); null on failure. */
  summary: z.string().nullable(),
  data: z.unknown(),
  /** Why it failed; null when `status` is `ok`. */
  error: z.string().nullable(),
  /** What to do about it (for `forbidden`: the page where the API is activated); null otherwise. */
  help: z.string().nullable(),
});
export type RteTestResult = z.infer<typeof rteTestResultSchema>;

/** `GET /api/admin/rte/test`: every API once, in the reference's shape. */
export const rteTestAllSchema = z.object({
  summary: z.object({
    total_apis: z.number().int(),
    apis_ok: z.number().int(),
    apis_failed: z.number().int(),
    all_ok: z.boolean(),
  }),
  results: z.record(rteApiKeySchema, rteTestResultSchema),
  tested_at: z.string(),
});
export type RteTestAll = z.infer<typeof rteTestAllSchema>;
