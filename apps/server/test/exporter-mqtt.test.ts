import type { Exporter, ExporterReadBack, ExporterTestResult } from '@med/contracts';
import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempoRepository } from '../src/features/rte/tempo.repository.ts';
import { backends } from './support/backends.ts';
import { startClientTestServer, type ClientTestServer } from './support/client-server.ts';
import {
  MOSQUITTO,
  clearRetained,
  createExporter,
  dataOf,
  pdlItem,
  retainedMessages,
  seedDaily,
  seedMeters,
  startPrivateBroker,
  subscriber,
  uniquePrefix,
  upsertCurve,
} from './support/exporter-helpers.ts';

const CONSUMER = '12345678901234';
const PRODUCER = '10284856584123';

/**
 * The generic MQTT exporter on the real Mosquitto (127.0.0.1:1883, a unique topic prefix per test): the
 * reference's topics and JSON payloads computed from the local store, QoS and retain as configured, and
 * the read-back of retained messages; credentials and TLS on a private Mosquitto process.
 */
describe.each(backends)('MQTT exporter on $name', (backend) => {
  let client: ClientTestServer;
  const prefixes: string[] = [];
  const now = new Date();
  const today = parisToday(now);
  const yesterday = addDays(today, -1);

  beforeAll(async () => {
    client = await startClientTestServer(backend);
    const db = client.deps.db;
    await seedMeters(db, [pdlItem(CONSUMER), pdlItem(PRODUCER, { has_consumption: false, has_production: true })]);
    // 40 days of 10 kWh + the day number (Wh), so every sum is checkable by hand.
    const days: Record<string, number> = {};
    for (let back = 1; back <= 40; back += 1) {
      days[addDays(today, -back)] = 10_000 + back;
    }
    await seedDaily(db, CONSUMER, 'consumption', days);
    await seedDaily(db, PRODUCER, 'production', { [yesterday]: 4321 });
    await upsertCurve(db, CONSUMER, 'consumption', [
      { startAt: `${yesterday}T10:00:00.000Z`, day: yesterday, minutes: 30, valueW: 1200 },
      { startAt: `${yesterday}T10:30:00.000Z`, day: yesterday, minutes: 30, valueW: 800 },
    ]);
    await createTempoRepository(db).upsert([
      { date: today, color: 'WHITE', rteUpdatedDate: null },
      { date: addDays(today, 1), color: 'RED', rteUpdatedDate: null },
    ]);
  });
  afterAll(async () => {
    await client.close();
    await Promise.all(prefixes.map(clearRetained));
  });

  async function exporter(config: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const prefix = uniquePrefix('mqtt');
    prefixes.push(prefix);
    const created = dataOf<Exporter>(
      await createExporter(client, {
        name: prefix,
        export_type: 'mqtt',
        config: { broker: MOSQUITTO.host, port: MOSQUITTO.port, topic_prefix: prefix, ...config },
        ...extra,
      }),
      201,
    );
    return { prefix, id: created.id };
  }

  it('publishes the reference topics with payloads computed from the store, retained at the QoS asked', async () => {
    const { prefix, id } = await exporter({ qos: 1 }, { export_detailed: true });
    const report = dataOf<{ status: string; counts: Record<string, number> }>(
      await client.app.inject({ method: 'POST', url: `/api/export/configs/${id}/run` }),
    );
    expect(report.status).toBe('success');

    const messages = await retainedMessages(`${prefix}/#`);
    const topics = [...messages.keys()].sort();
    expect(topics).toEqual(
      [
        `${prefix}/${CONSUMER}/consumption/daily`,
        `${prefix}/${CONSUMER}/consumption/detailed`,
        `${prefix}/${CONSUMER}/consumption/stats`,
        `${prefix}/${PRODUCER}/production/daily`,
        `${prefix}/${PRODUCER}/production/detailed`,
        `${prefix}/${PRODUCER}/production/stats`,
        `${prefix}/ecowatt/today`,
        `${prefix}/status`,
        `${prefix}/tempo/remaining`,
        `${prefix}/tempo/today`,
        `${prefix}/tempo/tomorrow`,
      ].sort(),
    );
    expect(report.counts.messages).toBe(topics.length);
    for (const message of messages.values()) {
      // Subscribed at QoS 2: the broker delivers at the publisher's QoS.
      expect(message.qos).toBe(1);
    }
    const json = (topic: string) => JSON.parse(messages.get(`${prefix}/${topic}`)?.payload ?? 'null') as unknown;

    // Hand sums: day d back is 10,000 + d Wh.
    const sum = (from: number, to: number) => {
      let wh = 0;
      for (let back = from; back <= to; back += 1) {
        wh += 10_000 + back;
      }
      return wh / 1000;
    };
    const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
    const dayOfMonth = Number(today.slice(8, 10));
    expect(json(`${CONSUMER}/consumption/stats`)).toMatchObject({
      date: yesterday,
      yesterday_kwh: 10.001,
      last_7_days_kwh: sum(1, 7),
      last_30_days_kwh: sum(1, 30),
      this_week_kwh: weekday === 0 ? 0 : sum(1, weekday),
      this_month_kwh: dayOfMonth === 1 ? 0 : sum(1, dayOfMonth - 1),
    });
    const daily = json(`${CONSUMER}/consumption/daily`) as { unit: string; values: { date: string; value: number }[] };
    expect(daily.unit).toBe('Wh');
    expect(daily.values).toHaveLength(31);
    expect(daily.values.at(-1)).toEqual({ date: yesterday, value: 10_001 });
    expect(json(`${CONSUMER}/consumption/detailed`)).toMatchObject({
      unit: 'W',
      values: [
        { start: `${yesterday}T10:00:00.000Z`, minutes: 30, value: 1200 },
        { start: `${yesterday}T10:30:00.000Z`, minutes: 30, value: 800 },
      ],
    });
    expect(json(`${PRODUCER}/production/stats`)).toMatchObject({ yesterday_kwh: 4.321 });
    expect(json('tempo/today')).toMatchObject({ date: today, color: 'WHITE' });
    expect(json('tempo/tomorrow')).toEqual({ date: addDays(today, 1), color: 'RED' });
    expect(json('tempo/remaining')).toMatchObject({ blue: expect.any(Number) as number });
    expect(json('ecowatt/today')).toMatchObject({ date: today, level: null });
    expect(json('status')).toMatchObject({ status: 'online', meters: [PRODUCER, CONSUMER].sort() });

    // The read-back returns exactly what an independent subscriber sees.
    const readBack = dataOf<ExporterReadBack>(
      await client.app.inject({ method: 'GET', url: `/api/export/configs/${id}/metrics` }),
    );
    expect(readBack.items.map((item) => item.key)).toEqual(topics);
    expect(readBack.items.find((item) => item.key === `${prefix}/tempo/tomorrow`)?.value).toEqual({
      date: addDays(today, 1),
      color: 'RED',
    });
  });

  it('honours the scope (one meter, consumption only, daily only) and retain=false', async () => {
    const { prefix, id } = await exporter(
      { retain: false },
      { usage_point_ids: [CONSUMER], export_production: false, export_detailed: false },
    );
    const watcher = await subscriber();
    const live: string[] = [];
    watcher.on('message', (topic, _payload, packet) => {
      if (!packet.retain) {
        live.push(topic);
      }
    });
    await watcher.subscribeAsync(`${prefix}/#`, { qos: 0 });
    dataOf(await client.app.inject({ method: 'POST', url: `/api/export/configs/${id}/run` }));
    // Daily and stats of the one meter, Tempo ×3, EcoWatt, status.
    await expect.poll(() => live.length).toBe(7);
    await watcher.endAsync();
    expect(live.filter((topic) => topic.includes(PRODUCER))).toEqual([]);
    expect(live.filter((topic) => topic.endsWith('/detailed'))).toEqual([]);
    // Nothing retained, and the read-back says why.
    expect((await retainedMessages(`${prefix}/#`)).size).toBe(0);
    const readBack = dataOf<ExporterReadBack>(
      await client.app.inject({ method: 'GET', url: `/api/export/configs/${id}/metrics` }),
    );
    expect(readBack.items).toEqual([]);
    expect(readBack.notes.join(' ')).toContain('retain');
  });
});

