import { resolve } from 'node:path';
import serverPackage from '../../package.json' with { type: 'json' };
import { envSchema, type RawEnv } from './env.ts';
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
  http: { host: string; port: number; trustProxy: boolean; bodyLimit: number; frontendUrl: string; backendUrl: string };
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
  mail: { smtpUrl: string | undefined; from: string };
  throttle: { loginPerEmail: number; loginPerIp: number; signupPerIp: number; windowSeconds: number };
  quotas: { noCachePerDay: number; withCachePerDay: number };
  cacheTtlSeconds: number;
  logLevel: RawEnv['LOG_LEVEL'];
}

/** Version shown by /ping and /api/config, read from the package manifest (never hard-coded). */
export const APP_VERSION: string = serverPackage.version;

/**
 * Parses `source` (default `process.env`) and reports every problem at once.
 * Throws ConfigError listing all invalid variables.
 */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  const dataDir = resolve(env.DATA_DIR);

  let secretKey = env.SECRET_KEY;
  if (env.NODE_ENV === 'production') {
    const weakness = secretKeyWeakness(secretKey);
    if (weakness) problems.push(weakness);
  } else if (secretKey === undefined) {
    secretKey = loadOrCreateDevSecretKey(dataDir);
  }
  if (env.REQUIRE_CAPTCHA && !env.TURNSTILE_SECRET_KEY) {
    problems.push('REQUIRE_CAPTCHA=true needs TURNSTILE_SECRET_KEY');
  }
  if (problems.length > 0 || secretKey === undefined) throw new ConfigError(problems);

  const config: Config = {
    env: env.NODE_ENV,
    serverMode: env.SERVER_MODE,
    version: APP_VERSION,
    http: {
      host: env.HOST,
      port: env.PORT,
      trustProxy: env.TRUST_PROXY,
      bodyLimit: env.BODY_LIMIT_BYTES,
      frontendUrl: env.FRONTEND_URL.replace(/\/$/, ''),
      backendUrl: env.BACKEND_URL.replace(/\/$/, ''),
    },
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'myelectricaldata.db')}`,
    redisUrl: env.REDIS_URL,
    secretKey,
    auth: {
      accessTokenMinutes: env.ACCESS_TOKEN_EXPIRE_MINUTES,
      adminEmails: Object.freeze([...env.ADMIN_EMAILS]),
      requireEmailVerification: env.REQUIRE_EMAIL_VERIFICATION,
      cookieSecure: env.FRONTEND_URL.startsWith('https://'),
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
    cacheTtlSeconds: env.CACHE_TTL_SECONDS,
    logLevel: env.LOG_LEVEL,
  };
  return deepFreeze(config);
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object' && !Object.isFrozen(child)) deepFreeze(child as object);
  }
  return Object.freeze(value);
}
