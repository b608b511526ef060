import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const url = z.url({ protocol: /^https?$/ });
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/**
 * Every environment variable the server reads, with its default. One sentence per variable is in
 * `.env.example`; keep both in step. Names follow the reference implementation.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // false: the local client mode (one household syncing from a gateway). HOST, PORT, DATA_DIR and the two
  // URLs default per mode (config.ts), so both modes run side by side on one machine; empty means the default.
  SERVER_MODE: bool.default(true),
  HOST: optionalString,
  PORT: z.preprocess(emptyToUndefined, int(0, 65535).optional()),
  DATA_DIR: optionalString,
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgresql://')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^(redis|rediss|valkey|valkeys):\/\//, 'must start with redis:// or rediss://')
    .optional(),
  SECRET_KEY: optionalString,
  ACCESS_TOKEN_EXPIRE_MINUTES: int(5, 60 * 24 * 90).default(60 * 24 * 30),
  FRONTEND_URL: z.preprocess(emptyToUndefined, url.optional()),
  BACKEND_URL: z.preprocess(emptyToUndefined, url.optional()),
  ADMIN_EMAILS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    ),
  REQUIRE_EMAIL_VERIFICATION: bool.default(false),
  REQUIRE_CAPTCHA: bool.default(false),
  TURNSTILE_SITE_KEY: optionalString,
  TURNSTILE_SECRET_KEY: optionalString,
  TURNSTILE_VERIFY_URL: url.default('https://challenges.cloudflare.com/turnstile/v0/siteverify'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('MyElectricalData <no-reply@myelectricaldata.local>'),
  ALLOW_FILE_OUTBOX_IN_PRODUCTION: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Unset: pretty in development on a terminal, JSON otherwise (http/log-format.ts).
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  TRUST_PROXY: bool.default(false),
  BODY_LIMIT_BYTES: int(1024, 50 * 1024 * 1024).default(1024 * 1024),
  // Default 5 in production, 0 otherwise (config.ts): a load balancer needs the time, Ctrl-C does not.
  // Empty (as copied from .env.example) means the default, not 0.
  SHUTDOWN_DELAY_SECONDS: z.preprocess((value) => (value === '' ? undefined : value), int(0, 300).optional()),
  SHUTDOWN_TIMEOUT_SECONDS: int(1, 3600).default(20),
  // A scrape token is a credential: short ones can be guessed.
  METRICS_TOKEN: optionalString.refine(
    (token) => token === undefined || token.length >= 16,
    'must be at least 16 characters',
  ),
  LOGIN_MAX_ATTEMPTS_PER_EMAIL: int(1, 10_000).default(10),
  LOGIN_MAX_ATTEMPTS_PER_IP: int(1, 100_000).default(50),
  SIGNUP_MAX_PER_IP: int(1, 100_000).default(10),
  THROTTLE_WINDOW_SECONDS: int(1, 86_400).default(900),
  CACHE_TTL_SECONDS: int(60, 365 * 86_400).default(86_400),
  USER_DAILY_LIMIT_NO_CACHE: int(0, 10_000_000).default(50),
  USER_DAILY_LIMIT_WITH_CACHE: int(0, 10_000_000).default(1000),
  CONSENT_MAX_PRMS_PER_DAY: int(1, 1000).default(10),
  ENEDIS_ENVIRONMENT: z.enum(['production', 'sandbox', 'emulator']).optional(),
  ENEDIS_CLIENT_ID: optionalString,
  ENEDIS_CLIENT_SECRET: optionalString,
  ENEDIS_REDIRECT_URI: url.optional(),
  ENEDIS_BASE_URL: url.optional(),
  ENEDIS_AUTHORIZE_URL: url.optional(),
  ENEDIS_RATE_LIMIT_PER_SECOND: int(1, 100).default(5),
  ENEDIS_TIMEOUT_MS: int(1000, 120_000).default(30_000),
  ENEDIS_MAX_ATTEMPTS: int(1, 10).default(5),
  EMULATOR_LATENCY_MS: int(0, 60_000).default(0),
  ALLOW_EMULATOR_IN_PRODUCTION: bool.default(false),
  RTE_CLIENT_ID: optionalString,
  RTE_CLIENT_SECRET: optionalString,
  RTE_BASE_URL: url.optional(),
  RTE_TIMEOUT_MS: int(1000, 120_000).default(30_000),
  RTE_MAX_ATTEMPTS: int(1, 10).default(3),
  RTE_RETENTION_DAYS: int(7, 3650).default(400),
  JOBS_ENABLED: bool.default(true),
  JOBS_RETRY_MIN_SECONDS: int(1, 3600).default(30),
  JOBS_RETRY_MAX_SECONDS: int(1, 86_400).default(1800),
  ACTIVITY_LOG_RETENTION_DAYS: int(1, 3650).default(90),
  DEMO_ENABLED: bool.default(false),
  // Client mode only: the gateway this household syncs from, and its credentials there.
  MED_API_URL: url.default('https://www.v2.myelectricaldata.fr/api'),
  MED_CLIENT_ID: optionalString,
  MED_CLIENT_SECRET: optionalString,
  MED_TIMEOUT_MS: int(1000, 300_000).default(60_000),
  // Client mode only: protects the local web app and API; required when HOST is not a loopback address.
  LOCAL_PASSWORD: optionalString.refine(
    (password) => password === undefined || password.length >= 8,
    'must be at least 8 characters',
  ),
});

export type RawEnv = z.infer<typeof envSchema>;
