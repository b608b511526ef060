import { addDays, addMonths, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatusResponse } from '@med/contracts';
import { readCurve, readDaily, readMaxPower } from '../src/features/sync/client-data.repository.ts';
import { GatewayError } from '../src/features/gateway-client/gateway-errors.ts';
import { QuotaExhausted } from '../src/features/sync/sync.service.ts';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import {
  gatewayPort,
  gatewayReadings,
  listenGateway,
  startClientTestServer,
  startRelay,
  type ClientTestServer,
} from './support/client-server.ts';
import { giveConsent } from './support/consent-helpers.ts';
import { latestDstSunday } from './support/metering-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Sandbox client 3: one consumption PRM and one production PRM, both with load curves.
const CONSUMPTION_PRM = '12345678901234';
const PRODUCTION_PRM = '10284856584123';

/** Readings stored by a client, every table together. */
async function storedRows(client: ClientTestServer): Promise<number> {
  const db = client.deps.db;
  const counts = await Promise.all([
    db.selectFrom('client_daily').select('day').execute(),
    db.selectFrom('client_curve').select('day').execute(),
    db.selectFrom('client_max_power').select('day').execute(),
  ]);
  return counts.reduce((total, rows) => total + rows.length, 0);
}

async function syncStatus(client: ClientTestServer): Promise<SyncStatusResponse> {
  const response = await client.app.inject({ method: 'GET', url: '/api/sync/status' });
  expect(response.statusCode).toBe(200);
  return response.json<{ data: SyncStatusResponse }>().data;
}

/**
 * The sync engine against a real gateway (server mode + emulator, over loopback HTTP) on both backends:
 * the first sync equals the gateway day by day and point by point (DST days included), a second run asks
 * for nothing, gaps are repaired, a quota cut resumes where it stopped, and a gateway outage fails the
 * run without losing what was stored.
 */
