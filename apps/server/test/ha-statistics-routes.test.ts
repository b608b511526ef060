import { ErrorCode, type HaImportProgress, type HaImportReport, type HaStatisticsList } from '@med/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { startClientTestServer, type ClientTestServer } from './support/client-server.ts';
import { MOSQUITTO, createExporter, dataOf, errorOf } from './support/exporter-helpers.ts';
import { startGatedProxy } from './support/gated-proxy.ts';
import { startHaEmulator, type HaEmulator } from './support/ha-emulator.ts';
import { halfHours, storeCurve, storeMeter, storeOffer, varyingWatts } from './support/ha-statistics-helpers.ts';

const PRM = '11111111111111';
const DAYS = ['2025-03-29', '2025-03-30', '2025-03-31'];
const SERIES = ['consumption', 'cost'].flatMap((kind) =>
  ['hc', 'hp'].map((band) => `myelectricaldata:${kind}_${PRM}_${band}`),
);
/** 71 hours on these days (30 March has 23). */
const HOURS = 71;

interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Reads an SSE stream until the server ends it; `events` fills as they arrive. */
function readStream(response: Response) {
  const events: StreamEvent[] = [];
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  const ended = (async () => {
    let buffer = '';
    while (reader) {
      const { value, done } = await reader.read();
      if (done) {
        return events;
      }
      buffer += value;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        events.push({ event, data: data ? (JSON.parse(data) as Record<string, unknown>) : {} });
      }
    }
    return events;
  })();
  return { events, ended };
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The HA statistics routes of a Home Assistant exporter against the HA WebSocket emulator, on both
 * backends: imports started by the route with their SSE progress and report, incremental imports,
 * clearing, one import at a time, and the stable answers for the wrong exporter or a refused token.
 */
