import type { Exporter, ExporterReadBack } from '@med/contracts';
import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogue, shippedDataSet } from '../src/features/offers/catalogue-seed.ts';
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
  subscriber,
  uniquePrefix,
  upsertMaxPower,
} from './support/exporter-helpers.ts';
import { validateDiscovery } from './support/ha-discovery-validator.ts';

const CONSUMER = '12345678901234';
const PRODUCER = '10284856584123';

describe('Home Assistant discovery validator', () => {
  const good = {
    dev: { ids: ['med_1'], name: 'Linky' },
    o: { name: 'MyElectricalData' },
    stat_t: 'med/1/state',
    cmps: {
      total: {
        p: 'sensor',
        uniq_id: 'med_1_total',
        dev_cla: 'energy',
        stat_cla: 'total_increasing',
        unit_of_meas: 'kWh',
      },
    },
  };
  it('accepts a valid device config and rejects each broken rule', () => {
    expect(validateDiscovery('homeassistant/device/med_1/config', good)).toEqual([]);
    const broken: [string, unknown, RegExp][] = [
      ['homeassistant/device/med_1/config', { ...good, dev: undefined }, /device required/],
      ['homeassistant/device/med_1/config', { ...good, dev: { name: 'x' } }, /identifiers/],
      ['homeassistant/device/med_1/config', { ...good, o: undefined }, /origin required/],
      ['homeassistant/device/med_1/config', { ...good, cmps: {} }, /components required/],
      ['homeassistant/device/med 1/config', good, /topic level/],
      ['homeassistant/device/med_1/config', { ...good, cmps: { t: { uniq_id: 'x' } } }, /platform required/],
      ['homeassistant/device/med_1/config', { ...good, cmps: { t: { p: 'sensor' } } }, /unique_id/],
      [
        'homeassistant/device/med_1/config',
        {
          ...good,
          cmps: { t: { p: 'sensor', uniq_id: 'x', dev_cla: 'energy', stat_cla: 'measurement', unit_of_meas: 'kWh' } },
        },
        /not allowed for energy/,
      ],
      [
        'homeassistant/device/med_1/config',
        { ...good, cmps: { t: { p: 'sensor', uniq_id: 'x', dev_cla: 'energy', unit_of_meas: 'W' } } },
        /unit W not allowed/,
      ],
      [
        'homeassistant/device/med_1/config',
        { ...good, cmps: { t: { p: 'sensor', uniq_id: 'x', dev_cla: 'enum', ops: ['A'], unit_of_meas: 'x' } } },
        /never with state_class or unit/,
      ],
      [
        'homeassistant/device/med_1/config',
        { ...good, cmps: { t: { p: 'sensor', uniq_id: 'x', dev_cla: 'enum' } } },
        /enum needs options/,
      ],
      ['homeassistant/sensor/med_1/total/config', { uniq_id: 'x' }, /state_topic missing/],
    ];
    for (const [topic, payload, problem] of broken) {
      expect(validateDiscovery(topic, payload).join('\n'), topic).toMatch(problem);
    }
  });
});

/**
 * The Home Assistant discovery exporter on the real Mosquitto: device-based retained configs that pass
 * the validator, one JSON state per device, availability, the RTE and tariff devices (prices from the
 * catalogue, none without a selected offer), a removed meter's device cleared, and the per-sensor format.
 */
