import type { Exporter } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { initialValues, requestOf, validate } from './exporterForm.ts';

const stored: Exporter = {
  id: '7b0c1f1e-4c1a-4d7e-9b61-7a7f2b3c4d5e',
  name: 'Broker',
  export_type: 'mqtt',
  config: { broker: 'mqtt.local', port: 1884, username: 'linky', has_password: true, qos: 1, retain: true },
  usage_point_ids: null,
  is_enabled: true,
  export_consumption: true,
  export_production: false,
  export_daily: true,
  export_detailed: false,
  export_interval_minutes: 30,
  next_export_at: null,
  last_export_at: null,
  last_export_status: null,
  is_running: false,
  last_export_summary: null,
  last_export_error: null,
  last_success_at: null,
  consecutive_failures: 0,
  export_count: 0,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('exporter form model', () => {
  it('starts a new exporter from the contract’s defaults and refuses what the schema refuses, by field', () => {
    const values = initialValues('mqtt');
    expect(values.config).toMatchObject({ port: '1883', topic_prefix: 'myelectricaldata', qos: '0', retain: true });
    expect(validate('mqtt', values, false)).toEqual({ name: { key: 'required' }, broker: { key: 'required' } });
    const typed = { ...values, name: 'Broker', config: { ...values.config, broker: 'mqtt://x/y', port: '70000' } };
    expect(validate('mqtt', typed, false)).toEqual({
      broker: { key: 'format', field: 'broker' },
      port: { key: 'range', min: 1, max: 65_535 },
    });
    const scheduled = { ...typed, config: { ...typed.config, broker: 'mqtt.local', port: '1883' }, scheduled: true };
    expect(validate('mqtt', { ...scheduled, intervalMinutes: '2' }, false)).toEqual({
      interval: { key: 'range', min: 5, max: 10_080 },
    });
    expect(validate('mqtt', { ...scheduled, intervalMinutes: '15' }, false)).toEqual({});
  });

  it('asks InfluxDB 2.x for its organisation and bucket, not 1.x’s database', () => {
    const values = { ...initialValues('influxdb', undefined, '2'), name: 'Influx' };
    const withUrl = { ...values, config: { ...values.config, url: 'http://influx:8086' } };
    expect(validate('influxdb', withUrl, false)).toEqual({ org: { key: 'required' }, bucket: { key: 'required' } });
    expect(requestOf('influxdb', withUrl, false).config).not.toHaveProperty('database');
  });

  it('never prefills a stored secret and sends it only when typed; an emptied field clears it on change', () => {
    const values = initialValues('mqtt', stored);
    expect(values.config).not.toHaveProperty('password');
    expect(values.config).toMatchObject({ broker: 'mqtt.local', port: '1884', qos: '1' });
    expect(validate('mqtt', values, true)).toEqual({});
    const kept = requestOf('mqtt', { ...values, config: { ...values.config, username: '' } }, true);
    expect(kept.config).not.toHaveProperty('password');
    expect(kept.config).toMatchObject({ username: null, port: 1884, qos: 1 });
    expect(kept).toMatchObject({ export_interval_minutes: 30, usage_point_ids: null, export_production: false });
    const changed = requestOf('mqtt', { ...values, secrets: { password: 'n3w-Secret' } }, true);
    expect(changed.config).toMatchObject({ password: 'n3w-Secret' });
  });
});
