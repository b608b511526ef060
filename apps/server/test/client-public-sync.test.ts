import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import {
  gatewayPort,
  listenGateway,
  startClientTestServer,
  startRelay,
  type ClientTestServer,
} from './support/client-server.ts';
import { RTE_JOBS } from './support/rte-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/**
 * Public data in client mode, on both backends: Tempo, EcoWatt, national consumption and generation
 * forecasts synced from a real gateway's public routes into the local RTE tables (the RTE jobs with the
 * gateway in RTE's place), then answered locally on the same paths and in the same shapes as the gateway —
 * still with the gateway down. The reference's `/api/sync/{set}` routes run and report each sync.
 */
describe.each(backends)('client mode: public data on $name', (backend) => {
  let gateway: TestServer;
  let user: TestUser;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let client: ClientTestServer;
  const today = parisToday(new Date());
  const reads = [
    `/api/tempo/days?start_date=${addDays(today, -60)}&end_date=${addDays(today, 1)}`,
    '/api/tempo/days',
    '/api/tempo/week',
    `/api/ecowatt/forecast?days=4`,
    `/api/consumption-france?start_date=${addDays(today, -1)}&end_date=${addDays(today, 1)}`,
    `/api/consumption-france?type=REALISED&start_date=${addDays(today, -2)}&end_date=${today}`,
    `/api/generation-forecast?start_date=${today}&end_date=${addDays(today, 2)}`,
    '/api/generation-forecast/mix',
  ];
  /** The answer without the instants each store sets for itself (when it stored a row, when it answered). */
  const body = (payload: string) =>
    JSON.parse(payload, (key, value: unknown) =>
      key === 'timestamp' || key === 'updated_at' || key === 'created_at' ? undefined : value,
    ) as unknown;

  beforeAll(async () => {
    gateway = await startTestServer(backend);
    await listenGateway(gateway);
    relay = await startRelay(gatewayPort(gateway));
    user = await createUser(gateway, 'public');
    // The gateway's own RTE jobs fill its tables from the RTE emulator.
    for (const job of RTE_JOBS) {
      expect((await gateway.deps.scheduler.runNow(job))?.status, job).toBe('success');
    }
    client = await startClientTestServer(backend, {
      MED_API_URL: relay.apiUrl,
      MED_CLIENT_ID: user.clientId,
      MED_CLIENT_SECRET: user.clientSecret,
    });
  }, 120_000);
  afterAll(async () => {
    await client.close();
    await relay.close();
    await gateway.close();
  });

  it('has nothing before its first sync, then answers every read like the gateway', async () => {
    const before = await client.app.inject({ method: 'GET', url: '/api/tempo/days' });
    expect(before.json<{ data: unknown[] }>().data).toEqual([]);

    for (const set of ['tempo', 'ecowatt', 'consumption-france', 'generation-forecast']) {
      const run = await client.app.inject({ method: 'POST', url: `/api/sync/${set}/now` });
      expect(run.statusCode, run.body).toBe(200);
      expect(run.json<{ data: { outcome: string } }>().data.outcome).toBe('success');
      const status = await client.app.inject({ method: 'GET', url: `/api/sync/${set}/status` });
      const { data } = status.json<{ data: { last_sync_at: string | null; record_count: number } }>();
      expect(data.last_sync_at, set).not.toBeNull();
      expect(data.record_count, set).toBeGreaterThan(0);
    }

    for (const url of reads) {
      const local = await client.app.inject({ method: 'GET', url });
      const remote = await gateway.app.inject({ method: 'GET', url });
      expect(local.statusCode, url).toBe(200);
      expect(body(local.body), url).toEqual(body(remote.body));
    }
  });

  it('keeps answering from the local tables while the gateway is down', async () => {
    const answers = await Promise.all(reads.map((url) => client.app.inject({ method: 'GET', url })));
    await relay.down();
    try {
      for (const [index, url] of reads.entries()) {
        const local = await client.app.inject({ method: 'GET', url });
        expect(local.statusCode, url).toBe(200);
        expect(body(local.body), url).toEqual(body(answers[index]?.body ?? ''));
      }
      // Syncing now says the gateway is unreachable, and stored data stays.
      const failed = await client.app.inject({ method: 'POST', url: '/api/sync/tempo/now' });
      expect(failed.statusCode).toBeGreaterThanOrEqual(500);
      expect((await client.app.inject({ method: 'GET', url: '/api/sync/tempo/status' })).json()).toMatchObject({
        data: { record_count: expect.any(Number) as number },
      });
    } finally {
      await relay.up();
    }
  });

  it('serves no admin refresh or clearing route: they belong to the gateway', async () => {
    for (const [method, url] of [
      ['POST', '/api/tempo/refresh'],
      ['DELETE', '/api/tempo/clear-all'],
      ['GET', '/api/ecowatt/refresh/status'],
      ['POST', '/api/consumption-france/refresh'],
    ] as const) {
      const response = await client.app.inject({ method, url });
      expect(response.statusCode, url).toBe(404);
    }
  });
});