describe.each(backends)('Home Assistant discovery on $name', (backend) => {
  let client: ClientTestServer;
  const prefixes: string[] = [];
  const today = parisToday(new Date());
  const yesterday = addDays(today, -1);
  let offerId = '';

  beforeAll(async () => {
    client = await startClientTestServer(backend);
    const db = client.deps.db;
    await seedCatalogue(db, shippedDataSet());
    const offer = await db
      .selectFrom('energy_offers')
      .select(['id'])
      .where('offer_type', '=', 'BASE')
      .where('power_kva', '=', 9)
      .where('is_active', '=', true)
      .where('valid_from', '<=', today)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
      .executeTakeFirstOrThrow();
    offerId = offer.id;
    await seedMeters(db, [
      pdlItem(CONSUMER, { selected_offer_id: offerId }),
      pdlItem(PRODUCER, { has_consumption: false, has_production: true }),
    ]);
    await seedDaily(db, CONSUMER, 'consumption', { [addDays(today, -2)]: 8000, [yesterday]: 12_345 });
    await seedDaily(db, PRODUCER, 'production', { [yesterday]: 2500 });
    await upsertMaxPower(db, CONSUMER, [{ day: yesterday, valueVa: 5400, at: `${yesterday}T18:30:00.000Z` }]);
    await createTempoRepository(db).upsert([{ date: today, color: 'BLUE', rteUpdatedDate: null }]);
  });
  afterAll(async () => {
    await client.close();
    await Promise.all(prefixes.flatMap((prefix) => [clearRetained(prefix), clearRetained(`${prefix}_ha`)]));
  });

  async function haExporter(config: Record<string, unknown> = {}) {
    const prefix = uniquePrefix('ha');
    prefixes.push(prefix);
    const created = dataOf<Exporter>(
      await createExporter(client, {
        name: prefix,
        export_type: 'home_assistant',
        config: {
          mqtt_broker: MOSQUITTO.host,
          mqtt_port: MOSQUITTO.port,
          discovery_prefix: `${prefix}_ha`,
          entity_prefix: prefix,
          ha_token: 'long-lived-token-never-returned',
          ...config,
        },
      }),
      201,
    );
    expect(JSON.stringify(created)).not.toContain('long-lived-token');
    expect(created.config).toMatchObject({ has_ha_token: true, has_mqtt_password: false });
    return { prefix, discovery: `${prefix}_ha`, id: created.id };
  }

  const json = (text: string | undefined) => JSON.parse(text ?? 'null') as Record<string, unknown>;

  it('publishes valid retained device configs, states and availability', async () => {
    const { prefix, discovery, id } = await haExporter();
    const report = dataOf<{ status: string; counts: Record<string, number> }>(
      await client.app.inject({ method: 'POST', url: `/api/export/configs/${id}/run` }),
    );
    expect(report).toMatchObject({ status: 'success', counts: { devices: 4, configs: 4, removed: 0 } });

    const configs = await retainedMessages(`${discovery}/#`);
    expect([...configs.keys()].sort()).toEqual(
      [
        `${discovery}/device/med_${CONSUMER}/config`,
        `${discovery}/device/med_${CONSUMER}_tariff/config`,
        `${discovery}/device/med_${PRODUCER}/config`,
        `${discovery}/device/med_rte/config`,
      ].sort(),
    );
    for (const [topic, message] of configs) {
      expect(validateDiscovery(topic, json(message.payload)), topic).toEqual([]);
    }
    const meter = json(configs.get(`${discovery}/device/med_${CONSUMER}/config`)?.payload);
    expect(meter).toMatchObject({
      dev: { ids: [`med_${CONSUMER}`], mf: 'Enedis', mdl: 'Linky', sn: CONSUMER },
      o: { name: 'MyElectricalData' },
      avty_t: `${prefix}/status`,
      stat_t: `${prefix}/${CONSUMER}/state`,
    });
    const components = meter.cmps as Record<string, Record<string, unknown>>;
    expect(components.consumption_total).toMatchObject({
      dev_cla: 'energy',
      stat_cla: 'total_increasing',
      unit_of_meas: 'kWh',
    });
    expect(Object.keys(components).sort()).toEqual(
      [
        'consumption_total',
        'consumption_yesterday',
        'consumption_last_7_days',
        'consumption_last_30_days',
        'consumption_this_month',
        'max_power_yesterday',
        'max_power_yesterday_percent',
        'subscribed_power',
      ].sort(),
    );
    expect(components.max_power_yesterday).toMatchObject({ dev_cla: 'apparent_power', unit_of_meas: 'VA' });
    const producer = json(configs.get(`${discovery}/device/med_${PRODUCER}/config`)?.payload);
    expect(Object.keys(producer.cmps as object)).toContain('production_total');
    const rte = json(configs.get(`${discovery}/device/med_rte/config`)?.payload);
    expect((rte.cmps as Record<string, unknown>).tempo_today).toMatchObject({
      dev_cla: 'enum',
      ops: ['BLUE', 'WHITE', 'RED', 'UNKNOWN'],
    });
    expect(Object.keys(rte.cmps as object)).toEqual(
      expect.arrayContaining(['tempo_blue_remaining', 'ecowatt_d0', 'ecowatt_d1', 'ecowatt_d2']),
    );

    const states = await retainedMessages(`${prefix}/#`);
    expect(states.get(`${prefix}/status`)?.payload).toBe('online');
    expect(json(states.get(`${prefix}/${CONSUMER}/state`)?.payload)).toMatchObject({
      consumption_total_kwh: 20.345,
      consumption_yesterday_kwh: 12.345,
      max_power_yesterday_va: 5400,
      subscribed_power_va: 9000,
      max_power_yesterday_percent: 60,
    });
    expect(json(states.get(`${prefix}/rte/state`)?.payload)).toMatchObject({
      tempo_today: 'BLUE',
      tempo_tomorrow: 'UNKNOWN',
    });

    // The tariff device carries the catalogue's prices of the selected offer in force today.
    const record = await client.deps.db
      .selectFrom('energy_offers')
      .selectAll()
      .where('id', '=', offerId)
      .executeTakeFirstOrThrow();
    const prices = JSON.parse(record.prices) as Record<string, number>;
    const tariff = json(states.get(`${prefix}/${CONSUMER}/tariff`)?.payload);
    expect(tariff.price_base).toBe(Number(prices.base));
    expect(tariff.subscription_eur_per_month).toBe(Number(record.subscription_eur_per_month));

    // The read-back lists ours and says why the producer has no tariff device.
    const readBack = dataOf<ExporterReadBack>(
      await client.app.inject({ method: 'GET', url: `/api/export/configs/${id}/metrics` }),
    );
    expect(readBack.items.filter((item) => item.group === 'discovery')).toHaveLength(4);
    expect(readBack.notes.join(' ')).toContain(`${PRODUCER} : aucune offre choisie`);
  });

  it('clears the retained config of a meter removed since the last run, and everything on deletion', async () => {
    const { discovery, id } = await haExporter();
    dataOf(await client.app.inject({ method: 'POST', url: `/api/export/configs/${id}/run` }));
    expect((await retainedMessages(`${discovery}/#`)).has(`${discovery}/device/med_${PRODUCER}/config`)).toBe(true);
    await seedMeters(client.deps.db, [pdlItem(CONSUMER, { selected_offer_id: offerId })]);
    try {
      const report = dataOf<{ counts: Record<string, number> }>(
        await client.app.inject({ method: 'POST', url: `/api/export/configs/${id}/run` }),
      );
      expect(report.counts.removed).toBe(1);
      const after = await retainedMessages(`${discovery}/#`);
      expect(after.has(`${discovery}/device/med_${PRODUCER}/config`)).toBe(false);
      expect(after.has(`${discovery}/device/med_${CONSUMER}/config`)).toBe(true);
    } finally {
      await seedMeters(client.deps.db, [
        pdlItem(CONSUMER, { selected_offer_id: offerId }),
        pdlItem(PRODUCER, { has_consumption: false, has_production: true }),
      ]);
    }
    const deleted = dataOf<{ destination_cleared: boolean }>(
      await client.app.inject({ method: 'DELETE', url: `/api/export/configs/${id}` }),
    );
    expect(deleted.destination_cleared).toBe(true);
    expect((await retainedMessages(`${discovery}/#`)).size).toBe(0);
  });

  it('publishes everything again when Home Assistant announces itself online', async () => {
    const { prefix, discovery, id } = await haExporter();
    await client.haWatcher.reconcile();
    expect(client.haWatcher.watching).toBeGreaterThanOrEqual(1);
    await expect
      .poll(async () => (await retainedMessages(`${prefix}/status`)).get(`${prefix}/status`)?.payload)
      .toBe('online');
    expect((await retainedMessages(`${discovery}/#`)).size).toBe(0);
    // Home Assistant's birth message (it (re)started and lost every unretained entity).
    const homeAssistant = await subscriber();
    await homeAssistant.publishAsync(`${discovery}/status`, 'online', { qos: 1 });
    await homeAssistant.endAsync();
    await expect
      .poll(
        async () =>
          (await client.app.inject({ method: 'GET', url: `/api/export/configs/${id}` })).json<{ data: Exporter }>().data
            .export_count,
        { timeout: 10_000 },
      )
      .toBe(1);
    expect((await retainedMessages(`${discovery}/#`)).has(`${discovery}/device/med_rte/config`)).toBe(true);
    // A clean stop says `offline` (no will is sent then).
    await client.haWatcher.stop();
    expect((await retainedMessages(`${prefix}/status`)).get(`${prefix}/status`)?.payload).toBe('offline');
  });

  it('publishes one valid config per sensor in the component format (Domoticz)', async () => {
    const { discovery, id } = await haExporter({ discovery_format: 'component' });
    dataOf(await client.app.inject({ method: 'POST', url: `/api/export/configs/${id}/run` }));
    const configs = await retainedMessages(`${discovery}/#`);
    expect(configs.has(`${discovery}/sensor/med_${CONSUMER}/consumption_total/config`)).toBe(true);
    expect([...configs.keys()].some((topic) => topic.includes('/device/'))).toBe(false);
    for (const [topic, message] of configs) {
      expect(validateDiscovery(topic, json(message.payload)), topic).toEqual([]);
    }
  });
});
