import type { FastifyBaseLogger } from 'fastify';
import type { CachePort } from './cache/cache.port.ts';
import type { Config } from './config/config.ts';
import type { DbHandle } from './db/connect.ts';
import type { Db } from './db/database.ts';
import type { EnedisGateway } from './features/enedis/enedis-gateway.ts';
import type { LogJournal } from './features/logs/log-journal.ts';
import type { UsageStats } from './features/admin/usage-stats.ts';
import type { GatewayClient } from './features/gateway-client/gateway-client.ts';
import type { GatewayConnection } from './features/gateway-client/gateway-connection.ts';
import type { RteGateway } from './features/rte/rte-gateway.ts';
import type { Guard } from './http/auth.ts';
import type { Drain } from './http/drain.ts';
import type { AppMetrics } from './http/metrics.ts';
import type { Throttle } from './http/throttle.ts';
import type { Scheduler } from './jobs/scheduler.ts';
import type { AccountMail } from './features/accounts/account-mails.ts';
import type { ComposedMail } from './mail/composed-mail.ts';
import type { MailQueue } from './mail/mail-queue.ts';
import type { Mailer } from './mail/mailer.ts';
import type { JwtService } from './security/jwt.ts';
import type { ServerKeys } from './security/keys.ts';

/** What features receive. Each feature uses only the parts it needs. */
export interface AppDeps {
  config: Config;
  database: DbHandle;
  db: Db;
  cache: CachePort;
  keys: ServerKeys;
  jwt: JwtService;
  mailer: Mailer;
  /** Mails leave the request path through it (account mails, composed notices); bootstrap starts its worker. */
  mailQueue: MailQueue<AccountMail | ComposedMail>;
  throttle: Throttle;
  guard: Guard;
  gateway: EnedisGateway;
  /** Usage counters of the admin overview (metering calls, Enedis events), shared by instances. */
  usage: UsageStats;
  rte: RteGateway;
  /** The server's own log records, shared by instances on Valkey (the admin logs page reads it). */
  logJournal: LogJournal;
  /** Prometheus instruments of this instance, served at /metrics. */
  metrics: AppMetrics;
  /** Scheduled jobs; bootstrap starts it when JOBS_ENABLED, admin refreshes run through it either way. */
  scheduler: Scheduler;
  log: FastifyBaseLogger;
  /** Shutdown state: `/ready` reads it, bootstrap's close drives it. */
  drain: Drain;
}

/** What client-mode features receive (one household syncing from a gateway; no accounts, no Enedis). */
export interface ClientDeps {
  config: Config;
  database: DbHandle;
  db: Db;
  cache: CachePort;
  keys: ServerKeys;
  throttle: Throttle;
  /** Real HTTP to the MyElectricalData gateway (MED_API_URL) with the household's credentials. */
  gatewayClient: GatewayClient;
  /** The gateway link's state, checked at start and retried with backoff; bootstrap starts it. */
  connection: GatewayConnection;
  scheduler: Scheduler;
  log: FastifyBaseLogger;
  drain: Drain;
}
