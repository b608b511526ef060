import { z } from 'zod';
import { usagePointIdSchema } from './pdl.ts';

/**
 * Exporters of the local client (`/api/export/configs`, client mode): where the household's readings go
 * (MQTT broker, Home Assistant, VictoriaMetrics, InfluxDB). Field names follow the reference
 * (`export_type`, `config`, `usage_point_ids`, `is_enabled`, `export_interval_minutes`…).
 *
 * Secrets (passwords, tokens) are write-only: a request may set one (a string), clear it (`null`) or
 * leave it as stored (absent); an answer only says `has_<field>: true|false`.
 */
export const exporterTypes = ['mqtt', 'home_assistant', 'victoriametrics', 'influxdb'] as const;
export const exporterTypeSchema = z.enum(exporterTypes);
export type ExporterType = z.infer<typeof exporterTypeSchema>;

/** The write-only fields of each type's `config`. */
export const exporterSecretFields = {
  mqtt: ['password'],
  home_assistant: ['mqtt_password', 'ha_token'],
  victoriametrics: ['password'],
  influxdb: ['password', 'token'],
} as const satisfies Record<ExporterType, readonly string[]>;

const secret = z.string().min(1).max(4096).nullable().optional();
const host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.\-:[\]]+$/, { message: 'Nom d’hôte ou adresse IP attendu (sans schéma ni chemin).' });
const port = z.number().int().min(1).max(65_535);
const userName = z.string().max(256).nullable().optional();
/** MQTT topic levels made of safe characters, no wildcard, no leading or trailing slash. */
const topicPrefix = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/, {
    message: 'Préfixe de topic attendu : lettres, chiffres, « _ », « - », niveaux séparés par « / ».',
  });
/** Home Assistant discovery ids: `[a-zA-Z0-9_-]` only (integrations-reference §3.1). */
const discoveryLevel = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'Lettres, chiffres, « _ » et « - » seulement.' });
const httpUrl = z
  .url({ protocol: /^https?$/, message: 'URL http:// ou https:// attendue.' })
  .max(2048)
  .transform((url) => url.replace(/\/+$/, ''));

export const mqttSettingsSchema = z.strictObject({
  broker: host,
  port: port.default(1883),
  username: userName,
  password: secret,
  use_tls: z.boolean().default(false),
  /** Accept a self-signed broker certificate (TLS still encrypts; the broker is not authenticated). */
  tls_insecure: z.boolean().default(false),
  topic_prefix: topicPrefix.default('myelectricaldata'),
  qos: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0),
  retain: z.boolean().default(true),
});

export const homeAssistantSettingsSchema = z.strictObject({
  mqtt_broker: host,
  mqtt_port: port.default(1883),
  mqtt_username: userName,
  mqtt_password: secret,
  mqtt_use_tls: z.boolean().default(false),
  mqtt_tls_insecure: z.boolean().default(false),
  /** Base of the state and availability topics (`{entity_prefix}/status`, `{entity_prefix}/{pdl}/state`). */
  entity_prefix: topicPrefix.default('myelectricaldata'),
  discovery_prefix: discoveryLevel.default('homeassistant'),
  /**
   * `device`: one device-based config per device (Home Assistant ≥ 2024.11). `component`: one config per
   * sensor (`{prefix}/sensor/{node}/{id}/config`), the only format Domoticz reads.
   */
  discovery_format: z.enum(['device', 'component']).default('device'),
  /** Energy dashboard statistics over Home Assistant's WebSocket API (optional). */
  ha_url: httpUrl.nullable().optional(),
  ha_token: secret,
  statistic_id_prefix: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9_]+$/, { message: 'Minuscules, chiffres et « _ » seulement.' })
    .default('myelectricaldata'),
});

export const victoriaMetricsSettingsSchema = z.strictObject({
  url: httpUrl,
  database: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('myelectricaldata'),
  username: userName,
  password: secret,
});

export const influxDbSettingsSchema = z
  .strictObject({
    /** `1`: InfluxDB 1.x (`/write?db=`, user and password). `2`: InfluxDB 2.x/3.x (`/api/v2/write`, org, bucket, token). */
    version: z.enum(['1', '2']).default('1'),
    url: httpUrl,
    database: z.string().trim().min(1).max(64).nullable().optional(),
    username: userName,
    password: secret,
    org: z.string().trim().min(1).max(256).nullable().optional(),
    bucket: z.string().trim().min(1).max(256).nullable().optional(),
    token: secret,
  })
  .superRefine((settings, context) => {
    const required = settings.version === '1' ? (['database'] as const) : (['org', 'bucket'] as const);
    for (const field of required) {
      if (!settings[field]) {
        context.addIssue({ code: 'custom', path: [field], message: `Requis pour InfluxDB ${settings.version}.x.` });
      }
    }
  });

