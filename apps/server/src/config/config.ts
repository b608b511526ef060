import { resolve } from 'node:path';
import serverPackage from '../../package.json' with { type: 'json' };
import { envSchema, type RawEnv } from './env.ts';
import { enedisEnvironmentOf, productionDefaultProblems } from './production-rules.ts';
import { loadOrCreateDevSecretKey, secretKeyWeakness } from './secret-key.ts';

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Typed, frozen configuration. Read env only here. */
export interface Config {
  env: RawEnv['NODE_ENV'];
  serverMode: boolean;
  version: string;
  http: {
    host: string;
    port: number;
    trustProxy: boolean;
    bodyLimit: number;
    frontendUrl: string;
    backendUrl: string;
    /**
     * On shutdown, time spent still serving while `/ready` answers 503, so load balancers stop sending
     * new requests before the listener closes (connections arriving after that are refused).
     */
    shutdownDelayMs: number;
    /** Longest wait for in-flight requests once the listener is closed, before their connections are cut. */
    shutdownTimeoutMs: number;
  };
  metrics: MetricsConfig;
  dataDir: string;
  databaseUrl: string;
  redisUrl: string | undefined;
  secretKey: string;
  auth: {
    accessTokenMinutes: number;
    adminEmails: readonly string[];
    requireEmailVerification: boolean;
    cookieSecure: boolean;
  };
  captcha: { required: boolean; siteKey: string | undefined; secretKey: string | undefined; verifyUrl: string };
  /** `smtpUrl` unset: mails go to the file outbox (production needs ALLOW_FILE_OUTBOX_IN_PRODUCTION). */
  mail: { smtpUrl: string | undefined; from: string };
  throttle: { loginPerEmail: number; loginPerIp: number; signupPerIp: number; windowSeconds: number };
  quotas: { noCachePerDay: number; withCachePerDay: number };
  /** Meters one account may bind through the consent callback per Paris day (renewals included). */
  consentMaxPrmsPerDay: number;
  cacheTtlSeconds: number;
  logLevel: RawEnv['LOG_LEVEL'];
  /** LOG_FORMAT as given; unset, the logger picks pretty on a development terminal, JSON otherwise. */
  logFormat: RawEnv['LOG_FORMAT'];
  enedis: EnedisConfig;
  demoEnabled: boolean;
  rte: RteConfig;
  jobs: JobsConfig;
  /** Days of `activity_log` rows (they hold client IPs) kept by the housekeeping job. */
  activityLogRetentionDays: number;
  /** The local client mode (`serverMode` false); read only in that mode. */
  client: ClientModeConfig;
}

/**
 * Client mode: the MyElectricalData gateway this household syncs from (ours or the public one) and the
 * credentials of its account there. Missing credentials do not stop the start: the status route says so.
 */
export interface ClientModeConfig {
  /** Gateway API root, `/api` included (e.g. `http://localhost:8000/api`), without a trailing slash. */
  apiUrl: string;
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** Timeout of one gateway call. */
  timeoutMs: number;
  /** When set, every local API call and page needs it (HTTP Basic or Bearer). */
  localPassword: string | undefined;
}

/**
 * `/metrics`: with a token, only `Authorization: Bearer <token>` reads it; without one it is open outside
 * production and not served at all in production (process and traffic figures are not for the public).
 */
export interface MetricsConfig {
  token: string | undefined;
  enabled: boolean;
}

/** Enedis Data Connect access. `emulator` (the default without credentials) starts the loopback emulator. */
export interface EnedisConfig {
  environment: 'production' | 'sandbox' | 'emulator';
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** Overrides the environment's data/token host (tests point it at a running emulator). */
  baseUrl: string | undefined;
  authorizeUrl: string | undefined;
  redirectUri: string;
  ratePerSecond: number;
  timeoutMs: number;
  maxAttempts: number;
  emulatorLatencyMs: number;
}

/**
 * RTE data APIs. Without `RTE_CLIENT_ID` the emulator answers (the embedded one, or `baseUrl` when set)
 * with the emulator's own application credentials.
 */
export interface RteConfig {
  useEmulator: boolean;
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** RTE_BASE_URL as given; the gateway fills the default (RTE's host, or the embedded emulator). */
  baseUrl: string | undefined;
  timeoutMs: number;
  maxAttempts: number;
  /** Days of national consumption and generation forecast rows kept by the cleanup job. */
  retentionDays: number;
}

/** Scheduled jobs of this instance; retries of a failing job wait between `retryMinMs` and `retryMaxMs`. */
export interface JobsConfig {
  enabled: boolean;
  retryMinMs: number;
  retryMaxMs: number;
}

/** Version shown by /ping and /api/config, read from the package manifest (never hard-coded). */
export const APP_VERSION: string = serverPackage.version;

/**
 * Parses `source` (default `process.env`) and reports every problem at once.
 * Throws ConfigError listing all invalid variables.
 */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  const problems = crossVariableProblems(source);
  if (!parsed.success) {
    throw new ConfigError([
      ...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      ...problems,
    ]);
  }
  const env = parsed.data;
  // Per mode, so a gateway and a client started from the same folder never share a database or a key.
  const dataDir = resolve(env.DATA_DIR ?? (env.SERVER_MODE ? './data' : './data-client'));

