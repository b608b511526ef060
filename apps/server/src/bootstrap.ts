import { setTimeout as delay } from 'node:timers/promises';
import { createCache } from './cache/create-cache.ts';
import type { Config } from './config/config.ts';
import { connectDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import {
  demoteUnverifiedAdminEmails,
  promoteAdminEmails,
  seedRolesAndPermissions,
} from './features/roles/roles.repository.ts';
import { seedCatalogue, shippedDataSet } from './features/offers/catalogue-seed.ts';
import { buildApp, type BuildAppOptions } from './app.ts';
import { createUsageStats } from './features/admin/usage-stats.ts';
import { createEnedisGateway } from './features/enedis/enedis-gateway.ts';
import { createServerKeys } from './security/keys.ts';
import { createLogger, logFormatFor } from './http/logger.ts';
import { createMetrics } from './http/metrics.ts';
import { createLogJournal } from './features/logs/log-journal.ts';

/**
 * Composition root shared by `main.ts` and the integration tests:
 * config → database (migrated, seeded) → cache → app. Returns one `close()` for all of it.
 */
export async function startServices(
  config: Config,
  overrides: Partial<BuildAppOptions> & {
    cacheKeyPrefix?: string;
    databaseSchema?: string;
    /** false: the mail worker does not start (tests then run the queue with `mailQueue.drain()`). */
    mailWorker?: boolean;
  } = {},
) {
  const database =
    overrides.database ??
    connectDatabase(config.databaseUrl, overrides.databaseSchema ? { schema: overrides.databaseSchema } : {});
  await migrateToLatest(database);
  await seedRolesAndPermissions(database.db);
  // ADMIN_EMAILS grants admin only to addresses their owner verified.
  await demoteUnverifiedAdminEmails(database.db, config.auth.adminEmails);
  await promoteAdminEmails(database.db, config.auth.adminEmails);
  // The offers data set shipped with the project, once per version of it (idempotent, any instance).
  await seedCatalogue(database.db, shippedDataSet());
  const cache = overrides.cache ?? createCache(config.redisUrl, overrides.cacheKeyPrefix);
  const keys = createServerKeys(config.secretKey);
  // The admin logs page reads the same redacted lines as stdout, from a list every instance shares.
  const logJournal = createLogJournal({ cache });
  const logger =
    overrides.logger ??
    createLogger({
      level: config.logLevel,
      format: logFormatFor(config),
      keys,
      journal: logJournal.stream,
      ...(overrides.logStream ? { stream: overrides.logStream } : {}),
    });
  // Usage counters of the admin overview: fed by the Enedis client and by every metering call.
  const usage = createUsageStats({ cache, log: logger });
  const metrics = createMetrics();
  const gateway =
    overrides.gateway ??
    (await createEnedisGateway({
      config,
      cache,
      keys,
      log: logger,
      onEvent: (event) => {
        usage.recordEnedis(event);
        metrics.enedisEvents.inc({ event });
      },
    }));
  const { app, deps, permissionRoutes } = await buildApp({
    ...overrides,
    config,
    database,
    cache,
    gateway,
    logger,
    usage,
    logJournal,
    metrics,
  });
  if (config.env === 'production' && (config.enedis.environment === 'emulator' || config.rte.useEmulator)) {
    app.log.warn(
      { enedis: config.enedis.environment === 'emulator', rte: config.rte.useEmulator },
      'serving simulated emulator data in production (ALLOW_EMULATOR_IN_PRODUCTION=true)',
    );
  }
  // Jobs start with the process (initial fill on a fresh install) unless JOBS_ENABLED=false.
  if (config.jobs.enabled) {
    deps.scheduler.start();
  }
  // Not a scheduled job: every instance sends the mails its requests queue, whatever JOBS_ENABLED says.
  if (overrides.mailWorker !== false) {
    deps.mailQueue.start();
  }
  return {
    app,
    deps,
    /** Every route behind requirePermission and the permission it needs (the permission-table test). */
    permissionRoutes,
    /**
     * Graceful stop, in dependency order: readiness off while still serving for SHUTDOWN_DELAY_SECONDS
     * (a load balancer stops sending), jobs aborted and recorded meanwhile, HTTP drained (listener
     * closed, in-flight requests finish, at most SHUTDOWN_TIMEOUT_SECONDS), and only then the emulator,
     * the cache and the database those requests were using.
     */
    async close() {
      deps.drain.start();
      await Promise.all([deps.scheduler.stop(), delay(config.http.shutdownDelayMs)]);
      await deps.drain.close(config.http.shutdownTimeoutMs);
      // Queued mails stay in the table; the worker stops before the database goes away.
      await deps.mailQueue.stop();
      await gateway.close();
      // The last records (shutdown lines included) reach the shared list before the cache goes.
      await logJournal.flush();
      await cache.close();
      await database.close();
    },
  };
}