describe('MQTT exporter: credentials and TLS on a private Mosquitto', () => {
  const user = { name: 'linky', password: 'broker-Pass-91' };
  let broker: Awaited<ReturnType<typeof startPrivateBroker>>;
  let client: ClientTestServer;
  beforeAll(async () => {
    broker = await startPrivateBroker(user);
    client = await startClientTestServer(
      backends[0] ?? { name: 'sqlite', databaseUrl: undefined, redisUrl: undefined },
    );
  }, 30_000);
  afterAll(async () => {
    await client.close();
    if (broker?.skipped === null) {
      await broker.close();
    }
  });

  async function testWith(config: Record<string, unknown>) {
    const created = dataOf<Exporter>(
      await createExporter(client, {
        name: uniquePrefix('private'),
        export_type: 'mqtt',
        config: { broker: '127.0.0.1', topic_prefix: uniquePrefix('private'), ...config },
      }),
      201,
    );
    return dataOf<ExporterTestResult>(
      await client.app.inject({ method: 'POST', url: `/api/export/configs/${created.id}/test` }),
    );
  }

  it('authenticates with the stored password and reports a wrong one; TLS with a self-signed certificate', async (context) => {
    if (broker.skipped !== null) {
      context.skip(`private broker unavailable: ${broker.skipped}`);
      return;
    }
    expect(await testWith({ port: broker.plainPort, username: user.name, password: user.password })).toMatchObject({
      success: true,
    });
    const refused = await testWith({ port: broker.plainPort, username: user.name, password: 'wrong-password' });
    expect(refused.success).toBe(false);
    expect(refused.message).toMatch(/refuse l’identifiant ou le mot de passe|Not authorized/);
    expect((await testWith({ port: broker.plainPort })).success).toBe(false);

    const tls = { port: broker.tlsPort, username: user.name, password: user.password, use_tls: true };
    expect(await testWith({ ...tls, tls_insecure: true })).toMatchObject({ success: true });
    const untrusted = await testWith(tls);
    expect(untrusted.success).toBe(false);
    expect(untrusted.message).toMatch(/certificate/i);
    // Plain MQTT against the TLS port fails clearly instead of hanging.
    expect((await testWith({ port: broker.tlsPort, username: user.name, password: user.password })).success).toBe(
      false,
    );
  });
});
