// Client mode: (1) rows written per second by the sync's storage path (parse a gateway answer, upsert it in
// one transaction), on SQLite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, PostgreSQL — target
// ≥ 50,000 rows/s; (2) the first sync of one meter with consumption and production (3 years daily, 2 years
// of 30-min curve each way) against a local gateway process whose Enedis is an emulator in this process,
// enforcing Enedis's 5 calls/s: the Enedis calls counted there over 5/s are the floor the sync cannot beat.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, addMonths, eachDay, formatParisIso, parisMidnightUtc, parisToday } from '@med/core';
import { startEmulator } from '@med/emulator';
import pg from 'pg';
import { startClientServices } from '../apps/server/src/client-bootstrap.ts';
import { loadConfig } from '../apps/server/src/config/config.ts';
import { connectDatabase, type DbHandle } from '../apps/server/src/db/connect.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { READING_DATASETS, type GatewayReading } from '../apps/server/src/features/sync/sync-datasets.ts';
import { accountWithMeters, startServerProcess } from './support/server-process.ts';

// Sandbox client 6: both directions on one meter.
const PRM = '12655648759651';
const ENEDIS_RATE_PER_SECOND = 5;
const CURVE_DAYS_PER_CALL = 183;

/** Two years of 30-min points as the gateway serves them (interval starts, Paris offset). */
function curveReadings(today: string): GatewayReading[][] {
  const start = addDays(addMonths(today, -24), 1);
  const answers: GatewayReading[][] = [];
  for (let from = start; from < today; from = addDays(from, CURVE_DAYS_PER_CALL)) {
    const readings: GatewayReading[] = [];
    const to = addDays(from, CURVE_DAYS_PER_CALL) < today ? addDays(from, CURVE_DAYS_PER_CALL) : today;
    for (let t = parisMidnightUtc(from).getTime(); t < parisMidnightUtc(to).getTime(); t += 30 * 60_000) {
      readings.push({ value: (t / 60_000) % 3000, date: formatParisIso(new Date(t)), interval_length: 'PT30M' });
    }
    answers.push(readings);
  }
  return answers;
}

async function measureWrites(label: string, handle: DbHandle): Promise<void> {
  await migrateToLatest(handle);
  const today = parisToday(new Date());
  const daily = eachDay(addDays(addMonths(today, -36), 1), today).map((day, index) => ({
    value: 1000 + index,
    date: day,
  }));
  const curve = curveReadings(today);
  const specs = Object.fromEntries(READING_DATASETS.map((spec) => [spec.name, spec]));
  const plan: [string, GatewayReading[]][] = [
    ['consumption_daily', daily],
    ['production_daily', daily],
    ...curve.map((answer): [string, GatewayReading[]] => ['consumption_curve', answer]),
    ...curve.map((answer): [string, GatewayReading[]] => ['production_curve', answer]),
  ];
  for (const pass of ['first write', 'replay (upsert of the same rows)']) {
    const began = performance.now();
    let rows = 0;
    for (const [dataset, readings] of plan) {
      rows += (await specs[dataset]?.write(handle.db, PRM, readings)) ?? 0;
    }
    const seconds = (performance.now() - began) / 1000;
    console.log(
      `client-sync writes, ${label}, ${pass}: ${rows} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s (target ≥ 50,000)`,
    );
  }
}

async function runWrites(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'med-bench-client-'));
  const sqlite = connectDatabase(`sqlite:${join(dir, 'client.db')}`);
  try {
    await measureWrites('SQLite', sqlite);
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('client-sync writes, PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const postgres = connectDatabase(url, { schema });
  try {
    await measureWrites('PostgreSQL', postgres);
  } finally {
    await postgres.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

async function runFirstSync(): Promise<void> {
  const emulator = await startEmulator({});
  const enedis = emulator.app.enedisEmulator;
  const gateway = await startServerProcess({
    ENEDIS_ENVIRONMENT: 'emulator',
    ENEDIS_BASE_URL: emulator.url,
    RTE_BASE_URL: emulator.url,
    ADMIN_EMAILS: 'bench@example.org',
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'med-bench-client-'));
  try {
    const account = await accountWithMeters(gateway, 'household@example.org', [PRM]);
    const config = loadConfig({
      NODE_ENV: 'production',
      SERVER_MODE: 'false',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      JOBS_ENABLED: 'false',
      MED_API_URL: `${gateway.baseUrl}/api`,
      MED_CLIENT_ID: account.clientId,
      MED_CLIENT_SECRET: account.clientSecret,
    });
    const client = await startClientServices(config);
    try {
      enedis.resetStats();
      enedis.resetRateLimits();
      const began = performance.now();
      const report = await client.sync.sync({ manual: false });
      const seconds = (performance.now() - began) / 1000;
      const enedisCalls = Object.entries(enedis.stats.byRoute)
        .filter(([route]) => route.startsWith('/metering_data_') || route.startsWith('/customers_'))
        .reduce((total, [, count]) => total + count, 0);
      const floor = enedisCalls / ENEDIS_RATE_PER_SECOND;
      console.log(
        `client-sync first sync (1 meter, consumption + production): ${report.rows} rows, ${report.calls} gateway calls, ` +
          `${enedisCalls} Enedis calls; ${seconds.toFixed(1)} s against a floor of ${floor.toFixed(1)} s ` +
          `(${(seconds / floor).toFixed(2)}×), ${Math.round(report.rows / seconds)} rows/s end to end`,
      );
    } finally {
      await client.close();
    }
  } finally {
    await gateway.stop();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runClientSyncWrites(): Promise<void> {
  await runWrites();
}

export async function runClientSync(): Promise<void> {
  await runWrites();
  await runFirstSync();
}

if (import.meta.main) {
  await runClientSync();
}
