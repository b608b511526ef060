import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import { startServices } from '../../src/bootstrap.ts';
import { createCache } from '../../src/cache/create-cache.ts';
import { loadConfig } from '../../src/config/config.ts';
import { connectDatabase } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/database.ts';
import type { Mailer } from '../../src/mail/mailer.ts';
import type { Backend } from './backends.ts';

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * A fully wired app on one backend, isolated from every other suite: its own temp data folder,
 * SQLite file or PostgreSQL schema, and Valkey key prefix. Extra env vars override defaults;
 * `webDistDir` serves a (fake) SPA build instead of none. Scheduled jobs are off unless `JOBS_ENABLED`
 * says otherwise. `joinWith` starts a second instance on the same database schema and cache prefix as
 * another test server (multi-instance tests); only the first one drops them on close. `mailer` replaces
 * the dev outbox; `mailWorker: false` leaves queued mails alone until the test calls
 * `deps.mailQueue.drain()`; `logStream` receives the log lines (with `LOG_LEVEL` in `env`); `wrapDb` wraps the app's Kysely instance (e.g. with a plugin recording queries).
 */
export async function startTestServer(
  backend: Backend,
  env: Record<string, string> = {},
  options: {
    webDistDir?: string;
    joinWith?: SharedStorage;
    mailer?: Mailer;
    mailWorker?: boolean;
    wrapDb?: (db: Db) => Db;
    logStream?: DestinationStream;
  } = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'med-test-'));
  const joined = options.joinWith;
  const suffix = joined?.suffix ?? randomBytes(6).toString('hex');
  const schema = joined ? joined.schema : backend.databaseUrl ? `t_${suffix}` : undefined;
  if (!joined && backend.databaseUrl && schema) {
    await runSql(backend.databaseUrl, `CREATE SCHEMA ${schema}`);
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    SECRET_KEY: randomBytes(32).toString('base64url'),
    DATA_DIR: dataDir,
    DATABASE_URL: joined?.databaseUrl ?? backend.databaseUrl ?? `sqlite:${join(dataDir, 'test.db')}`,
    ...(backend.redisUrl ? { REDIS_URL: backend.redisUrl } : {}),
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    ...env,
  });
  const wrapped = options.wrapDb ? connectDatabase(config.databaseUrl, schema ? { schema } : {}) : undefined;
  const services = await startServices(config, {
    ...(schema ? { databaseSchema: schema } : {}),
    ...(wrapped && options.wrapDb ? { database: { ...wrapped, db: options.wrapDb(wrapped.db) } } : {}),
    cacheKeyPrefix: `test:${suffix}:`,
    webDistDir: options.webDistDir ?? join(dataDir, 'no-web-build'),
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.mailWorker === undefined ? {} : { mailWorker: options.mailWorker }),
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  const storage: SharedStorage = { suffix, schema, databaseUrl: config.databaseUrl };
  let stopped: Promise<void> | undefined;
  /** The production shutdown (bootstrap's close: drain, then cache and database), run once. */
  const shutdown = () => (stopped ??= services.close());
  return {
    ...services,
    config,
    dataDir,
    storage,
    shutdown,
    /** `shutdown()`, then drops what the suite stored (key prefix, schema, data folder). */
    async close() {
      await shutdown();
      if (backend.redisUrl && !joined) {
        const cache = createCache(backend.redisUrl, `test:${suffix}:`);
        await cache.deleteByPrefix('');
        await cache.close();
      }
      if (backend.databaseUrl && schema && !joined) {
        await runSql(backend.databaseUrl, `DROP SCHEMA ${schema} CASCADE`);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a second instance needs to share a test server's database schema and cache prefix. */
export interface SharedStorage {
  suffix: string;
  schema: string | undefined;
  databaseUrl: string;
}

export async function runSql(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
