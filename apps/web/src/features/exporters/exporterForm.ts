/**
 * The exporter form's model: the fields of each type (from `packages/contracts/src/exporters.ts`, with
 * the defaults its schemas declare), the values typed in the form, the request built from them, and the
 * validation by the same contract schema the server uses, issues mapped to translated messages.
 */
import {
  createExporterRequestSchema,
  exporterSecretFields,
  exporterSettingsSchemas,
  type CreateExporterRequest,
  type Exporter,
  type ExporterType,
  type UpdateExporterRequest,
} from '@med/contracts';
import { z } from 'zod';
import type { frExporters } from './exporters.fr.ts';

/** A settings field with its label in the strings (`exporters.field.<key>`). */
export type FieldKey = Exclude<keyof typeof frExporters.exporters.field, 'version'>;
type FormatField = keyof typeof frExporters.exporters.error.format;
const formatFields = new Set<string>([
  'broker',
  'mqtt_broker',
  'url',
  'ha_url',
  'topic_prefix',
  'entity_prefix',
  'discovery_prefix',
  'statistic_id_prefix',
  'database',
  'interval',
  'port',
  'mqtt_port',
] satisfies FormatField[]);
const isFormatField = (field: string): field is FormatField => formatFields.has(field);

export type FieldKind = 'text' | 'number' | 'secret' | 'boolean' | 'select';

export interface FieldSpec {
  key: FieldKey;
  kind: FieldKind;
  options?: readonly string[];
  /** InfluxDB: the field belongs to one version only. */
  influxVersion?: '1' | '2';
}

const mqttConnection = (prefix: '' | 'mqtt_'): FieldSpec[] => [
  { key: `${prefix}broker`, kind: 'text' },
  { key: `${prefix}port`, kind: 'number' },
  { key: `${prefix}username`, kind: 'text' },
  { key: `${prefix}password`, kind: 'secret' },
  { key: `${prefix}use_tls`, kind: 'boolean' },
  { key: `${prefix}tls_insecure`, kind: 'boolean' },
];

export const fieldsByType: Record<ExporterType, FieldSpec[]> = {
  mqtt: [
    ...mqttConnection(''),
    { key: 'topic_prefix', kind: 'text' },
    { key: 'qos', kind: 'select', options: ['0', '1', '2'] },
    { key: 'retain', kind: 'boolean' },
  ],
  home_assistant: [
    ...mqttConnection('mqtt_'),
    { key: 'entity_prefix', kind: 'text' },
    { key: 'discovery_prefix', kind: 'text' },
    { key: 'discovery_format', kind: 'select', options: ['device', 'component'] },
    { key: 'ha_url', kind: 'text' },
    { key: 'ha_token', kind: 'secret' },
    { key: 'statistic_id_prefix', kind: 'text' },
  ],
  victoriametrics: [
    { key: 'url', kind: 'text' },
    { key: 'database', kind: 'text' },
    { key: 'username', kind: 'text' },
    { key: 'password', kind: 'secret' },
  ],
  influxdb: [
    { key: 'url', kind: 'text' },
    { key: 'database', kind: 'text', influxVersion: '1' },
    { key: 'username', kind: 'text', influxVersion: '1' },
    { key: 'password', kind: 'secret', influxVersion: '1' },
    { key: 'org', kind: 'text', influxVersion: '2' },
    { key: 'bucket', kind: 'text', influxVersion: '2' },
    { key: 'token', kind: 'secret', influxVersion: '2' },
  ],
};

export type FieldValue = string | boolean;

export interface FormValues {
  name: string;
  config: Record<string, FieldValue>;
  /** Secrets typed in this form (never prefilled); an absent key keeps the stored one. */
  secrets: Record<string, string>;
  usagePointIds: string[];
  isEnabled: boolean;
  consumption: boolean;
  production: boolean;
  daily: boolean;
  detailed: boolean;
  scheduled: boolean;
  intervalMinutes: string;
}

/** The default a contract schema declares for one settings field (`undefined` when none). */
function schemaDefault(type: ExporterType, key: string): unknown {
  const shape = exporterSettingsSchemas[type].shape as Record<string, z.ZodType>;
  const field = shape[key];
  return field instanceof z.ZodDefault ? field.def.defaultValue : undefined;
}

