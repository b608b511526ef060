import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exporter, ExporterReadBack, ExportRunReport } from '@med/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcowattRepository } from '../src/features/rte/ecowatt.repository.ts';
import { createTempoRepository } from '../src/features/rte/tempo.repository.ts';
import { backends } from './support/backends.ts';
import { startClientTestServer, type ClientTestServer } from './support/client-server.ts';
import {
  createExporter,
  dataOf,
  pdlItem,
  seedDaily,
  seedMeters,
  upsertCurve,
  upsertMaxPower,
} from './support/exporter-helpers.ts';
import { startInfluxDb2Emulator, type InfluxDb2Emulator } from './support/influxdb2-emulator.ts';
import {
  influxDbMissing,
  influxQuery,
  startInfluxDb1,
  startVictoriaMetrics,
  victoriaMetricsMissing,
  type RunningInfluxDb1,
  type RunningTsdb,
} from './support/tsdb-servers.ts';

const PRM = '12345678901234';
const DAILY: Record<string, number> = {
  '2026-03-27': 10_000,
  '2026-03-28': 11_000,
  '2026-03-29': 12_345,
  '2026-03-30': 9_000,
  '2026-10-25': 15_500,
};
/** The two DST days of 2026: 46 and 50 half-hours, stored at their interval starts. */
function curveOf(day: string, firstUtc: string, slots: number) {
  return Array.from({ length: slots }, (_, index) => ({
    startAt: new Date(Date.parse(firstUtc) + index * 30 * 60_000).toISOString(),
    day,
    minutes: 30,
    valueW: 400 + index,
  }));
}
const SPRING = curveOf('2026-03-29', '2026-03-28T23:00:00.000Z', 46);
const AUTUMN = curveOf('2026-10-25', '2026-10-24T22:00:00.000Z', 50);

async function seedStore(client: ClientTestServer) {
  const db = client.deps.db;
  await seedMeters(db, [pdlItem(PRM, { has_production: true })]);
  await seedDaily(db, PRM, 'consumption', DAILY);
  await seedDaily(db, PRM, 'production', { '2026-03-29': 3_000 });
  await upsertCurve(db, PRM, 'consumption', [...SPRING, ...AUTUMN]);
  await upsertCurve(db, PRM, 'production', SPRING);
  await upsertMaxPower(db, PRM, [{ day: '2026-03-29', valueVa: 6_120, at: '2026-03-29T18:00:00.000Z' }]);
  await createTempoRepository(db).upsert([
    { date: '2026-10-25', color: 'BLUE', rteUpdatedDate: null },
    { date: '2026-10-26', color: 'WHITE', rteUpdatedDate: null },
  ]);
  await createEcowattRepository(db).upsert([
    {
      periode: '2026-10-25',
      generation: '2026-10-24T12:00:00+02:00',
      dvalue: 2,
      message: 'test',
      hourly: Array.from({ length: 24 }, (_, hour) => (hour === 19 ? 2 : 1)),
    },
  ]);
}

async function run(client: ClientTestServer, id: string): Promise<ExportRunReport> {
  return dataOf<ExportRunReport>(await client.app.inject({ method: 'POST', url: `/api/export/configs/${id}/run` }));
}

const skipped = victoriaMetricsMissing ?? influxDbMissing;