describe.each(backends)('Home Assistant statistics routes on $name', (backend) => {
  let client: ClientTestServer;
  let ha: HaEmulator;
  let base: string;

  const haExporter = async (name: string, config: Record<string, unknown>) =>
    dataOf<{ id: string }>(
      await createExporter(client, {
        name,
        export_type: 'home_assistant',
        usage_point_ids: [PRM],
        config: { mqtt_broker: MOSQUITTO.host, mqtt_port: MOSQUITTO.port, ...config },
      }),
      201,
    ).id;
  const statsUrl = (id: string) => `/api/export/configs/${id}/ha-statistics`;
  const startImport = (id: string, query = '') =>
    client.app.inject({ method: 'POST', url: `${statsUrl(id)}/import${query}` });
  const stream = async (id: string) => {
    const response = await fetch(`${base}${statsUrl(id)}/import/stream`);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    return readStream(response);
  };
  const list = async (id: string) =>
    dataOf<HaStatisticsList>(await client.app.inject({ method: 'GET', url: statsUrl(id) }));

  beforeAll(async () => {
    client = await startClientTestServer(backend, { MED_API_URL: 'http://127.0.0.1:9/api' });
    const db = client.deps.db;
    await storeMeter(db, PRM, {
      pricing_option: 'HC_HP',
      offpeak: ['22:00-06:00'],
      selected_offer_id: await storeOffer(db, 'HC_HP', { hp: 0.2516, hc: 0.1828 }),
    });
    await storeCurve(db, PRM, halfHours(DAYS, varyingWatts));
    await client.app.listen({ host: '127.0.0.1', port: 0 });
    const address = client.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 60_000);
  afterAll(async () => {
    await client.close();
  });
  afterEach(async () => {
    await ha.close();
  });

  it('imports through the route with live progress on the stream, one import at a time, then lists the series', async () => {
    ha = await startHaEmulator();
    const proxy = await startGatedProxy(ha.port);
    try {
      const id = await haExporter('HA import', { ha_url: proxy.url, ha_token: 'admin-token' });
      expect(errorOf(await client.app.inject({ method: 'GET', url: `${statsUrl(id)}/import/stream` }), 404).code).toBe(
        ErrorCode.HA_IMPORT_NONE,
      );
      // HA's side is held: the import waits at its handshake while we connect and try a second start.
      proxy.pause();
      const started = dataOf<{ import_id: string }>(await startImport(id), 202);
      const first = await stream(id);
      expect(errorOf(await startImport(id, '?incremental=true'), 409).code).toBe(ErrorCode.HA_IMPORT_RUNNING);
      proxy.release();
      await until(() => first.events.some((event) => event.event === 'progress' && Number(event.data.step) >= 1));
      // Held again mid-import: a client connecting now gets the latest progress first.
      proxy.pause();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const latest = first.events.at(-1);
      const second = await stream(id);
      await until(() => second.events.length > 0);
      expect(second.events[0]).toEqual(latest);
      proxy.release();
      const events = await first.ended;
      await second.ended;

      const progress = events
        .filter((event) => event.event === 'progress')
        .map((event) => event.data as HaImportProgress);
      expect(progress.length).toBeGreaterThanOrEqual(SERIES.length + 1);
      expect(progress.every((event) => event.import_id === started.import_id)).toBe(true);
      expect(progress.map((event) => event.percent)).toEqual(
        [...progress.map((event) => event.percent)].sort((a, b) => a - b),
      );
      expect(progress.at(-1)).toMatchObject({ percent: 100, consumption: 2 * HOURS, cost: 2 * HOURS, production: 0 });
      expect(events.at(-1)?.event).toBe('done');
      const report = events.at(-1)?.data as HaImportReport;
      expect(report).toMatchObject({
        import_id: started.import_id,
        mode: 'full',
        consumption: 2 * HOURS,
        cost: 2 * HOURS,
      });
      expect(report.series.map((series) => series.statistic_id).sort()).toEqual(SERIES);
      expect(ha.statisticIds()).toEqual(SERIES);

      const listed = await list(id);
      expect(listed.statistics.map((item) => item.statistic_id).sort()).toEqual(SERIES);
      expect(listed.statistics.find((item) => item.statistic_id.includes('cost'))).toMatchObject({ unit: 'EUR' });
      // After the import, the stream answers its outcome at once.
      const after = await (await stream(id)).ended;
      expect(after).toEqual([{ event: 'done', data: report }]);
    } finally {
      await proxy.close();
    }
  });

  it('imports incrementally (nothing new: nothing sent, sums kept), clears first on demand, and clears', async () => {
    ha = await startHaEmulator();
    const id = await haExporter('HA incremental', { ha_url: ha.url, ha_token: 'admin-token' });
    const done = async (query: string) => {
      dataOf(await startImport(id, query), 202);
      const events = await (await stream(id)).ended;
      expect(events.at(-1)?.event).toBe('done');
      return events.at(-1)?.data as HaImportReport;
    };
    await done('');
    const before = ha.rows(SERIES[0] ?? '');
    const incremental = await done('?incremental=true');
    expect(incremental.mode).toBe('incremental');
    expect(incremental.series.map((series) => series.rows_sent)).toEqual([0, 0, 0, 0]);
    expect(ha.rows(SERIES[0] ?? '')).toEqual(before);

    // A row HA holds differently is re-sent with every later hour.
    const changed = before[10];
    ha.seed(ha.metadata(SERIES[0] ?? '') ?? never(), [{ ...(changed ?? never()), state: 1, sum: 1 }]);
    const repaired = await done('?incremental=1');
    expect(repaired.series.find((series) => series.statistic_id === SERIES[0])?.rows_sent).toBe(HOURS - 10);
    expect(ha.rows(SERIES[0] ?? '')).toEqual(before);

    const fresh = await done('?clear_first=true');
    expect(fresh).toMatchObject({ mode: 'full', cleared: SERIES, consumption: 2 * HOURS });

    const cleared = dataOf<{ cleared: string[] }>(
      await client.app.inject({ method: 'POST', url: `${statsUrl(id)}/clear` }),
    );
    expect(cleared.cleared).toEqual(SERIES);
    expect(ha.statisticIds()).toEqual([]);
    expect((await list(id)).statistics).toEqual([]);
  });

  it('answers the HA token refusal as an error event with its stable code, and nothing is written', async () => {
    ha = await startHaEmulator();
    const id = await haExporter('HA stolen token', { ha_url: ha.url, ha_token: 'stolen' });
    dataOf(await startImport(id, '?clear_first=true'), 202);
    const events = await (await stream(id)).ended;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: 'error', data: { code: ErrorCode.HA_AUTH_INVALID } });
    expect(ha.statisticIds()).toEqual([]);
    expect(errorOf(await client.app.inject({ method: 'GET', url: statsUrl(id) }), 502).code).toBe(
      ErrorCode.HA_AUTH_INVALID,
    );
    // A user's token (not an administrator's) reads but may not import.
    const user = await startHaEmulator({ userTokens: ['user-token'] });
    try {
      const readOnly = await haExporter('HA user token', { ha_url: user.url, ha_token: 'user-token' });
      dataOf(await startImport(readOnly), 202);
      const refused = await (await stream(readOnly)).ended;
      expect(refused.at(-1)).toMatchObject({ event: 'error', data: { code: ErrorCode.HA_NOT_ADMIN } });
      expect(user.statisticIds()).toEqual([]);
    } finally {
      await user.close();
    }
  });

  it('refuses other exporter types, an exporter without HA URL or token, and unknown ids, with stable codes', async () => {
    ha = await startHaEmulator();
    const mqtt = dataOf<{ id: string }>(
      await createExporter(client, {
        name: 'plain MQTT',
        export_type: 'mqtt',
        config: { broker: MOSQUITTO.host, port: MOSQUITTO.port },
      }),
      201,
    ).id;
    const noToken = await haExporter('HA without token', { ha_url: ha.url });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const routes = (id: string) => [
      { method: 'GET' as const, url: statsUrl(id) },
      { method: 'POST' as const, url: `${statsUrl(id)}/clear` },
      { method: 'POST' as const, url: `${statsUrl(id)}/import` },
      { method: 'GET' as const, url: `${statsUrl(id)}/import/stream` },
    ];
    for (const route of routes(mqtt)) {
      expect(errorOf(await client.app.inject(route), 409).code).toBe(ErrorCode.EXPORTER_NOT_HOME_ASSISTANT);
    }
    for (const route of routes(noToken)) {
      expect(errorOf(await client.app.inject(route), 409).code).toBe(ErrorCode.HA_STATISTICS_NOT_CONFIGURED);
    }
    for (const route of routes(unknown)) {
      expect(errorOf(await client.app.inject(route), 404).code).toBe(ErrorCode.EXPORTER_NOT_FOUND);
    }
    expect((await client.app.inject({ method: 'GET', url: statsUrl('not-a-uuid') })).statusCode).toBe(422);
    const badFlag = await client.app.inject({ method: 'POST', url: `${statsUrl(mqtt)}/import?incremental=maybe` });
    expect(badFlag.statusCode).toBe(422);
    expect(ha.statisticIds()).toEqual([]);
  });
});

function never(): never {
  throw new Error('missing test fixture');
}