/** `config` of each type as a request gives it (secrets included, write-only). */
export const exporterSettingsSchemas = {
  mqtt: mqttSettingsSchema,
  home_assistant: homeAssistantSettingsSchema,
  victoriametrics: victoriaMetricsSettingsSchema,
  influxdb: influxDbSettingsSchema,
} as const;
export type ExporterSettings<T extends ExporterType = ExporterType> = z.output<(typeof exporterSettingsSchemas)[T]>;

/** What an exporter exports, common to every type. */
const commonFields = {
  name: z.string().trim().min(1).max(100),
  /** Meters exported; `null` = every meter of the household. */
  usage_point_ids: z.array(usagePointIdSchema).max(50).nullable().optional(),
  is_enabled: z.boolean().default(true),
  export_consumption: z.boolean().default(true),
  export_production: z.boolean().default(true),
  /** Daily energy (and the statistics derived from it). */
  export_daily: z.boolean().default(true),
  /** The 30-min load curve. */
  export_detailed: z.boolean().default(false),
  /** Minutes between scheduled runs (5 minutes to 7 days); `null` = manual only. */
  export_interval_minutes: z.number().int().min(5).max(10_080).nullable().default(null),
};

export const createExporterRequestSchema = z.discriminatedUnion('export_type', [
  z.strictObject({ ...commonFields, export_type: z.literal('mqtt'), config: mqttSettingsSchema }),
  z.strictObject({ ...commonFields, export_type: z.literal('home_assistant'), config: homeAssistantSettingsSchema }),
  z.strictObject({ ...commonFields, export_type: z.literal('victoriametrics'), config: victoriaMetricsSettingsSchema }),
  z.strictObject({ ...commonFields, export_type: z.literal('influxdb'), config: influxDbSettingsSchema }),
]);
export type CreateExporterRequest = z.input<typeof createExporterRequestSchema>;

/**
 * `PUT /api/export/configs/{id}`: every field optional. `config` is merged over the stored one (so
 * `{"config": {"qos": 1}}` changes only the QoS) and validated with the exporter's type; the type itself
 * cannot change.
 */
export const updateExporterRequestSchema = z.strictObject({
  name: commonFields.name.optional(),
  usage_point_ids: commonFields.usage_point_ids,
  is_enabled: z.boolean().optional(),
  export_consumption: z.boolean().optional(),
  export_production: z.boolean().optional(),
  export_daily: z.boolean().optional(),
  export_detailed: z.boolean().optional(),
  export_interval_minutes: z.number().int().min(5).max(10_080).nullable().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});
export type UpdateExporterRequest = z.input<typeof updateExporterRequestSchema>;

export const exportRunStatusSchema = z.enum(['success', 'failure']);

/** An exporter as the API shows it: `config` without its secrets, `has_<secret>` instead. */
export const exporterSchema = z.object({
  id: z.string(),
  name: z.string(),
  export_type: exporterTypeSchema,
  config: z.record(z.string(), z.unknown()),
  usage_point_ids: z.array(z.string()).nullable(),
  is_enabled: z.boolean(),
  export_consumption: z.boolean(),
  export_production: z.boolean(),
  export_daily: z.boolean(),
  export_detailed: z.boolean(),
  export_interval_minutes: z.number().int().nullable(),
  /** When the next scheduled run is due (null: manual only or disabled). After failures: the backoff's end. */
  next_export_at: z.string().nullable(),
  last_export_at: z.string().nullable(),
  last_export_status: exportRunStatusSchema.nullable(),
  /** A run (scheduled, after a sync, or manual) is going on now. */
  is_running: z.boolean(),
  /** One line: what the last run did (e.g. « 12 messages published »). */
  last_export_summary: z.string().nullable(),
  last_export_error: z.string().nullable(),
  last_success_at: z.string().nullable(),
  consecutive_failures: z.number().int(),
  export_count: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Exporter = z.infer<typeof exporterSchema>;

/** `POST /{id}/test`: whether the destination answers with these settings (a failed test is still a 200). */
export const exporterTestResultSchema = z.object({
  success: z.boolean(),
  message: z.string(),
  /** Measured round trip to the destination, when it answered. */
  duration_ms: z.number().int(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ExporterTestResult = z.infer<typeof exporterTestResultSchema>;

/** `POST /{id}/run`: what one export did. */
export const exportRunReportSchema = z.object({
  status: z.enum(['success', 'failure']),
  summary: z.string(),
  error: z.string().nullable(),
  started_at: z.string(),
  finished_at: z.string(),
  /** Items written at the destination (messages, points, statistics), by kind. */
  counts: z.record(z.string(), z.number().int()),
});
export type ExportRunReport = z.infer<typeof exportRunReportSchema>;

/** `GET /{id}/metrics`: what is at the destination now, read back from it. */
export const exporterReadBackSchema = z.object({
  /** Each item found: a topic, a metric or an entity, with its value (parsed JSON when it is JSON). */
  items: z.array(z.object({ key: z.string(), value: z.unknown(), group: z.string().optional() })),
  /** Things the reader wants to say: a missing tariff device, a truncated list… */
  notes: z.array(z.string()),
});
export type ExporterReadBack = z.infer<typeof exporterReadBackSchema>;