describe.skipIf(skipped !== null).each(backends)(
  `exporters to VictoriaMetrics and InfluxDB (real servers${skipped ? `; skipped: ${skipped}` : ''}) on $name`,
  (backend) => {
    let client: ClientTestServer;
    let vm: RunningTsdb;
    let influx: RunningInfluxDb1;
    let influx2: InfluxDb2Emulator;

    beforeAll(async () => {
      [vm, influx, influx2] = await Promise.all([startVictoriaMetrics(), startInfluxDb1(), startInfluxDb2Emulator()]);
      client = await startClientTestServer(backend);
      await seedStore(client);
    });
    afterAll(async () => {
      await client?.close();
      await Promise.all([vm?.stop(), influx?.stop(), influx2?.stop()]);
    });

    async function vmExport(database: string) {
      await fetch(`${vm.url}/internal/force_flush`);
      const response = await fetch(
        `${vm.url}/api/v1/export?${new URLSearchParams({ 'match[]': `{db="${database}"}` }).toString()}`,
      );
      const text = await response.text();
      return text
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { metric: Record<string, string>; values: number[]; timestamps: number[] });
    }

    it('VictoriaMetrics: every series at its Paris instant, DST days whole, read back with PromQL, a re-run adds nothing', async () => {
      const database = `med_${randomBytes(4).toString('hex')}`;
      const exporter = dataOf<Exporter>(
        await createExporter(client, {
          name: 'VM',
          export_type: 'victoriametrics',
          export_detailed: true,
          config: { url: vm.url, database },
        }),
        201,
      );
      const test = dataOf<{ success: boolean }>(
        await client.app.inject({ method: 'POST', url: `/api/export/configs/${exporter.id}/test` }),
      );
      expect(test.success).toBe(true);
      const first = await run(client, exporter.id);
      expect(first.status, first.error ?? '').toBe('success');
      expect(first.counts).toMatchObject({
        consumption_daily: 5,
        consumption_detailed: 96,
        production_daily: 1,
        production_detailed: 46,
      });

      const series = await vmExport(database);
      const find = (name: string, labels: Record<string, string> = {}) =>
        series.find(
          (entry) =>
            entry.metric.__name__ === name &&
            Object.entries(labels).every(([label, value]) => entry.metric[label] === value),
        );
      const dailyKwh = find('electricity_consumption_value_kwh', { granularity: 'daily', usage_point_id: PRM });
      // 29 March 2026 starts at 23:00 UTC the day before; 25 October at 22:00 UTC.
      expect(dailyKwh?.timestamps).toContain(Date.parse('2026-03-28T23:00:00Z'));
      expect(dailyKwh?.values[dailyKwh.timestamps.indexOf(Date.parse('2026-03-28T23:00:00Z'))]).toBe(12.345);
      const curve = find('electricity_consumption_value_w', { granularity: 'detailed', usage_point_id: PRM });
      expect(curve?.timestamps.length).toBe(96);
      expect(curve?.timestamps[0]).toBe(Date.parse('2026-03-28T23:00:00Z'));
      expect(find('tempo_color_color_value', { color: 'WHITE' })?.values).toEqual([2]);
      expect(find('ecowatt_hourly_level_level')?.timestamps.length).toBe(24);
      const monthly = find('electricity_stats_value_kwh', { period: 'month', direction: 'consumption' });
      expect(monthly?.values).toContain(42.345);

      const readBack = dataOf<ExporterReadBack>(
        await client.app.inject({ method: 'GET', url: `/api/export/configs/${exporter.id}/metrics` }),
      );
      expect(readBack.items).toContainEqual(
        expect.objectContaining({
          key: `electricity_consumption_value_w{granularity="detailed",usage_point_id="${PRM}"}`,
          value: 96,
        }),
      );

      // Same points again: the server keeps one sample per series and timestamp.
      expect((await run(client, exporter.id)).status).toBe('success');
      const again = await vmExport(database);
      expect(again.reduce((sum, entry) => sum + entry.values.length, 0)).toBe(
        series.reduce((sum, entry) => sum + entry.values.length, 0),
      );

      // Every metric the Grafana dashboard queries is one the export writes.
      const dashboard = readFileSync(
        join(import.meta.dirname, '../../../deploy/grafana/myelectricaldata-victoriametrics.json'),
        'utf8',
      );
      const queried = new Set([...dashboard.matchAll(/\b((?:electricity|tempo|ecowatt)_[a-z_]+)\{/g)].map((m) => m[1]));
      const written = new Set(again.map((entry) => entry.metric.__name__));
      expect(queried.size).toBeGreaterThan(5);
      for (const name of queried) {
        expect(written, name).toContain(name);
      }
    });

    it('InfluxDB 1.x: creates the database, writes with the account, reads back, and a re-run overwrites', async () => {
      const database = `med_${randomBytes(4).toString('hex')}`;
      const config = { version: '1', url: influx.url, database, username: influx.admin.username };
      const refused = dataOf<Exporter>(
        await createExporter(client, {
          name: 'bad',
          export_type: 'influxdb',
          config: { ...config, password: 'wrong' },
        }),
        201,
      );
      const failed = await run(client, refused.id);
      expect(failed.status).toBe('failure');
      expect(failed.error).toMatch(/identifiants refusés/);

      const exporter = dataOf<Exporter>(
        await createExporter(client, {
          name: 'Influx',
          export_type: 'influxdb',
          export_detailed: true,
          config: { ...config, password: influx.admin.password },
        }),
        201,
      );
      expect(JSON.stringify(exporter)).not.toContain(influx.admin.password);
      const first = await run(client, exporter.id);
      expect(first.status, first.error ?? '').toBe('success');
      expect((await run(client, exporter.id)).status).toBe('success');
      const rows = await influxQuery(
        influx,
        `SELECT value_w FROM electricity_consumption WHERE granularity = 'detailed'`,
        database,
      );
      const values = rows.results[0]?.series?.[0]?.values ?? [];
      expect(values.length).toBe(96);
      expect(values[0]).toEqual([Date.parse('2026-03-28T23:00:00Z'), 400]);
      const readBack = dataOf<ExporterReadBack>(
        await client.app.inject({ method: 'GET', url: `/api/export/configs/${exporter.id}/metrics` }),
      );
      expect(readBack.items).toContainEqual(
        expect.objectContaining({
          key: `electricity_consumption,granularity=daily,usage_point_id=${PRM}`,
          value: 5,
        }),
      );

      const dashboard = readFileSync(
        join(import.meta.dirname, '../../../deploy/grafana/myelectricaldata-influxdb.json'),
        'utf8',
      );
      const measurements = new Set(
        (await influxQuery(influx, 'SHOW MEASUREMENTS', database)).results[0]?.series?.[0]?.values.map((row) =>
          String(row[0]),
        ),
      );
      for (const match of dashboard.matchAll(/FROM \\"([a-z_]+)\\"/g)) {
        expect(measurements, match[1]).toContain(match[1]);
      }
    });

    it('InfluxDB 2.x/3.x: org, bucket and token; a wrong token or bucket is named, never half-written', async () => {
      const config = { version: '2', url: influx2.url, org: influx2.org, bucket: influx2.bucket };
      const wrongToken = dataOf<Exporter>(
        await createExporter(client, {
          name: 'bad token',
          export_type: 'influxdb',
          config: { ...config, token: 'stolen' },
        }),
        201,
      );
      const test = dataOf<{ success: boolean; message: string }>(
        await client.app.inject({ method: 'POST', url: `/api/export/configs/${wrongToken.id}/test` }),
      );
      expect(test.success).toBe(false);
      expect(test.message).toMatch(/identifiants refusés/);
      expect((await run(client, wrongToken.id)).status).toBe('failure');
      expect(influx2.points().size).toBe(0);

      const exporter = dataOf<Exporter>(
        await createExporter(client, {
          name: 'Influx 2',
          export_type: 'influxdb',
          export_detailed: true,
          config: { ...config, token: influx2.token },
        }),
        201,
      );
      expect((await run(client, exporter.id)).status).toBe('success');
      const detailed = influx2.points().get(`electricity_consumption,granularity=detailed,usage_point_id=${PRM}`);
      expect(detailed?.size).toBe(96);
      const readBack = dataOf<ExporterReadBack>(
        await client.app.inject({ method: 'GET', url: `/api/export/configs/${exporter.id}/metrics` }),
      );
      expect(readBack.items).toContainEqual(
        expect.objectContaining({
          key: `electricity_consumption,granularity=detailed,usage_point_id=${PRM}`,
          value: 96,
        }),
      );
    });
  },
);
