import { setTimeout as delay } from 'node:timers/promises';
import { buildClientApp, type BuildClientAppOptions } from './client-app.ts';
import { createCache } from './cache/create-cache.ts';
import type { Config } from './config/config.ts';
import { connectDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';

/**
 * Composition root of the local client (SERVER_MODE=false), shared by `main.ts` and the tests:
 * config → database (the same migrations as the gateway) → cache → app, then the gateway connection
 * check. The gateway being down or refusing the credentials never stops the start: the status route
 * and the log say so, and the check retries with backoff.
 */
export async function startClientServices(
  config: Config,
  overrides: Partial<BuildClientAppOptions> & { cacheKeyPrefix?: string; databaseSchema?: string } = {},
) {
  const database =
    overrides.database ??
    connectDatabase(config.databaseUrl, overrides.databaseSchema ? { schema: overrides.databaseSchema } : {});
  await migrateToLatest(database);
  const cache = overrides.cache ?? createCache(config.redisUrl, overrides.cacheKeyPrefix);
  const { app, deps, sync, exporters, haWatcher } = await buildClientApp({ ...overrides, config, database, cache });
  deps.connection.start();
  if (config.jobs.enabled) {
    deps.scheduler.start();
    haWatcher.start();
  }
  return {
    app,
    deps,
    sync,
    exporters,
    haWatcher,
    /** Same order as the gateway's close: readiness off, jobs and checks stopped, HTTP drained, storage closed. */
    async close() {
      deps.drain.start();
      await Promise.all([
        deps.scheduler.stop(),
        deps.connection.stop(),
        sync.stop(),
        exporters.stop(),
        haWatcher.stop(),
        delay(config.http.shutdownDelayMs),
      ]);
      await deps.drain.close(config.http.shutdownTimeoutMs);
      await cache.close();
      await database.close();
    },
  };
}
