import { ErrorCode } from '@med/contracts';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import { createAppShell, registerCommonPlugins, registerWebAndNotFound } from './app-shell.ts';
import { DEFAULT_WEB_DIST } from './app.ts';
import type { CachePort } from './cache/cache.port.ts';
import type { Config } from './config/config.ts';
import type { DbHandle } from './db/connect.ts';
import type { ClientDeps } from './deps.ts';
import { clientCostsRoutes } from './features/costs/client-costs.routes.ts';
import { createCostsService } from './features/costs/costs.service.ts';
import { createOfferCatalogue } from './features/costs/offer-catalogue.ts';
import { clientStatusRoutes } from './features/gateway-client/client-status.routes.ts';
import { createGatewayClient } from './features/gateway-client/gateway-client.ts';
import { createGatewayConnection } from './features/gateway-client/gateway-connection.ts';
import { registerExportersFeature } from './features/exporters/exporters.register.ts';
import type { ExportersService } from './features/exporters/exporters.service.ts';
import type { HaBirthWatcher } from './features/exporters/home-assistant/ha-birth-watcher.ts';
import { registerHaStatisticsFeature } from './features/ha-statistics/ha-statistics.register.ts';
import { historyImportRoutes } from './features/history-import/history-import.routes.ts';
import { localMeteringRoutes } from './features/local-metering/local-metering.routes.ts';
import { createLocalMeteringService } from './features/local-metering/local-metering.service.ts';
import { pdlDtoToRow } from './features/pdl/pdl.mapper.ts';
import { registerPublicSync } from './features/public-sync/public-sync.register.ts';
import { createTempoRepository } from './features/rte/tempo.repository.ts';
import { findMeter } from './features/sync/client-meters.repository.ts';
import { clientPdlRoutes } from './features/sync/client-pdl.routes.ts';
import { registerSyncFeature } from './features/sync/sync.register.ts';
import type { SyncService } from './features/sync/sync.service.ts';
import { runtimeConfigRoutes } from './features/web/runtime-config.routes.ts';
import { notFound } from './http/app-error.ts';
import { createDrain } from './http/drain.ts';
import { registerLocalPassword } from './http/local-password.ts';
import { createLogger, logFormatFor } from './http/logger.ts';
import { createMetrics, recordJobRun } from './http/metrics.ts';
import { createThrottle } from './http/throttle.ts';
import { createScheduler } from './jobs/scheduler.ts';
import { createServerKeys } from './security/keys.ts';

/** Attempts per gateway call on network errors and 5xx (then the call fails as `unreachable`). */
const GATEWAY_MAX_ATTEMPTS = 3;

export interface BuildClientAppOptions {
  config: Config;
  logger?: Logger;
  database: DbHandle;
  cache: CachePort;
  webDistDir?: string;
  logStream?: DestinationStream;
}

/**
 * The local client (SERVER_MODE=false): one household, no accounts, consent, admin or Enedis access.
 * Its data comes from a MyElectricalData gateway; LOCAL_PASSWORD, when set, guards every route.
 */
export async function buildClientApp(options: BuildClientAppOptions): Promise<{
  app: FastifyInstance;
  deps: ClientDeps;
  sync: SyncService;
  exporters: ExportersService;
  haWatcher: HaBirthWatcher;
}> {
  const { config, database, cache } = options;
  const keys = createServerKeys(config.secretKey);
  const logger: FastifyBaseLogger =
    options.logger ??
    createLogger({
      level: config.logLevel,
      format: logFormatFor(config),
      keys,
      ...(options.logStream ? { stream: options.logStream } : {}),
    });
  const app = createAppShell(config, logger);
  const metrics = createMetrics();
  const gatewayClient = createGatewayClient({
    apiUrl: config.client.apiUrl,
    clientId: config.client.clientId,
    clientSecret: config.client.clientSecret,
    timeoutMs: config.client.timeoutMs,
    maxAttempts: GATEWAY_MAX_ATTEMPTS,
    // A gateway outage is an upstream outage like RTE's: the same backoff bounds as the jobs.
    retryMinMs: config.jobs.retryMinMs,
    retryMaxMs: config.jobs.retryMaxMs,
  });
  const deps: ClientDeps = {
    config,
    database,
    db: database.db,
    cache,
    keys,
    throttle: createThrottle(cache, config.throttle.windowSeconds, keys),
    gatewayClient,
    connection: createGatewayConnection({
      client: gatewayClient,
      log: app.log,
      retryMinMs: config.jobs.retryMinMs,
      retryMaxMs: config.jobs.retryMaxMs,
    }),
    scheduler: createScheduler({
      db: database.db,
      cache,
      log: app.log,
      retryMinMs: config.jobs.retryMinMs,
      retryMaxMs: config.jobs.retryMaxMs,
      onRunFinished: recordJobRun(metrics),
    }),
    log: app.log,
    drain: createDrain(app, app.log),
  };

  await registerCommonPlugins(app, { config, db: database.db, cache, drain: deps.drain, metrics });
  if (config.client.localPassword !== undefined) {
    // Every route below, the SPA included: the household's data stays behind the password.
    registerLocalPassword(app, {
      password: config.client.localPassword,
      throttle: deps.throttle,
      maxFailuresPerIp: config.throttle.loginPerIp,
    });
  }
  await app.register(runtimeConfigRoutes(deps), { prefix: '/api' });
  await app.register(clientStatusRoutes({ connection: deps.connection, apiUrl: config.client.apiUrl }), {
    prefix: '/api/client',
  });
  const sync = await registerSyncFeature(app, deps);
  const { exporters, haWatcher } = await registerExportersFeature(app, deps);
  await registerHaStatisticsFeature(app, {
    db: deps.db,
    log: deps.log,
    targetOf: (id) => exporters.haStatisticsTarget(id),
  });
  // New readings go out as soon as a sync has stored them (not awaited: a slow destination never holds the sync).
  sync.subscribe((progress) => {
    if (progress.type === 'finished') {
      exporters.afterSync();
    }
  });
  await app.register(clientPdlRoutes({ db: deps.db }), { prefix: '/api/pdl' });
  await app.register(
    historyImportRoutes({
      db: deps.db,
      meterExists: async (usagePointId) => (await findMeter(deps.db, usagePointId)) !== undefined,
    }),
    { prefix: '/api/history-import' },
  );
  const localMetering = createLocalMeteringService({ db: deps.db, gateway: gatewayClient, log: app.log });
  await app.register(localMeteringRoutes(localMetering), { prefix: '/api/enedis' });
  await registerPublicSync(app, deps);
  // Costs and the simulator from the local store: readings local-first, the synced catalogue and Tempo days.
  const tempoDays = createTempoRepository(deps.db);
  const costs = createCostsService({
    catalogue: createOfferCatalogue(deps.db),
    tempoDays: async (start, end) =>
      (await tempoDays.range(start, end)).map((day) => ({ date: day.date, colour: day.color })),
  });
  await app.register(
    clientCostsRoutes({
      costs,
      meter: async (usagePointId) => {
        const meter = await findMeter(deps.db, usagePointId);
        if (!meter) {
          throw notFound(ErrorCode.PDL_NOT_FOUND, 'PDL introuvable sur ce client.');
        }
        return {
          pdl: pdlDtoToRow(meter.pdl),
          read: (dataset, start, end) => localMetering.read(dataset, { usagePointId, start, end }),
        };
      },
    }),
    { prefix: '/api' },
  );
  await registerWebAndNotFound(app, options.webDistDir ?? DEFAULT_WEB_DIST);
  return { app, deps, sync, exporters, haWatcher };
}