  let secretKey = env.SECRET_KEY;
  // A household's client keeps a generated key in DATA_DIR even in production: it protects local data only.
  if ((env.NODE_ENV !== 'production' || !env.SERVER_MODE) && secretKey === undefined) {
    secretKey = loadOrCreateDevSecretKey(dataDir);
  }
  const enedisEnvironment = enedisEnvironmentOf(env.ENEDIS_ENVIRONMENT, env.ENEDIS_CLIENT_ID);
  if (enedisEnvironment !== 'emulator' && !(env.ENEDIS_CLIENT_ID && env.ENEDIS_CLIENT_SECRET)) {
    problems.push(`ENEDIS_ENVIRONMENT=${enedisEnvironment} needs ENEDIS_CLIENT_ID and ENEDIS_CLIENT_SECRET`);
  }
  if (env.RTE_CLIENT_ID && !env.RTE_CLIENT_SECRET) {
    problems.push('RTE_CLIENT_ID needs RTE_CLIENT_SECRET');
  }
  if (env.JOBS_RETRY_MAX_SECONDS < env.JOBS_RETRY_MIN_SECONDS) {
    problems.push('JOBS_RETRY_MAX_SECONDS must be >= JOBS_RETRY_MIN_SECONDS');
  }
  if (problems.length > 0 || secretKey === undefined) {
    throw new ConfigError(problems);
  }

  const listen = listenDefaults(env);
  const frontendUrl = (env.FRONTEND_URL ?? listen.url).replace(/\/$/, '');
  const backendUrl = (env.BACKEND_URL ?? listen.url).replace(/\/$/, '');

  const config: Config = {
    env: env.NODE_ENV,
    serverMode: env.SERVER_MODE,
    version: APP_VERSION,
    http: {
      host: listen.host,
      port: listen.port,
      trustProxy: env.TRUST_PROXY,
      bodyLimit: env.BODY_LIMIT_BYTES,
      frontendUrl,
      backendUrl,
      shutdownDelayMs: (env.SHUTDOWN_DELAY_SECONDS ?? (env.NODE_ENV === 'production' ? 5 : 0)) * 1000,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    },
    metrics: { token: env.METRICS_TOKEN, enabled: env.METRICS_TOKEN !== undefined || env.NODE_ENV !== 'production' },
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'myelectricaldata.db')}`,
    redisUrl: env.REDIS_URL,
    secretKey,
    auth: {
      accessTokenMinutes: env.ACCESS_TOKEN_EXPIRE_MINUTES,
      adminEmails: Object.freeze([...env.ADMIN_EMAILS]),
      requireEmailVerification: env.REQUIRE_EMAIL_VERIFICATION,
      cookieSecure: frontendUrl.startsWith('https://'),
    },
    captcha: {
      required: env.REQUIRE_CAPTCHA,
      siteKey: env.TURNSTILE_SITE_KEY,
      secretKey: env.TURNSTILE_SECRET_KEY,
      verifyUrl: env.TURNSTILE_VERIFY_URL,
    },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    throttle: {
      loginPerEmail: env.LOGIN_MAX_ATTEMPTS_PER_EMAIL,
      loginPerIp: env.LOGIN_MAX_ATTEMPTS_PER_IP,
      signupPerIp: env.SIGNUP_MAX_PER_IP,
      windowSeconds: env.THROTTLE_WINDOW_SECONDS,
    },
    quotas: { noCachePerDay: env.USER_DAILY_LIMIT_NO_CACHE, withCachePerDay: env.USER_DAILY_LIMIT_WITH_CACHE },
    consentMaxPrmsPerDay: env.CONSENT_MAX_PRMS_PER_DAY,
    cacheTtlSeconds: env.CACHE_TTL_SECONDS,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    enedis: {
      environment: enedisEnvironment,
      clientId: env.ENEDIS_CLIENT_ID,
      clientSecret: env.ENEDIS_CLIENT_SECRET,
      baseUrl: env.ENEDIS_BASE_URL,
      authorizeUrl: env.ENEDIS_AUTHORIZE_URL,
      redirectUri: env.ENEDIS_REDIRECT_URI ?? `${backendUrl}/api/oauth/callback`,
      ratePerSecond: env.ENEDIS_RATE_LIMIT_PER_SECOND,
      timeoutMs: env.ENEDIS_TIMEOUT_MS,
      maxAttempts: env.ENEDIS_MAX_ATTEMPTS,
      emulatorLatencyMs: env.EMULATOR_LATENCY_MS,
    },
    demoEnabled: env.DEMO_ENABLED,
    rte: {
      useEmulator: env.RTE_CLIENT_ID === undefined,
      clientId: env.RTE_CLIENT_ID,
      clientSecret: env.RTE_CLIENT_SECRET,
      baseUrl: env.RTE_BASE_URL?.replace(/\/$/, ''),
      timeoutMs: env.RTE_TIMEOUT_MS,
      maxAttempts: env.RTE_MAX_ATTEMPTS,
      retentionDays: env.RTE_RETENTION_DAYS,
    },
    jobs: {
      enabled: env.JOBS_ENABLED,
      retryMinMs: env.JOBS_RETRY_MIN_SECONDS * 1000,
      retryMaxMs: env.JOBS_RETRY_MAX_SECONDS * 1000,
    },
    activityLogRetentionDays: env.ACTIVITY_LOG_RETENTION_DAYS,
    client: {
      apiUrl: env.MED_API_URL.replace(/\/+$/, ''),
      clientId: env.MED_CLIENT_ID,
      clientSecret: env.MED_CLIENT_SECRET,
      timeoutMs: env.MED_TIMEOUT_MS,
      localPassword: env.LOCAL_PASSWORD,
    },
  };
  return deepFreeze(config);
}

/** Default ports: 8000 for the gateway, 8100 for the local client, so both run on one machine. */
export const DEFAULT_PORT = { server: 8000, client: 8100 } as const;

/**
 * Where to listen when HOST/PORT are unset: the gateway on every interface, the local client on loopback
 * only (its data is one household's; LOCAL_PASSWORD is required to open it wider).
 */
function listenDefaults(env: RawEnv): { host: string; port: number; url: string } {
  const defaultPort = env.SERVER_MODE ? DEFAULT_PORT.server : DEFAULT_PORT.client;
  return {
    host: env.HOST ?? (env.SERVER_MODE ? '0.0.0.0' : '127.0.0.1'),
    port: env.PORT ?? defaultPort,
    url: `http://localhost:${env.PORT ?? defaultPort}`,
  };
}

