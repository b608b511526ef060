/**
 * Helpers of the Enedis adapter tests: the real emulator on a random loopback port, the real adapter
 * (token provider + HTTP layer + typed API) pointed at it, and the caches to share between adapters.
 * Not imported by production code.
 */
import { randomBytes } from 'node:crypto';
import { startEmulator, type EmulatorOptions } from '@med/emulator';
import pino from 'pino';
import type { CachePort } from '../../cache/cache.port.ts';
import { MemoryCache } from '../../cache/memory-cache.ts';
import { ValkeyCache } from '../../cache/valkey-cache.ts';
import { createServerKeys, type ServerKeys } from '../../security/keys.ts';
import { createEnedisApi } from './enedis-api.ts';
import { EMULATOR_CLIENT } from './enedis-gateway.ts';
import { createEnedisHttp, type EnedisHttpOptions } from './enedis-http.ts';
import { createEnedisPacer, TOKEN_LANE } from './enedis-pacer.ts';
import { createTokenProvider } from './enedis-token.ts';

export const silentLog = pino({ level: 'silent' });
export const testKeys: ServerKeys = createServerKeys('enedis-adapter-tests-secret-key-0123456789');

/** The emulator with quotas off unless the test turns them on (the adapter's own pacing is under test elsewhere). */
export async function startTestEmulator(options: EmulatorOptions = {}) {
  return startEmulator({
    ...options,
    enedis: { ...options.enedis, rateLimit: { enabled: false, ...options.enedis?.rateLimit } },
  });
}

/** Cache backends to run the shared-cache tests on: memory always, Valkey when TEST_REDIS_URL is set. */
export const cacheBackends: { name: string; open(): CachePort; cleanup(cache: CachePort): Promise<void> }[] = [
  { name: 'memory', open: () => new MemoryCache(), cleanup: (cache) => cache.close() },
  ...(process.env.TEST_REDIS_URL
    ? [
        {
          name: 'valkey',
          open: () =>
            new ValkeyCache(process.env.TEST_REDIS_URL ?? '', `test:enedis:${randomBytes(4).toString('hex')}:`),
          async cleanup(cache: CachePort) {
            await cache.deleteByPrefix('');
            await cache.close();
          },
        },
      ]
    : []),
];

export interface AdapterOverrides extends Partial<
  Pick<EnedisHttpOptions, 'maxAttempts' | 'timeoutMs' | 'maxQuotaWaitMs' | 'retryBaseMs' | 'retryCapMs' | 'now'>
> {
  ratePerSecond?: number;
  cache?: CachePort;
  scope?: string;
  clientSecret?: string;
}

/** The production adapter against `baseUrl`, with short retry pauses and a fast pace unless overridden. */
export function enedisAdapter(baseUrl: string, overrides: AdapterOverrides = {}) {
  const cache = overrides.cache ?? new MemoryCache();
  const scope = overrides.scope ?? 'test';
  const timeoutMs = overrides.timeoutMs ?? 5000;
  const pacer = createEnedisPacer({ cache, scope, ratePerSecond: overrides.ratePerSecond ?? 200 });
  const tokens = createTokenProvider({
    tokenUrl: `${baseUrl}/oauth2/v3/token`,
    clientId: EMULATOR_CLIENT.clientId,
    clientSecret: overrides.clientSecret ?? EMULATOR_CLIENT.clientSecret,
    timeoutMs,
    cache,
    keys: testKeys,
    scope,
    pace: () => pacer.turn(TOKEN_LANE),
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  const http = createEnedisHttp({
    baseUrl,
    tokens,
    pacer,
    timeoutMs,
    maxAttempts: overrides.maxAttempts ?? 3,
    log: silentLog,
    retryBaseMs: overrides.retryBaseMs ?? 20,
    retryCapMs: overrides.retryCapMs ?? 50,
    ...(overrides.maxQuotaWaitMs === undefined ? {} : { maxQuotaWaitMs: overrides.maxQuotaWaitMs }),
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  return { cache, tokens, pacer, http, api: createEnedisApi(http) };
}

/** Resolves to the error a promise rejects with (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

export const PATHS = {
  dailyConsumption: '/metering_data_dc/v5/daily_consumption',
  consumptionLoadCurve: '/metering_data_clc/v5/consumption_load_curve',
  dailyProduction: '/metering_data_dp/v5/daily_production',
  token: '/oauth2/v3/token',
} as const;

/** Sandbox meters of reference §A8. */
export const PRMS = {
  complete: '22516914714270',
  activated20190827: '11453290002823',
  noLoadCurve: '32320647321714',
  revoked: '26584978546985',
} as const;
