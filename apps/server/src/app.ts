import { resolve } from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { createAppShell, registerCommonPlugins, registerWebAndNotFound } from './app-shell.ts';
import type { DestinationStream, Logger } from 'pino';
import type { CachePort } from './cache/cache.port.ts';
import type { Config } from './config/config.ts';
import type { DbHandle } from './db/connect.ts';
import type { AppDeps } from './deps.ts';
import { accountsRoutes } from './features/accounts/accounts.routes.ts';
import { pdlRoutes } from './features/pdl/pdl.routes.ts';
import { runtimeConfigRoutes } from './features/web/runtime-config.routes.ts';
import { createGuard, indexPermissionRoutes, type PermissionRoute } from './http/auth.ts';
import { findUserUnlessRevoked } from './features/accounts/sessions.repository.ts';
import { findUserByClientSecretHash, findUserById } from './features/accounts/users.repository.ts';
import { insertSharedRead } from './features/admin/shared-data.repository.ts';
import { loadRole } from './features/roles/roles.repository.ts';
import { registerRolesFeature } from './features/roles/roles.register.ts';
import { registerAdminFeature } from './features/admin/admin.register.ts';
import { createDrain } from './http/drain.ts';
import { createLogger, logFormatFor } from './http/logger.ts';
import { createMetrics, recordJobRun, type AppMetrics } from './http/metrics.ts';
import { createThrottle } from './http/throttle.ts';
import { createMailQueue } from './mail/mail-queue.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { createAccountMails, type AccountMail } from './features/accounts/account-mails.ts';
import type { ComposedMail } from './mail/composed-mail.ts';
import { registerContributionsFeature } from './features/contributions/contributions.register.ts';
import { createJwt } from './security/jwt.ts';
import { createUsageStats, type UsageStats } from './features/admin/usage-stats.ts';
import { createServerKeys } from './security/keys.ts';
import type { EnedisGateway } from './features/enedis/enedis-gateway.ts';
import { registerEnedisFeatures } from './features/enedis/enedis.register.ts';
import { createRteGateway } from './features/rte/rte-gateway.ts';
import { registerRteFeatures } from './features/rte/rte.register.ts';
import { registerOffersFeatures } from './features/offers/offers.register.ts';
import { registerCostsFeature } from './features/costs/costs.register.ts';
import { createOfferCatalogue } from './features/costs/offer-catalogue.ts';
import { createTempoRepository } from './features/rte/tempo.repository.ts';
import { deleteActivityBefore } from './features/accounts/activity-log.repository.ts';
import { sessionsCleanupJob } from './features/accounts/sessions.jobs.ts';
import { enedisTokenJob } from './jobs/enedis-token.job.ts';
import { housekeepingJob } from './jobs/housekeeping.job.ts';
import { createScheduler } from './jobs/scheduler.ts';
import { createLogJournal, type LogJournal } from './features/logs/log-journal.ts';
import { logsRoutes } from './features/logs/logs.routes.ts';

export interface BuildAppOptions {
  config: Config;
  /** The process logger (bootstrap shares it with the Enedis gateway); default: one built from config. */
  logger?: Logger;
  database: DbHandle;
  cache: CachePort;
  mailer?: Mailer;
  gateway: EnedisGateway;
  /** Folder of the built SPA; default apps/web/dist. */
  webDistDir?: string;
  /** Usage counters (bootstrap shares them with the Enedis gateway); default: fresh ones on the cache. */
  usage?: UsageStats;
  /** Where log lines go; default stdout (tests capture them). */
  logStream?: DestinationStream;
  /** The admin log journal the logger also writes to (bootstrap makes both); default: a fresh one. */
  logJournal?: LogJournal;
  /** The Prometheus instruments (bootstrap shares them with the Enedis gateway); default: fresh ones. */
  metrics?: AppMetrics;
}

export const DEFAULT_WEB_DIST = resolve(import.meta.dirname, '../../web/dist');