/** `localhost`, 127.0.0.0/8 and ::1: only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Rules spanning several variables. Each variable is read on its own, so these rules are reported
 * together with the schema problems of other variables ("every problem at once").
 */
function crossVariableProblems(source: Record<string, string | undefined>): string[] {
  const read = <K extends keyof RawEnv>(key: K): RawEnv[K] | undefined => {
    const result = envSchema.shape[key].safeParse(source[key]);
    return result.success ? (result.data as RawEnv[K]) : undefined;
  };
  const problems: string[] = [];
  const serverMode = read('SERVER_MODE') !== false;
  if (!serverMode) {
    const host = read('HOST') ?? '127.0.0.1';
    if (!isLoopbackHost(host) && read('LOCAL_PASSWORD') === undefined) {
      problems.push(
        `HOST=${host} opens the local client beyond this machine; set LOCAL_PASSWORD (8+ characters) ` +
          'to protect the household data, or listen on 127.0.0.1',
      );
    }
    // A generated key is fine for a household; a weak one given explicitly is still refused.
    const secret = read('SECRET_KEY');
    const weakness = read('NODE_ENV') === 'production' && secret !== undefined ? secretKeyWeakness(secret) : null;
    if (weakness) {
      problems.push(weakness);
    }
  } else if (read('NODE_ENV') === 'production') {
    const weakness = secretKeyWeakness(read('SECRET_KEY'));
    if (weakness) {
      problems.push(weakness);
    }
    problems.push(
      ...productionDefaultProblems({
        enedisEnvironment: read('ENEDIS_ENVIRONMENT'),
        enedisClientId: read('ENEDIS_CLIENT_ID'),
        rteClientId: read('RTE_CLIENT_ID'),
        // Set at all: an invalid SMTP_URL is reported by the schema already.
        smtpUrlSet: (source.SMTP_URL ?? '').trim() !== '',
        allowEmulator: read('ALLOW_EMULATOR_IN_PRODUCTION') === true,
        allowFileOutbox: read('ALLOW_FILE_OUTBOX_IN_PRODUCTION') === true,
      }),
    );
  }
  if (read('REQUIRE_CAPTCHA') && !read('TURNSTILE_SECRET_KEY')) {
    problems.push('REQUIRE_CAPTCHA=true needs TURNSTILE_SECRET_KEY');
  }
  return problems;
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object' && !Object.isFrozen(child)) {
      deepFreeze(child as object);
    }
  }
  return Object.freeze(value);
}