function asFieldValue(spec: FieldSpec, value: unknown): FieldValue {
  if (spec.kind === 'boolean') {
    return value === true;
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

export function visibleFields(type: ExporterType, config: Record<string, FieldValue>): FieldSpec[] {
  return fieldsByType[type].filter(
    (spec) => spec.influxVersion === undefined || spec.influxVersion === (config.version ?? '1'),
  );
}

export function initialValues(type: ExporterType, existing?: Exporter, influxVersion?: '1' | '2'): FormValues {
  const config: Record<string, FieldValue> = {};
  for (const spec of fieldsByType[type]) {
    if (spec.kind !== 'secret') {
      config[spec.key] = asFieldValue(spec, existing ? existing.config[spec.key] : schemaDefault(type, spec.key));
    }
  }
  if (type === 'influxdb') {
    config.version = existing ? (existing.config.version === '2' ? '2' : '1') : (influxVersion ?? '1');
  }
  return {
    name: existing?.name ?? '',
    config,
    secrets: {},
    usagePointIds: existing?.usage_point_ids ?? [],
    isEnabled: existing?.is_enabled ?? true,
    consumption: existing?.export_consumption ?? true,
    production: existing?.export_production ?? true,
    daily: existing?.export_daily ?? true,
    detailed: existing?.export_detailed ?? false,
    scheduled: existing ? existing.export_interval_minutes !== null : false,
    intervalMinutes: String(existing?.export_interval_minutes ?? 60),
  };
}

/** Typed values as the API takes them: numbers as numbers, an empty optional text as absent (new) or null (change). */
function configOf(type: ExporterType, values: FormValues, editing: boolean): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  const fields = visibleFields(type, values.config);
  for (const spec of fields) {
    const value = values.config[spec.key];
    if (spec.kind === 'secret') {
      const secret = values.secrets[spec.key];
      if (secret !== undefined && secret !== '') {
        config[spec.key] = secret;
      }
    } else if (spec.kind === 'boolean') {
      config[spec.key] = value === true;
    } else if (typeof value === 'string' && value.trim() === '') {
      if (editing) {
        config[spec.key] = null;
      }
    } else if (spec.kind === 'number' || spec.key === 'qos') {
      config[spec.key] = Number(value);
    } else {
      config[spec.key] = value;
    }
  }
  if (type === 'influxdb') {
    config.version = values.config.version;
    // Fields of the other version are cleared when it changes (the server keeps what is not sent).
    for (const spec of fieldsByType.influxdb) {
      if (spec.influxVersion !== undefined && !fields.includes(spec) && editing) {
        config[spec.key] = null;
      }
    }
  }
  return config;
}

export function requestOf(
  type: ExporterType,
  values: FormValues,
  editing: boolean,
): CreateExporterRequest & UpdateExporterRequest {
  return {
    name: values.name.trim(),
    export_type: type,
    config: configOf(type, values, editing),
    usage_point_ids: values.usagePointIds.length > 0 ? values.usagePointIds : null,
    is_enabled: values.isEnabled,
    export_consumption: values.consumption,
    export_production: values.production,
    export_daily: values.daily,
    export_detailed: values.detailed,
    export_interval_minutes: values.scheduled ? Number(values.intervalMinutes) : null,
  } as CreateExporterRequest & UpdateExporterRequest;
}

export type ErrorKey =
  | { key: 'required' }
  | { key: 'range'; min: number; max: number }
  | { key: 'format'; field: FormatField }
  | { key: 'invalid' };

/**
 * Problems of the form by field (`name`, `interval`, or a settings key), checked with the contract's
 * request schema. Stored secrets count as given (the server keeps them).
 */
export function validate(type: ExporterType, values: FormValues, editing: boolean): Record<string, ErrorKey> {
  const body = requestOf(type, values, editing) as Record<string, unknown> & { config: Record<string, unknown> };
  // `null` clears an optional field in an update; for the check, absent and null are the same.
  const config = Object.fromEntries(Object.entries(body.config).filter(([, value]) => value !== null));
  const parsed = createExporterRequestSchema.safeParse({ ...body, config });
  const errors: Record<string, ErrorKey> = {};
  if (parsed.success) {
    return errors;
  }
  for (const issue of parsed.error.issues) {
    const [first, second] = issue.path;
    const field =
      first === 'config' && typeof second === 'string'
        ? second
        : first === 'export_interval_minutes'
          ? 'interval'
          : String(first);
    if (errors[field]) {
      continue;
    }
    const input = first === 'config' ? config[String(second)] : body[String(first)];
    if (input === undefined || input === '' || issue.code === 'custom') {
      errors[field] = { key: 'required' };
    } else if ((issue.code === 'too_small' || issue.code === 'too_big') && typeof input === 'number') {
      errors[field] =
        field === 'interval' ? { key: 'range', min: 5, max: 10_080 } : { key: 'range', min: 1, max: 65_535 };
    } else if (issue.code === 'too_small' && typeof input === 'string') {
      errors[field] = { key: 'required' };
    } else if ((issue.code === 'invalid_format' || issue.code === 'invalid_type') && isFormatField(field)) {
      errors[field] = { key: 'format', field };
    } else {
      errors[field] = { key: 'invalid' };
    }
  }
  return errors;
}

export const secretFieldsOf = (type: ExporterType): readonly string[] => exporterSecretFields[type];
