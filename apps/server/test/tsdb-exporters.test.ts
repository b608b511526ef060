import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { CostsResponse, Exporter, ExporterReadBack, ExportRunReport } from '@med/contracts';
import { addDays, parisMidnightUtc } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOffers } from '../src/features/offers/catalogue.repository.ts';
import { recordToRow } from '../src/features/offers/offer.mapper.ts';
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
import { baseRecord, insertTestProvider } from './support/catalogue-helpers.ts';
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

/** A second meter with a selected BASE offer and a whole month of curve (March 2026, DST day included). */
const PRICED = '12345678901299';
const COST_DAYS = Array.from({ length: 33 }, (_, index) => addDays('2026-03-01', index));

async function seedPricedMeter(client: ClientTestServer): Promise<string> {
  const db = client.deps.db;
  const { providerId, slug } = await insertTestProvider(db);
  const offerId = randomUUID();
  const now = new Date().toISOString();
  // Open since 1 October 2025: the engine flags its prices as possibly outdated from 1 April 2026 (estimates).
  const record = baseRecord(slug, '2025-10-01', {
    power_kva: 9,
    prices: { base: 0.1952 },
    subscription_eur_per_month: 15.47,
  });
  await insertOffers(db, [recordToRow(record, providerId, offerId, now)]);
  await seedMeters(db, [pdlItem(PRM, { has_production: true }), pdlItem(PRICED, { selected_offer_id: offerId })]);
  const daily: Record<string, number> = {};
  const curve = COST_DAYS.flatMap((day, dayIndex) => {
    const first = parisMidnightUtc(day).getTime();
    const slots = (parisMidnightUtc(addDays(day, 1)).getTime() - first) / (30 * 60_000);
    const rows = Array.from({ length: slots }, (_, index) => ({
      startAt: new Date(first + index * 30 * 60_000).toISOString(),
      day,
      minutes: 30,
      // Even watts: a half-hour is a whole number of Wh (the store keeps integer Wh a day).
      valueW: 2 * (137 + ((index * 37 + dayIndex * 11) % 411)),
    }));
    daily[day] = rows.reduce((sum, row) => sum + row.valueW / 2, 0);
    return rows;
  });
  await seedDaily(db, PRICED, 'consumption', daily);
  await upsertCurve(db, PRICED, 'consumption', curve);
  return offerId;
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
    it('electricity_cost: a month of daily points adds up to GET /api/costs to the cent, re-runs add nothing, no offer → no points and a reason', async () => {
      const offerId = await seedPricedMeter(client);
      const march = dataOf<CostsResponse>(
        await client.app.inject({ method: 'GET', url: `/api/costs/${PRICED}?start=2026-03-01&end=2026-04-01` }),
      );
      expect(march.total_eur).toBeGreaterThan(50);
      const from = parisMidnightUtc('2026-03-01').getTime();
      const to = parisMidnightUtc('2026-04-01').getTime();

      const vmDatabase = `med_${randomBytes(4).toString('hex')}`;
      const vmExporter = dataOf<Exporter>(
        await createExporter(client, {
          name: 'VM costs',
          export_detailed: true,
          export_type: 'victoriametrics',
          config: { url: vm.url, database: vmDatabase },
        }),
        201,
      );
      const first = await run(client, vmExporter.id);
      expect(first.status, first.error ?? '').toBe('success');
      // 33 days × (base + subscription).
      expect(first.counts.cost).toBe(66);
      expect(first.summary).toContain(`${PRM} : aucune offre choisie, coûts non exportés`);
      /** VictoriaMetrics may answer one series in several lines: merged, one entry per series, samples in time order. */
      const costSeries = async (name = 'electricity_cost_eur') => {
        const merged = new Map<string, { metric: Record<string, string>; samples: [number, number][] }>();
        for (const entry of await vmExport(vmDatabase)) {
          if (entry.metric.__name__ !== name) {
            continue;
          }
          const key = JSON.stringify(Object.entries(entry.metric).sort());
          const found = merged.get(key) ?? { metric: entry.metric, samples: [] };
          entry.timestamps.forEach((at, index) => found.samples.push([at, entry.values[index] ?? Number.NaN]));
          merged.set(key, found);
        }
        return [...merged.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([, entry]) => {
            entry.samples.sort((a, b) => a[0] - b[0]);
            return {
              metric: entry.metric,
              timestamps: entry.samples.map(([at]) => at),
              values: entry.samples.map(([, value]) => value),
            };
          });
      };
      const series = await costSeries();
      expect(series.every((entry) => entry.metric.pdl === PRICED && entry.metric.offer === offerId)).toBe(true);
      const monthSum = (entries: typeof series) =>
        entries.reduce(
          (sum, entry) =>
            sum +
            entry.values
              .filter((_, index) => (entry.timestamps[index] ?? 0) >= from && (entry.timestamps[index] ?? 0) < to)
              .reduce((a, b) => a + b, 0),
          0,
        );
      expect(Math.round(monthSum(series) * 100) / 100).toBe(march.total_eur);
      // One series per band (the estimate is a field, not a tag: a day that becomes final overwrites its point).
      expect(series.map((entry) => entry.metric.band)).toEqual(['base', 'subscription']);
      const subscription = series.find((entry) => entry.metric.band === 'subscription');
      expect(subscription?.timestamps.length).toBe(33);
      expect(Math.round(monthSum(subscription ? [subscription] : []) * 100) / 100).toBe(march.subscription_eur);
      // 29 March (DST) at its Paris midnight; 1–2 April carry the engine's estimate.
      expect(subscription?.timestamps).toContain(Date.parse('2026-03-28T23:00:00Z'));
      const flags = await costSeries('electricity_cost_estimated');
      expect(flags.map((entry) => entry.metric.band)).toEqual(['base', 'subscription']);
      expect(flags.flatMap((entry) => entry.timestamps.filter((_, index) => entry.values[index] === 1)).sort()).toEqual(
        [
          Date.parse('2026-03-31T22:00:00Z'),
          Date.parse('2026-03-31T22:00:00Z'),
          Date.parse('2026-04-01T22:00:00Z'),
          Date.parse('2026-04-01T22:00:00Z'),
        ],
      );

      expect((await run(client, vmExporter.id)).status).toBe('success');
      const again = await costSeries();
      expect(again.length).toBe(series.length);
      expect(again).toEqual(series);

      // Every metric the Grafana dashboard queries is one the export writes (costs included).
      const dashboard = readFileSync(
        join(import.meta.dirname, '../../../deploy/grafana/myelectricaldata-victoriametrics.json'),
        'utf8',
      );
      const queried = new Set([...dashboard.matchAll(/\b((?:electricity|tempo|ecowatt)_[a-z_]+)\{/g)].map((m) => m[1]));
      const written = new Set((await vmExport(vmDatabase)).map((entry) => entry.metric.__name__));
      expect(queried.size).toBeGreaterThan(5);
      for (const name of queried) {
        expect(written, name).toContain(name);
      }
      // The month-to-date panel as Grafana runs it on 31 March (time range "now/M": from the month's Paris midnight).
      const panels = (JSON.parse(dashboard) as { panels: { title: string; targets: { expr?: string }[] }[] }).panels;
      const expr = panels.find((panel) => panel.title === 'Coût du mois en cours (€ TTC)')?.targets[0]?.expr ?? '';
      expect(expr).toContain('electricity_cost_eur');
      const instant = await fetch(
        `${vm.url}/api/v1/query?${new URLSearchParams({
          query: expr
            .replace('$usage_point_id', PRICED)
            .replace('$db', vmDatabase)
            .replace('$__range', `${String((to - 1000 - from) / 1000)}s`),
          // Grafana sends whole seconds: the window [now - $__range, now] starts on the month's first sample.
          time: String((to - 1000) / 1000),
        }).toString()}`,
      );
      const answer = (await instant.json()) as { data: { result: { value: [number, string] }[] } };
      expect(Math.round(Number(answer.data.result[0]?.value[1]) * 100) / 100).toBe(march.total_eur);

      const influxDatabase = `med_${randomBytes(4).toString('hex')}`;
      const influxExporter = dataOf<Exporter>(
        await createExporter(client, {
          name: 'Influx costs',
          export_detailed: true,
          export_type: 'influxdb',
          config: {
            version: '1',
            url: influx.url,
            database: influxDatabase,
            username: influx.admin.username,
            password: influx.admin.password,
          },
        }),
        201,
      );
      for (let attempt = 0; attempt < 2; attempt++) {
        const report = await run(client, influxExporter.id);
        expect(report.status, report.error ?? '').toBe('success');
        expect(report.counts.cost).toBe(66);
      }
      const sum = await influxQuery(
        influx,
        `SELECT SUM(eur) FROM electricity_cost WHERE pdl = '${PRICED}' AND time >= ${String(from)}ms AND time < ${String(to)}ms`,
        influxDatabase,
      );
      expect(Math.round(Number(sum.results[0]?.series?.[0]?.values[0]?.[1]) * 100) / 100).toBe(march.total_eur);
      const counted = await influxQuery(influx, 'SELECT COUNT(eur) FROM electricity_cost GROUP BY *', influxDatabase);
      expect(counted.results[0]?.series?.map((entry) => [entry.tags, entry.values[0]?.[1]])).toEqual([
        [{ band: 'base', offer: offerId, pdl: PRICED }, 33],
        [{ band: 'subscription', offer: offerId, pdl: PRICED }, 33],
      ]);
      const estimatedDays = await influxQuery(
        influx,
        'SELECT COUNT(eur) FROM electricity_cost WHERE estimated = 1',
        influxDatabase,
      );
      expect(estimatedDays.results[0]?.series?.[0]?.values[0]?.[1]).toBe(4);
      const influxDashboard = readFileSync(
        join(import.meta.dirname, '../../../deploy/grafana/myelectricaldata-influxdb.json'),
        'utf8',
      );
      const measurements = new Set(
        (await influxQuery(influx, 'SHOW MEASUREMENTS', influxDatabase)).results[0]?.series?.[0]?.values.map((row) =>
          String(row[0]),
        ),
      );
      for (const match of influxDashboard.matchAll(/FROM \\"([a-z_]+)\\"/g)) {
        expect(measurements, match[1]).toContain(match[1]);
      }
      const influxPanels = (
        JSON.parse(influxDashboard) as { panels: { title: string; targets: { query?: string }[] }[] }
      ).panels;
      const monthQuery =
        influxPanels.find((panel) => panel.title === 'Coût du mois en cours (€ TTC)')?.targets[0]?.query ?? '';
      expect(monthQuery).toContain('FROM "electricity_cost"');
      const monthToDateInflux = await influxQuery(
        influx,
        monthQuery
          .replace('$usage_point_id', PRICED)
          .replace('$timeFilter', `time >= ${String(from)}ms AND time <= ${String(to - 1)}ms`),
        influxDatabase,
      );
      expect(Math.round(Number(monthToDateInflux.results[0]?.series?.[0]?.values[0]?.[1]) * 100) / 100).toBe(
        march.total_eur,
      );
    });
  },
);
