import type { Exporter, ExporterType } from '@med/contracts';
import type { TFunction } from 'i18next';

/** The kinds offered by "add": InfluxDB 1.x and 2.x/3.x are one type with two settings layouts. */
export const addKinds = [
  { key: 'home_assistant', type: 'home_assistant', query: 'type=home_assistant' },
  { key: 'mqtt', type: 'mqtt', query: 'type=mqtt' },
  { key: 'victoriametrics', type: 'victoriametrics', query: 'type=victoriametrics' },
  { key: 'influxdb1', type: 'influxdb', query: 'type=influxdb&version=1' },
  { key: 'influxdb2', type: 'influxdb', query: 'type=influxdb&version=2' },
] as const satisfies readonly { key: string; type: ExporterType; query: string }[];

export function typeLabel(t: TFunction, type: ExporterType, influxVersion?: unknown): string {
  if (type === 'influxdb') {
    return t(influxVersion === '2' ? 'exporters.type.influxdb2' : 'exporters.type.influxdb1');
  }
  return t(`exporters.type.${type}`);
}

export function exporterTypeLabel(t: TFunction, exporter: Exporter): string {
  return typeLabel(t, exporter.export_type, exporter.config.version);
}

export function scheduleLabel(t: TFunction, minutes: number | null): string {
  return minutes === null ? t('exporters.list.manual') : t('exporters.list.every', { minutes });
}
