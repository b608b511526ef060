import { addDays, addMonths, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCurve, readDaily } from '../src/features/sync/client-data.repository.ts';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import {
  gatewayPort,
  listenGateway,
  startClientTestServer,
  startRelay,
  type ClientTestServer,
} from './support/client-server.ts';
import { giveConsent, type MeterReadingBody } from './support/consent-helpers.ts';
import { latestDstSunday } from './support/metering-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Sandbox client 3: one consumption PRM and one production PRM, both with load curves.
const CONSUMPTION_PRM = '12345678901234';
const PRODUCTION_PRM = '10284856584123';
const UNKNOWN_PRM = '11111111111111';

interface Answer {
  status: number;
  body: MeterReadingBody;
}

/**
 * The reference's `/api/enedis/*` paths on a local client, local-first, against a real gateway on both
 * backends: the answers equal the gateway's on the same paths (shapes, DST days, validation and refusal
 * codes); days missing locally are fetched once, stored, then served from the store; with the gateway down
 * the stored days are still served and the rest is marked missing.
 */
describe.each(backends)('client mode: /api/enedis local-first on $name', (backend) => {
  let gateway: TestServer;
  let user: TestUser;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let client: ClientTestServer;
  const today = parisToday(new Date());

  const fromGateway = async (url: string): Promise<Answer> => {
    const response = await gateway.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });
    return { status: response.statusCode, body: response.json<MeterReadingBody>() };
  };
  const fromClient = async (url: string): Promise<Answer> => {
    const response = await client.app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json<MeterReadingBody>() };
  };
  /** Everything but the answer's own timestamp. */
  const comparable = (answer: Answer) => ({ status: answer.status, data: answer.body.data, error: answer.body.error });

  beforeAll(async () => {
    gateway = await startTestServer(backend, { USER_DAILY_LIMIT_NO_CACHE: '1000' });
    await listenGateway(gateway);
    relay = await startRelay(gatewayPort(gateway));
    user = await createUser(gateway, 'local-first');
    await giveConsent(gateway, user, [CONSUMPTION_PRM, PRODUCTION_PRM]);
    client = await startClientTestServer(backend, {
      MED_API_URL: relay.apiUrl,
      MED_CLIENT_ID: user.clientId,
      MED_CLIENT_SECRET: user.clientSecret,
    });
  }, 60_000);
  afterAll(async () => {
    await client.close();
    await relay.close();
    await gateway.close();
  });

  it('knows only the gateway’s meters: an unknown one is a 404 PDL_NOT_FOUND, as on the gateway', async () => {
    const before = await fromClient(`/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=2025-01-01&end=2025-01-05`);
    // The meter list is not read yet: the client knows no meter.
    expect(before.status).toBe(404);
    expect(before.body.error?.code).toBe('PDL_NOT_FOUND');
    await client.sync.syncMeters();
    const unknown = `/api/enedis/consumption/daily/${UNKNOWN_PRM}?start=2025-01-01&end=2025-01-05`;
    expect(comparable(await fromClient(unknown))).toEqual(comparable(await fromGateway(unknown)));
  });

  it('answers like the gateway: daily, max power and load curves with DST days, fetched once then local', async () => {
    const dailyStart = addDays(today, -40);
    const march = latestDstSunday(today, 3);
    const october = latestDstSunday(today, 10);
    const paths = [
      `consumption/daily/${CONSUMPTION_PRM}?start=${dailyStart}&end=${today}`,
      `power/${CONSUMPTION_PRM}?start=${dailyStart}&end=${today}`,
      `consumption/detail/batch/${CONSUMPTION_PRM}?start=${addDays(march, -2)}&end=${addDays(march, 2)}`,
      `consumption/detail/${CONSUMPTION_PRM}?start=${addDays(october, -1)}&end=${addDays(october, 1)}`,
      `production/detail/batch/${PRODUCTION_PRM}?start=${addDays(october, -3)}&end=${addDays(october, 3)}`,
      `production/daily/${PRODUCTION_PRM}?start=${dailyStart}&end=${today}`,
    ];
    for (const path of paths) {
      const local = await fromClient(`/api/enedis/${path}`);
      expect(local.status, path).toBe(200);
      expect(comparable(local), path).toEqual(comparable(await fromGateway(`/api/enedis/${path}`)));
    }
    const october50 = await fromClient(
      `/api/enedis/consumption/detail/${CONSUMPTION_PRM}?start=${october}&end=${addDays(october, 1)}`,
    );
    expect(october50.body.data?.meter_reading.interval_reading).toHaveLength(50);

    // Stored: asked again, nothing goes to the gateway.
    expect(await readDaily(client.deps.db, CONSUMPTION_PRM, 'consumption', dailyStart, today)).toHaveLength(40);
    expect(await readCurve(client.deps.db, CONSUMPTION_PRM, 'consumption', march, addDays(march, 1))).toHaveLength(46);
    const calls = client.deps.gatewayClient.stats.calls;
    for (const path of paths) {
      expect((await fromClient(`/api/enedis/${path}`)).status).toBe(200);
    }
    expect(client.deps.gatewayClient.stats.calls).toBe(calls);
  });

  it('refuses bad input with the gateway’s status and code, before anything is asked', async () => {
    const calls = client.deps.gatewayClient.stats.calls;
    const oldStart = addMonths(today, -40);
    const cases = [
      `consumption/daily/${CONSUMPTION_PRM}?start=2025-02-30&end=2025-03-05`,
      `consumption/daily/${CONSUMPTION_PRM}?start=2025-03-05&end=2025-03-01`,
      `consumption/daily/${CONSUMPTION_PRM}?start=${oldStart}&end=${addDays(oldStart, 10)}`,
      `consumption/detail/${CONSUMPTION_PRM}?start=${addMonths(today, -30)}&end=${addMonths(today, -29)}`,
      `consumption/daily/${CONSUMPTION_PRM}?start=${today}&end=${addDays(today, 3)}`,
      `consumption/daily/1234?start=2025-01-01&end=2025-01-05`,
      `consumption/daily/${CONSUMPTION_PRM}?start=2025-01-01`,
      `consumption/daily/${CONSUMPTION_PRM}?start=2025-01-01&end=2025-01-05&use_cache=maybe`,
      `production/daily/${CONSUMPTION_PRM}?start=2025-01-01&end=2025-01-05`,
    ];
    for (const path of cases) {
      const local = await fromClient(`/api/enedis/${path}`);
      const remote = await fromGateway(`/api/enedis/${path}`);
      expect(local.status, path).toBeGreaterThanOrEqual(400);
      expect(local.status, path).toBeLessThan(500);
      expect([local.status, local.body.error?.code], path).toEqual([remote.status, remote.body.error?.code]);
    }
    expect(client.deps.gatewayClient.stats.calls).toBe(calls);
  });

  it('serves what is stored while the gateway is down, and marks the rest missing', async () => {
    const stored = addDays(today, -40);
    const older = addDays(today, -60);
    await relay.down();
    try {
      const partial = await fromClient(
        `/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=${addDays(stored, -5)}&end=${addDays(stored, 5)}`,
      );
      expect(partial.status).toBe(200);
      expect(partial.body.error?.code).toBe('PARTIAL_DATA');
      expect(partial.body.data?.meter_reading.interval_reading).toHaveLength(5);
      expect(partial.body.data?.missing_dates).toHaveLength(5);
      const nothing = await fromClient(
        `/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=${older}&end=${addDays(older, 5)}`,
      );
      expect(nothing.status).toBe(503);
      expect(nothing.body.error?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await relay.up();
    }
    // Back: the days missing a moment ago are fetched now (the failed ask was not remembered as done).
    const back = await fromClient(
      `/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=${older}&end=${addDays(older, 5)}`,
    );
    expect(back.status).toBe(200);
    expect(back.body.data?.missing_dates).toEqual([]);
  });

  it('serves the contract from the gateway once, then from the store', async () => {
    const first = await client.app.inject({ method: 'GET', url: `/api/enedis/contract/${CONSUMPTION_PRM}` });
    expect(first.statusCode).toBe(200);
    const remote = await gateway.app.inject({
      method: 'GET',
      url: `/api/enedis/contract/${CONSUMPTION_PRM}?use_cache=true`,
      headers: { cookie: user.cookie },
    });
    expect(first.json<{ data: unknown }>().data).toEqual(remote.json<{ data: unknown }>().data);
    await relay.down();
    try {
      const stored = await client.app.inject({ method: 'GET', url: `/api/enedis/contract/${CONSUMPTION_PRM}` });
      expect(stored.json<{ data: unknown }>().data).toEqual(first.json<{ data: unknown }>().data);
      const unknown = await client.app.inject({ method: 'GET', url: `/api/enedis/address/${UNKNOWN_PRM}` });
      expect([unknown.statusCode, unknown.json<MeterReadingBody>().error?.code]).toEqual([404, 'PDL_NOT_FOUND']);
    } finally {
      await relay.up();
    }
  });
});
