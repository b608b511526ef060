import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SyncStatusResponse } from '@med/contracts';
import { addDays, addMonths, parisDayLengthMinutes, parisToday } from '@med/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DbHandle } from '../src/db/connect.ts';
import { readCurve, readDaily, readMaxPower } from '../src/features/sync/client-data.repository.ts';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import { startClientProcess, type ClientProcess } from './support/client-process.ts';
import { gatewayReadings, listenGateway } from './support/client-server.ts';
import { giveConsent } from './support/consent-helpers.ts';
import { runSql, startTestServer, type TestServer } from './support/test-server.ts';

// Sandbox client 3's consumption PRM: daily, max power and a 30-min load curve (5 curve calls of 183 days).
const PRM = '12345678901234';

async function count(handle: DbHandle, table: 'client_meters' | 'client_daily' | 'client_curve'): Promise<number> {
  const row = await handle.db
    .selectFrom(table)
    .select(sql<number | string>`count(*)`.as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Polls the client's database (as another process would) until `condition` holds. */
async function waitFor(what: string, condition: () => Promise<boolean>, client: ClientProcess) {
  for (let tries = 0; tries < 6000; tries += 1) {
    if (await condition()) {
      return;
    }
    await sleep(10);
  }
  throw new Error(`never reached: ${what}\n${client.output()}`);
}

async function trigger(client: ClientProcess): Promise<void> {
  const response = await fetch(`${client.baseUrl}/api/sync/trigger`, { method: 'POST' });
  expect(response.status).toBe(202);
}

/**
 * Crash safety of the sync with a real client process: `kill -9` during a first sync at several moments
 * (gateway call in flight before anything stored, right after the first and the second load-curve answers
 * were committed), a restart each time, and at the end the store equals the gateway point by point — nothing
 * lost, nothing duplicated — on SQLite and PostgreSQL. After every kill, each stored load-curve day is whole:
 * an answer is committed entirely or not at all.
 */
describe.each(backends)('client mode: kill -9 during a first sync on $name', (backend) => {
  let gateway: TestServer;
  let user: TestUser;
  let apiUrl: string;
  let dataDir: string;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  let store: DbHandle;
  const today = parisToday(new Date());

  beforeAll(async () => {
    gateway = await startTestServer(backend, { USER_DAILY_LIMIT_NO_CACHE: '1000' });
    apiUrl = await listenGateway(gateway);
    user = await createUser(gateway, 'killed');
    await giveConsent(gateway, user, [PRM]);
    dataDir = mkdtempSync(join(tmpdir(), 'med-client-kill-'));
    if (backend.databaseUrl) {
      // A database of its own: the client process runs its migrations in `public`, like a real installation.
      const name = `med_kill_${randomBytes(4).toString('hex')}`;
      await runSql(backend.databaseUrl, `CREATE DATABASE ${name}`);
      const url = new URL(backend.databaseUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.href;
      const adminUrl = backend.databaseUrl;
      dropDatabase = () => runSql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
    await gateway.close();
  });

  const start = () =>
    startClientProcess({
      dataDir,
      ...(databaseUrl ? { databaseUrl } : {}),
      env: { MED_API_URL: apiUrl, MED_CLIENT_ID: user.clientId, MED_CLIENT_SECRET: user.clientSecret },
    });

  /** Every stored curve day covers its whole Paris day: no answer was half-written. */
  async function expectWholeCurveDays(): Promise<void> {
    const days = await store.db
      .selectFrom('client_curve')
      .select(['day', sql<number | string>`sum(minutes)`.as('minutes')])
      .groupBy('day')
      .execute();
    const partial = days.filter((row) => Number(row.minutes) !== parisDayLengthMinutes(row.day));
    expect(partial).toEqual([]);
  }

  it('loses nothing and duplicates nothing across kills at several moments', async () => {
    let client = await start();
    store = connectDatabase(databaseUrl ?? `sqlite:${join(dataDir, 'client.db')}`);

    // 1. The meter list is stored, the daily call is in flight at the gateway.
    await trigger(client);
    await waitFor('meter list stored', async () => (await count(store, 'client_meters')) > 0, client);
    await client.kill9();
    expect(await count(store, 'client_curve')).toBe(0);

    // 2. Restarted: right after the first load-curve answer was committed, the next one in flight.
    client = await start();
    await trigger(client);
    await waitFor('first curve answer', async () => (await count(store, 'client_curve')) > 0, client);
    await client.kill9();
    const afterSecondKill = await count(store, 'client_curve');
    await expectWholeCurveDays();

    // 3. Restarted: right after one more answer.
    client = await start();
    await trigger(client);
    await waitFor('one more answer', async () => (await count(store, 'client_curve')) > afterSecondKill, client);
    await client.kill9();
    await expectWholeCurveDays();

    // 4. Restarted: the sync completes.
    client = await start();
    try {
      await trigger(client);
      let status: SyncStatusResponse | undefined;
      for (let tries = 0; tries < 3000; tries += 1) {
        const response = await fetch(`${client.baseUrl}/api/sync/status`);
        status = ((await response.json()) as { data: SyncStatusResponse }).data;
        if (!status.running && status.last_progress && status.last_progress.type !== 'started') {
          break;
        }
        await sleep(50);
      }
      expect(status?.last_progress?.type, client.output()).toBe('finished');
    } finally {
      await client.stop();
    }

    const dailyStart = addDays(addMonths(today, -36), 1);
    const curveStart = addDays(addMonths(today, -24), 1);
    const daily = await readDaily(store.db, PRM, 'consumption', dailyStart, today);
    const gatewayDaily = await gatewayReadings(gateway, user, `consumption/daily/${PRM}`, dailyStart, today);
    expect(daily.map((row) => [row.day, row.valueWh])).toEqual(gatewayDaily.map((r) => [r.date, r.value]));
    expect(await count(store, 'client_daily')).toBe(gatewayDaily.length);

    const power = await readMaxPower(store.db, PRM, dailyStart, today);
    const gatewayPower = await gatewayReadings(gateway, user, `power/${PRM}`, dailyStart, today);
    expect(power.map((row) => [row.at, row.valueVa])).toEqual(
      gatewayPower.map((r) => [new Date(r.date).toISOString(), r.value]),
    );

    const curve = await readCurve(store.db, PRM, 'consumption', curveStart, today);
    const gatewayCurve = await gatewayReadings(gateway, user, `consumption/detail/${PRM}`, curveStart, today);
    expect(gatewayCurve.length).toBeGreaterThan(30_000);
    expect(await count(store, 'client_curve')).toBe(gatewayCurve.length);
    expect(curve.map((row) => [row.startAt, `PT${row.minutes}M`, row.valueW])).toEqual(
      gatewayCurve.map((r) => [new Date(r.date).toISOString(), r.interval_length, r.value]),
    );
  }, 480_000);
});
