import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const STRONG_KEY = 'Zq8vN2xK7mLp4RtW9yBc3HdF6gJs1QaE5uVo0iXn';
/** Production with the development defaults (emulators, file outbox) allowed on purpose. */
const PRODUCTION_OPT_INS = { ALLOW_EMULATOR_IN_PRODUCTION: 'true', ALLOW_FILE_OUTBOX_IN_PRODUCTION: 'true' };
/** Production with real upstreams: nothing to opt into. */
const PRODUCTION_UPSTREAMS = {
  ENEDIS_CLIENT_ID: 'enedis-app',
  ENEDIS_CLIENT_SECRET: 'enedis-secret',
  RTE_CLIENT_ID: 'rte-app',
  RTE_CLIENT_SECRET: 'rte-secret',
  SMTP_URL: 'smtp://mail.example:587',
};

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'med-config-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('lists every problem in one ConfigError', () => {
    const problems = problemsOf({
      DATA_DIR: tempDir(),
      NODE_ENV: 'production',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://localhost/db',
      REDIS_URL: 'http://localhost:6379',
      FRONTEND_URL: 'not a url',
      LOG_LEVEL: 'loud',
      REQUIRE_CAPTCHA: 'true',
    });
    const text = problems.join('\n');
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'REDIS_URL',
      'FRONTEND_URL',
      'LOG_LEVEL',
      'SECRET_KEY',
      'TURNSTILE_SECRET_KEY',
    ]) {
      expect(text, name).toContain(name);
    }
    expect(problems.length).toBeGreaterThanOrEqual(7);
    // The message of the error itself names them too (that is what main.ts prints).
    expect(() => loadConfig({ DATA_DIR: tempDir(), PORT: '-1', BODY_LIMIT_BYTES: '1' })).toThrow(
      /PORT[\s\S]*BODY_LIMIT_BYTES|BODY_LIMIT_BYTES[\s\S]*PORT/,
    );
  });

  it.each([
    ['missing', undefined, /required/],
    ['short', 'aB3$dE6&', /at least 32/],
    ['placeholder', 'changeme-changeme-changeme-changeme-42', /placeholder/],
    ['dev- prefixed', 'dev-Zq8vN2xK7mLp4RtW9yBc3HdF6gJs1QaE5u', /placeholder/],
    ['low-entropy', 'abababababababababababababababababab', /distinct/],
  ])('refuses a %s SECRET_KEY in production', (_label, key, message) => {
    const problems = problemsOf({
      DATA_DIR: tempDir(),
      NODE_ENV: 'production',
      ...PRODUCTION_OPT_INS,
      ...(key === undefined ? {} : { SECRET_KEY: key }),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/SECRET_KEY/);
    expect(problems[0]).toMatch(message);
  });

  it('accepts a strong SECRET_KEY in production and never writes a key file', () => {
    const dataDir = tempDir();
    const config = loadConfig({
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      SECRET_KEY: STRONG_KEY,
      ...PRODUCTION_OPT_INS,
    });
    expect(config.secretKey).toBe(STRONG_KEY);
    expect(() => statSync(join(dataDir, 'secret_key'))).toThrow();
  });

  it('refuses emulator data and the file mail outbox in production unless allowed, listing each with its fix', () => {
    const dataDir = tempDir();
    const problems = problemsOf({ DATA_DIR: dataDir, NODE_ENV: 'production', SECRET_KEY: STRONG_KEY, PORT: 'x' });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^PORT: /);
    expect(problems[1]).toMatch(/^ENEDIS_CLIENT_ID: .*simulated.*ALLOW_EMULATOR_IN_PRODUCTION=true/);
    expect(problems[2]).toMatch(/^RTE_CLIENT_ID: .*simulated.*ALLOW_EMULATOR_IN_PRODUCTION=true/);
    expect(problems[3]).toMatch(/^SMTP_URL: .*DATA_DIR\/outbox.*ALLOW_FILE_OUTBOX_IN_PRODUCTION=true/);

    // An explicit emulator environment is refused too, even with credentials.
    expect(
      problemsOf({
        DATA_DIR: dataDir,
        NODE_ENV: 'production',
        SECRET_KEY: STRONG_KEY,
        ...PRODUCTION_UPSTREAMS,
        ENEDIS_ENVIRONMENT: 'emulator',
      }),
    ).toEqual([expect.stringMatching(/^ENEDIS_ENVIRONMENT: emulator, .*ALLOW_EMULATOR_IN_PRODUCTION=true/)]);
    // Each opt-in lifts only its own refusal.
    expect(
      problemsOf({
        DATA_DIR: dataDir,
        NODE_ENV: 'production',
        SECRET_KEY: STRONG_KEY,
        ALLOW_EMULATOR_IN_PRODUCTION: 'true',
      }),
    ).toEqual([expect.stringMatching(/^SMTP_URL: /)]);
    expect(
      problemsOf({
        DATA_DIR: dataDir,
        NODE_ENV: 'production',
        SECRET_KEY: STRONG_KEY,
        ENEDIS_CLIENT_ID: PRODUCTION_UPSTREAMS.ENEDIS_CLIENT_ID,
        ENEDIS_CLIENT_SECRET: PRODUCTION_UPSTREAMS.ENEDIS_CLIENT_SECRET,
        ALLOW_FILE_OUTBOX_IN_PRODUCTION: 'yes',
        RTE_CLIENT_ID: '',
      }),
    ).toEqual([expect.stringMatching(/^RTE_CLIENT_ID: /)]);

    const real = loadConfig({
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      SECRET_KEY: STRONG_KEY,
      ...PRODUCTION_UPSTREAMS,
    });
    expect(real.enedis.environment).toBe('production');
    expect(real.rte.useEmulator).toBe(false);
    const allowed = loadConfig({
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      SECRET_KEY: STRONG_KEY,
      ...PRODUCTION_OPT_INS,
    });
    expect(allowed.enedis.environment).toBe('emulator');
    expect(allowed.mail.smtpUrl).toBeUndefined();
    // Development keeps its zero-configuration start.
    expect(loadConfig({ DATA_DIR: dataDir, SECRET_KEY: STRONG_KEY }).enedis.environment).toBe('emulator');
  });

  it('serves /metrics openly outside production, only with METRICS_TOKEN in production', () => {
    const dataDir = tempDir();
    const base = { DATA_DIR: dataDir, SECRET_KEY: STRONG_KEY };
    expect(loadConfig(base).metrics).toEqual({ token: undefined, enabled: true });
    expect(loadConfig({ ...base, NODE_ENV: 'production', ...PRODUCTION_OPT_INS }).metrics).toEqual({
      token: undefined,
      enabled: false,
    });
    const token = 'scrape-0123456789abcdef';
    expect(
      loadConfig({ ...base, NODE_ENV: 'production', ...PRODUCTION_OPT_INS, METRICS_TOKEN: token }).metrics,
    ).toEqual({
      token,
      enabled: true,
    });
    expect(problemsOf({ ...base, METRICS_TOKEN: 'short' })).toEqual(['METRICS_TOKEN: must be at least 16 characters']);
  });

  it('reads the retention, shutdown and their bounds', () => {
    const dataDir = tempDir();
    const defaults = loadConfig({ DATA_DIR: dataDir, SECRET_KEY: STRONG_KEY });
    expect(defaults.activityLogRetentionDays).toBe(90);
    expect(defaults.http).toMatchObject({ shutdownDelayMs: 0, shutdownTimeoutMs: 20_000 });
    const production = loadConfig({
      DATA_DIR: dataDir,
      SECRET_KEY: STRONG_KEY,
      NODE_ENV: 'production',
      ...PRODUCTION_OPT_INS,
      // Empty, as copied from .env.example: the default.
      SHUTDOWN_DELAY_SECONDS: '',
    });
    expect(production.http).toMatchObject({ shutdownDelayMs: 5000, shutdownTimeoutMs: 20_000 });
    const custom = loadConfig({
      DATA_DIR: dataDir,
      SECRET_KEY: STRONG_KEY,
      ACTIVITY_LOG_RETENTION_DAYS: '30',
      SHUTDOWN_TIMEOUT_SECONDS: '5',
      SHUTDOWN_DELAY_SECONDS: '2',
    });
    expect(custom.activityLogRetentionDays).toBe(30);
    expect(custom.http).toMatchObject({ shutdownDelayMs: 2000, shutdownTimeoutMs: 5000 });
    const problems = problemsOf({
      DATA_DIR: dataDir,
      SECRET_KEY: STRONG_KEY,
      ACTIVITY_LOG_RETENTION_DAYS: '0',
      SHUTDOWN_TIMEOUT_SECONDS: '0',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'ACTIVITY_LOG_RETENTION_DAYS',
      'SHUTDOWN_TIMEOUT_SECONDS',
    ]);
  });

  it('outside production generates a key once in DATA_DIR (mode 0600) and reuses it', () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = join(dataDir, 'secret_key');
    expect(first.secretKey.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secretKey);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' });
    expect(second.secretKey).toBe(first.secretKey);
    // An explicit key wins over the stored one.
    expect(loadConfig({ DATA_DIR: dataDir, SECRET_KEY: STRONG_KEY }).secretKey).toBe(STRONG_KEY);
  });

  it('replaces a truncated stored key', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'secret_key'), 'short\n');
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.secretKey).not.toBe('short');
    expect(readFileSync(join(dataDir, 'secret_key'), 'utf8').trim()).toBe(config.secretKey);
  });

  it('defaults DATABASE_URL to <DATA_DIR>/myelectricaldata.db and keeps an explicit one', () => {
    const dataDir = tempDir();
    expect(loadConfig({ DATA_DIR: dataDir, SECRET_KEY: STRONG_KEY }).databaseUrl).toBe(
      `sqlite:${resolve(dataDir, 'myelectricaldata.db')}`,
    );
    expect(
      loadConfig({ DATA_DIR: dataDir, SECRET_KEY: STRONG_KEY, DATABASE_URL: 'postgresql://u@h/db' }).databaseUrl,
    ).toBe('postgresql://u@h/db');
  });

  it('accepts SERVER_MODE=false (the local client) with its own defaults', () => {
    const client = loadConfig({ DATA_DIR: tempDir(), SECRET_KEY: STRONG_KEY, SERVER_MODE: 'false' });
    expect(client.serverMode).toBe(false);
    expect(client.http).toMatchObject({ host: '127.0.0.1', port: 8100 });
    expect(loadConfig({ DATA_DIR: tempDir(), SECRET_KEY: STRONG_KEY, SERVER_MODE: 'true' }).serverMode).toBe(true);
  });

  it('lets a production client generate its key, but not run a weak one or listen widely without a password', () => {
    const dataDir = tempDir();
    expect(loadConfig({ NODE_ENV: 'production', SERVER_MODE: 'false', DATA_DIR: dataDir }).secretKey).toHaveLength(64);
    expect(
      problemsOf({ NODE_ENV: 'production', SERVER_MODE: 'false', DATA_DIR: dataDir, SECRET_KEY: 'changeme' }),
    ).toEqual([expect.stringMatching(/^SECRET_KEY must be at least/)]);
    expect(
      problemsOf({ SERVER_MODE: 'false', DATA_DIR: dataDir, SECRET_KEY: STRONG_KEY, HOST: '192.168.1.10' }),
    ).toEqual([
      expect.stringMatching(/^HOST=192\.168\.1\.10 opens the local client beyond this machine; set LOCAL_PASSWORD/),
    ]);
  });

  it('requires TURNSTILE_SECRET_KEY when REQUIRE_CAPTCHA is on', () => {
    const dataDir = tempDir();
    expect(problemsOf({ DATA_DIR: dataDir, SECRET_KEY: STRONG_KEY, REQUIRE_CAPTCHA: 'true' })).toEqual([
      'REQUIRE_CAPTCHA=true needs TURNSTILE_SECRET_KEY',
    ]);
    expect(
      problemsOf({ DATA_DIR: dataDir, SECRET_KEY: STRONG_KEY, REQUIRE_CAPTCHA: '1', TURNSTILE_SECRET_KEY: '   ' }),
    ).toHaveLength(1);
    const config = loadConfig({
      DATA_DIR: dataDir,
      SECRET_KEY: STRONG_KEY,
      REQUIRE_CAPTCHA: 'yes',
      TURNSTILE_SECRET_KEY: 'ts-secret',
    });
    expect(config.captcha).toMatchObject({ required: true, secretKey: 'ts-secret' });
  });

  it('parses booleans, lists and URLs, and freezes the result', () => {
    const config = loadConfig({
      DATA_DIR: tempDir(),
      SECRET_KEY: STRONG_KEY,
      ADMIN_EMAILS: ' Boss@Example.org, ,second@example.org ',
      TRUST_PROXY: '1',
      REQUIRE_EMAIL_VERIFICATION: 'no',
      FRONTEND_URL: 'https://med.example/',
    });
    expect(config.auth.adminEmails).toEqual(['boss@example.org', 'second@example.org']);
    expect(config.http).toMatchObject({ trustProxy: true, frontendUrl: 'https://med.example' });
    expect(config.auth).toMatchObject({ requireEmailVerification: false, cookieSecure: true });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
    expect(Object.isFrozen(config.auth.adminEmails)).toBe(true);
  });
});