/** Builds the HTTP application for the configured mode. No listening, no background work. */
export async function buildApp(
  options: BuildAppOptions,
): Promise<{ app: FastifyInstance; deps: AppDeps; permissionRoutes: readonly PermissionRoute[] }> {
  const { config, database, cache } = options;
  const keys = createServerKeys(config.secretKey);
  // Never logs credentials, cookies or secrets; PRMs, e-mails and OAuth values only hashed (http/logger.ts).
  // Typed as Fastify's base logger so the app keeps the default FastifyInstance type.
  const logJournal = options.logJournal ?? createLogJournal({ cache });
  const logger: FastifyBaseLogger =
    options.logger ??
    createLogger({
      level: config.logLevel,
      format: logFormatFor(config),
      keys,
      journal: logJournal.stream,
      ...(options.logStream ? { stream: options.logStream } : {}),
    });
  const app = createAppShell(config, logger);
  const metrics = options.metrics ?? createMetrics();

  const jwt = createJwt(keys, config.auth.accessTokenMinutes);
  const mailer =
    options.mailer ??
    createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, dataDir: config.dataDir, log: app.log });
  const accountMails = createAccountMails({ db: database.db, config, mailer });
  const deps: AppDeps = {
    config,
    database,
    db: database.db,
    cache,
    keys,
    jwt,
    mailer,
    mailQueue: createMailQueue<AccountMail | ComposedMail>({
      db: database.db,
      keys,
      log: app.log,
      perform: (job) => (job.kind === 'composed' ? mailer.send(job.message) : accountMails.perform(job)),
      // A mail outage is an upstream outage like RTE's: the same backoff bounds.
      retryMinMs: config.jobs.retryMinMs,
      retryMaxMs: config.jobs.retryMaxMs,
    }),
    throttle: createThrottle(cache, config.throttle.windowSeconds, keys),
    guard: createGuard({
      lookups: {
        userByToken: (userId, tokenId) => findUserUnlessRevoked(database.db, userId, tokenId),
        userByClientSecretHash: (hash) => findUserByClientSecretHash(database.db, hash),
        roleOf: (roleId) => loadRole(database.db, roleId),
      },
      sharing: {
        sharedUser: (userId) => findUserById(database.db, userId),
        recordRead: (read) => insertSharedRead(database.db, read, new Date()),
      },
      jwt,
      keys,
      requireEmailVerification: config.auth.requireEmailVerification,
    }),
    gateway: options.gateway,
    usage: options.usage ?? createUsageStats({ cache, log: app.log }),
    logJournal,
    metrics,
    log: app.log,
    drain: createDrain(app, app.log),
    rte: createRteGateway({ config, enedis: options.gateway, log: app.log }),
    scheduler: createScheduler({
      db: database.db,
      cache,
      log: app.log,
      retryMinMs: config.jobs.retryMinMs,
      retryMaxMs: config.jobs.retryMaxMs,
      onRunFinished: recordJobRun(metrics),
    }),
  };

  await registerCommonPlugins(app, { config, db: database.db, cache, drain: deps.drain, metrics });
  // Before any feature registers its routes: every route behind requirePermission gets indexed.
  const permissionRoutes = indexPermissionRoutes(app);

  await app.register(accountsRoutes(deps), { prefix: '/api/accounts' });
  await app.register(pdlRoutes(deps), { prefix: '/api/pdl' });
  await app.register(runtimeConfigRoutes(deps), { prefix: '/api' });
  const { metering } = await registerEnedisFeatures(app, deps);
  await registerRteFeatures(app, deps);
  await registerRolesFeature(app, deps);
  await registerOffersFeatures(app, deps);
  await registerContributionsFeature(app, {
    db: deps.db,
    guard: deps.guard,
    mailQueue: deps.mailQueue,
    frontendUrl: config.http.frontendUrl,
    adminEmails: config.auth.adminEmails,
  });
  await registerAdminFeature(app, deps);
  await app.register(logsRoutes({ journal: logJournal, guard: deps.guard }), { prefix: '/api/admin' });
  const tempoDays = createTempoRepository(deps.db);
  await registerCostsFeature(app, {
    guard: deps.guard,
    metering,
    catalogue: createOfferCatalogue(deps.db),
    tempoDays: async (start, end) =>
      (await tempoDays.range(start, end)).map((day) => ({ date: day.date, colour: day.color })),
  });
  deps.scheduler.register(enedisTokenJob(deps.gateway));
  deps.scheduler.register(
    housekeepingJob({
      pruneActivityLog: (before) => deleteActivityBefore(database.db, before),
      pruneJobRuns: (before) => deps.scheduler.repository.pruneRuns(before),
      activityLogRetentionDays: config.activityLogRetentionDays,
    }),
  );
  deps.scheduler.register(sessionsCleanupJob(deps.db));

  await registerWebAndNotFound(app, options.webDistDir ?? DEFAULT_WEB_DIST);
  return { app, deps, permissionRoutes };
}