describe.each(backends)('client mode: sync engine on $name', (backend) => {
  let gateway: TestServer;
  let user: TestUser;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let client: ClientTestServer;
  const today = parisToday(new Date());
  const dailyStart = addDays(addMonths(today, -36), 1);
  const curveStart = addDays(addMonths(today, -24), 1);

  beforeAll(async () => {
    gateway = await startTestServer(backend, { USER_DAILY_LIMIT_NO_CACHE: '1000' });
    await listenGateway(gateway);
    relay = await startRelay(gatewayPort(gateway));
    user = await createUser(gateway, 'household');
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

  it('stores what the gateway serves, day by day and point by point, DST days included', async () => {
    const report = await client.sync.sync({ manual: false });
    expect(report.resumeAt).toBeNull();
    expect(report.meters).toBe(2);
    const db = client.deps.db;

    const daily = await readDaily(db, CONSUMPTION_PRM, 'consumption', dailyStart, today);
    const gatewayDaily = await gatewayReadings(
      gateway,
      user,
      `consumption/daily/${CONSUMPTION_PRM}`,
      dailyStart,
      today,
    );
    expect(daily.map((row) => [row.day, row.valueWh])).toEqual(gatewayDaily.map((r) => [r.date, r.value]));
    expect(daily.length).toBeGreaterThan(1000);

    for (const [prm, direction] of [
      [CONSUMPTION_PRM, 'consumption'],
      [PRODUCTION_PRM, 'production'],
    ] as const) {
      const curve = await readCurve(db, prm, direction, curveStart, today);
      const gatewayCurve = await gatewayReadings(gateway, user, `${direction}/detail/${prm}`, curveStart, today);
      expect(curve.length).toBe(gatewayCurve.length);
      expect(curve.map((row) => [row.startAt, `PT${row.minutes}M`, row.valueW])).toEqual(
        gatewayCurve.map((r) => [new Date(r.date).toISOString(), r.interval_length, r.value]),
      );
      for (const [month, points] of [
        [3, 46],
        [10, 50],
      ] as const) {
        const dst = latestDstSunday(today, month);
        if (dst >= curveStart) {
          expect(curve.filter((row) => row.day === dst && row.minutes === 30)).toHaveLength(points);
        }
      }
    }
    const production = await readDaily(db, PRODUCTION_PRM, 'production', dailyStart, today);
    const gatewayProduction = await gatewayReadings(
      gateway,
      user,
      `production/daily/${PRODUCTION_PRM}`,
      dailyStart,
      today,
    );
    expect(production.map((row) => [row.day, row.valueWh])).toEqual(gatewayProduction.map((r) => [r.date, r.value]));

    const power = await readMaxPower(db, CONSUMPTION_PRM, dailyStart, today);
    const gatewayPower = await gatewayReadings(gateway, user, `power/${CONSUMPTION_PRM}`, dailyStart, today);
    expect(power.map((row) => [row.at, row.valueVa])).toEqual(
      gatewayPower.map((r) => [new Date(r.date).toISOString(), r.value]),
    );

    const status = await syncStatus(client);
    const consumption = status.meters.find((meter) => meter.usage_point_id === CONSUMPTION_PRM);
    expect(consumption?.datasets.find((d) => d.dataset === 'consumption_curve')).toMatchObject({
      status: 'ok',
      records: (await readCurve(db, CONSUMPTION_PRM, 'consumption', curveStart, today)).length,
      newest_day: addDays(today, -1),
    });
    expect(consumption?.datasets.find((d) => d.dataset === 'contract')?.status).toBe('ok');
    // Nothing of the first sync is left; the gateway's own quota count was read at the end of the run.
    expect(status.first_sync).toMatchObject({ remaining_calls: 0, quota_per_day: 1000, estimated_finish_at: null });
  }, 180_000);

  it('asks the gateway for nothing more on the next run, and repairs gaps', async () => {
    const calls = client.deps.gatewayClient.stats.calls;
    const again = await client.sync.sync({ manual: false });
    // Only the meter list: every day is complete and the documents are fresh.
    expect(client.deps.gatewayClient.stats.calls - calls).toBe(1);
    expect(again.rows).toBe(0);

    const db = client.deps.db;
    const day = addDays(today, -100);
    const before = await readCurve(db, CONSUMPTION_PRM, 'consumption', day, addDays(day, 1));
    const dailyBefore = await readDaily(db, CONSUMPTION_PRM, 'consumption', dailyStart, today);
    // Half of one curve day and one daily value go missing (a crash in an older version, a manual edit).
    await db
      .deleteFrom('client_curve')
      .where('usage_point_id', '=', CONSUMPTION_PRM)
      .where('day', '=', day)
      .where('start_at', '>=', before[24]?.startAt ?? '')
      .execute();
    await db
      .deleteFrom('client_daily')
      .where('usage_point_id', '=', CONSUMPTION_PRM)
      .where('day', '=', addDays(today, -400))
      .execute();

    const repair = await client.sync.sync({ manual: true });
    expect(repair.rows).toBe(before.length + 1);
    expect(await readCurve(db, CONSUMPTION_PRM, 'consumption', day, addDays(day, 1))).toEqual(before);
    expect(await readDaily(db, CONSUMPTION_PRM, 'consumption', dailyStart, today)).toEqual(dailyBefore);
  }, 60_000);

  it('stops on the gateway quota, says when it resumes, and resumes where it stopped', async () => {
    // A gateway of its own, with a quota of two calls that reach Enedis per day.
    const tight = await startTestServer(backend, { USER_DAILY_LIMIT_NO_CACHE: '2' });
    await listenGateway(tight);
    const tightRelay = await startRelay(gatewayPort(tight));
    const household = await createUser(tight, 'quota');
    await giveConsent(tight, household, [CONSUMPTION_PRM, PRODUCTION_PRM]);
    const fresh = await startClientTestServer(backend, {
      MED_API_URL: tightRelay.apiUrl,
      MED_CLIENT_ID: household.clientId,
      MED_CLIENT_SECRET: household.clientSecret,
    });
    try {
      const cut = await fresh.sync.sync({ manual: false }).catch((error: unknown) => error);
      expect(cut).toBeInstanceOf(QuotaExhausted);
      const status = await syncStatus(fresh);
      expect(status.resume_at).toBe((cut as QuotaExhausted).retryAt.toISOString());
      expect(status.last_progress?.type).toBe('quota_exceeded');
      const stopped = status.meters.flatMap((meter) => meter.datasets).filter((d) => d.status === 'quota_exceeded');
      expect(stopped).toHaveLength(1);
      expect(stopped[0]?.error_code).toBe('RATE_LIMIT_EXCEEDED');
      const storedBefore = await storedRows(fresh);
      expect(storedBefore).toBeGreaterThan(0);
      // The whole first sync: the calls still needed, two a day from the resume instant on.
      expect(status.first_sync.quota_per_day).toBe(2);
      expect(status.first_sync.quota_left_today).toBe(0);
      expect(status.first_sync.remaining_calls).toBeGreaterThan(2);
      const finish = Date.parse(status.first_sync.estimated_finish_at ?? '');
      expect(finish).toBeGreaterThan(Date.parse(status.resume_at ?? '') + 24 * 3600_000);

      // "Sync now" during the cut: deferred, with the resume instant, and nothing asked of the gateway.
      const callsAtCut = fresh.deps.gatewayClient.stats.calls;
      for (const url of ['/api/sync/trigger', `/api/sync/trigger/${CONSUMPTION_PRM}`]) {
        const manual = await fresh.app.inject({ method: 'POST', url });
        expect(manual.statusCode, url).toBe(200);
        expect(manual.json()).toMatchObject({
          data: { started: false, running: false, deferred: true, resume_at: status.resume_at },
        });
      }
      expect(fresh.deps.gatewayClient.stats.calls).toBe(callsAtCut);
      expect(fresh.sync.running).toBe(false);

      // Midnight at the gateway: its quota counters start again.
      await tight.deps.cache.deleteByPrefix('quota:');
      const callsBefore = fresh.deps.gatewayClient.stats.calls;
      const resumed = await fresh.sync.sync({ manual: false }).catch((error: unknown) => error);
      expect(resumed).toBeInstanceOf(QuotaExhausted);
      // The second day did not ask again for what the first one stored.
      const afterSecond = await storedRows(fresh);
      expect(afterSecond).toBeGreaterThan(storedBefore);
      // (Meter list, what fits in the quota, the refused call, and the read of the gateway's quota count.)
      expect(fresh.deps.gatewayClient.stats.calls - callsBefore).toBeLessThanOrEqual(5);
    } finally {
      await fresh.close();
      await tightRelay.close();
      await tight.close();
    }
  }, 60_000);

  it('fails the run while the gateway is down, keeps what it stored, and completes once it is back', async () => {
    await relay.down();
    const failure = await client.sync.sync({ manual: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GatewayError);
    expect((failure as GatewayError).problem).toBe('unreachable');
    expect((await readDaily(client.deps.db, CONSUMPTION_PRM, 'consumption', dailyStart, today)).length).toBeGreaterThan(
      1000,
    );
    await relay.up();
    const back = await client.sync.sync({ manual: true });
    expect(back).toMatchObject({ meters: 2, resumeAt: null });
  });

  it('streams the progress of a manual run (SSE) and answers the reference’s /api/sync routes', async () => {
    await client.app.listen({ host: '127.0.0.1', port: 0 });
    const address = client.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const events = await fetch(`http://127.0.0.1:${port}/api/sync/events`);
    expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = events.body?.pipeThrough(new TextDecoderStream()).getReader();
    const received: { type: string; dataset: string | null }[] = [];
    const finished = (async () => {
      let buffer = '';
      while (reader) {
        const { value, done } = await reader.read();
        if (done) {
          return;
        }
        buffer += value;
        for (const block of buffer.split('\n\n').slice(0, -1)) {
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data) {
            received.push(JSON.parse(data) as { type: string; dataset: string | null });
          }
        }
        buffer = buffer.split('\n\n').at(-1) ?? '';
        if (received.some((event) => event.type === 'started') && received.at(-1)?.type === 'finished') {
          await reader.cancel();
          return;
        }
      }
    })();

    const trigger = await client.app.inject({ method: 'POST', url: '/api/sync/trigger' });
    expect(trigger.statusCode).toBe(202);
    expect(trigger.json<{ data: { started: boolean } }>().data.started).toBe(true);
    await finished;
    expect(received.map((event) => event.type)).toContain('started');
    expect(received.at(-1)?.type).toBe('finished');

    const one = await client.app.inject({ method: 'POST', url: `/api/sync/trigger/${CONSUMPTION_PRM}` });
    expect(one.statusCode).toBe(202);
    for (const url of ['/api/sync/status/11111111111111', '/api/sync/trigger/11111111111111']) {
      const method = url.includes('trigger') ? 'POST' : 'GET';
      const unknown = await client.app.inject({ method, url });
      expect(unknown.statusCode, url).toBe(404);
      expect(unknown.json<{ error: { code: string } }>().error.code).toBe('PDL_NOT_FOUND');
    }
    const meter = await client.app.inject({ method: 'GET', url: `/api/sync/status/${CONSUMPTION_PRM}` });
    expect(meter.json<{ data: SyncStatusResponse }>().data.meters.map((m) => m.usage_point_id)).toEqual([
      CONSUMPTION_PRM,
    ]);
  });
});
