import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CachePort } from '../../cache/cache.port.ts';
import {
  cacheBackends,
  enedisAdapter,
  PATHS,
  PRMS,
  rejection,
  startTestEmulator,
  type AdapterOverrides,
} from './enedis-test-support.ts';

/** The Enedis token as the adapter handles it, against the real emulator over loopback HTTP. */
describe('Enedis client-credentials token', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  const control = () => emulator.app.enedisEmulator;
  const tokenCalls = () => control().stats.byRoute[PATHS.token] ?? 0;
  const dataCalls = () => control().stats.byRoute[PATHS.dailyConsumption] ?? 0;
  const today = parisToday(new Date());
  const readDays = (adapter: ReturnType<typeof enedisAdapter>) =>
    adapter.api.dailyEnergy('consumption', PRMS.complete, addDays(today, -3), addDays(today, -1));
  let scopes = 0;
  /** Each test gets its own token namespace in the cache. */
  const adapter = (overrides: AdapterOverrides = {}) =>
    enedisAdapter(emulator.url, { scope: `token-test-${scopes}`, ...overrides });

  beforeAll(async () => {
    // Real clock: the emulator's token lifetimes run on real time here.
    emulator = await startTestEmulator();
  });
  afterAll(async () => emulator.close());
  beforeEach(() => {
    scopes += 1;
    control().resetStats();
    control().configure({ tokenLifetimeSeconds: 12_600 });
  });

  it('requests one token and reuses it for many calls, concurrent or not', async () => {
    const enedis = adapter();
    await Promise.all(Array.from({ length: 8 }, () => readDays(enedis)));
    await readDays(enedis);
    await readDays(enedis);
    expect(dataCalls()).toBe(10);
    expect(tokenCalls()).toBe(1);
    expect(enedis.tokens.stats.requests).toBe(1);
  });

  it('renews the token 5 minutes before its expiry (12,600 s), not earlier', async () => {
    let now = Date.now();
    const enedis = adapter({ now: () => now });
    await readDays(enedis);
    const first = await enedis.tokens.get();
    now += (12_600 - 300 - 2) * 1000; // 2 s before the renewal margin
    await readDays(enedis);
    expect(tokenCalls()).toBe(1);
    now += 3000; // inside the last 5 minutes
    await readDays(enedis);
    expect(tokenCalls()).toBe(2);
    expect(await enedis.tokens.get()).not.toBe(first);
    expect(control().stats.byStatus['401']).toBeUndefined();
  });

  it('keeps a short-lived token until half its life instead of renewing it on every call', async () => {
    control().configure({ tokenLifetimeSeconds: 2 });
    const enedis = adapter();
    await readDays(enedis);
    await readDays(enedis);
    expect(tokenCalls()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await readDays(enedis);
    expect(tokenCalls()).toBe(2);
    // Renewed before the emulator considered it expired: no call was refused.
    expect(control().stats.byStatus['401']).toBeUndefined();
  });

  it('after a 401 on a data call renews the token once and the call succeeds', async () => {
    const enedis = adapter();
    await readDays(enedis);
    control().revokeAllTokens();
    await expect(readDays(enedis)).resolves.toHaveLength(2);
    expect(control().stats.byStatus['401']).toBe(1);
    expect(tokenCalls()).toBe(2);
  });

  it('answers 502 ENEDIS_ERROR without retrying when Enedis refuses the gateway credentials', async () => {
    const enedis = adapter({ clientSecret: 'not-the-secret', maxAttempts: 4 });
    const error = await rejection(readDays(enedis));
    expect(error).toMatchObject({ status: 502, code: 'ENEDIS_ERROR' });
    expect(tokenCalls()).toBe(1);
    expect(dataCalls()).toBe(0);
  });

  describe.each(cacheBackends)('shared through the $name cache', (backend) => {
    let cache: CachePort;
    beforeAll(() => {
      cache = backend.open();
    });
    afterAll(async () => backend.cleanup(cache));

    it('a second adapter instance reuses the token the first one stored', async () => {
      const first = adapter({ cache });
      const second = adapter({ cache });
      const third = adapter({ cache });
      await readDays(first);
      await readDays(second);
      // The scheduled job of an instance that has no token in memory yet must not renew a fresh shared one.
      await third.tokens.refreshIfNeeded();
      expect(tokenCalls()).toBe(1);
      expect(await second.tokens.get()).toBe(await first.tokens.get());
      expect(await third.tokens.get()).toBe(await first.tokens.get());
    });

    it('two instances starting at once make one token request between them', async () => {
      const instances = [adapter({ cache }), adapter({ cache }), adapter({ cache })];
      // Straight to the tokens: through data calls the pacing would space the instances out.
      const tokens = await Promise.all(instances.flatMap((instance) => [instance.tokens.get(), instance.tokens.get()]));
      expect(new Set(tokens).size).toBe(1);
      expect(tokenCalls()).toBe(1);
      await Promise.all(instances.map((instance) => readDays(instance)));
      expect(tokenCalls()).toBe(1);
      expect(dataCalls()).toBe(3);
    });

    it('the scheduled refresh renews near expiry and the other instance picks the new token up', async () => {
      let now = Date.now();
      const first = adapter({ cache, now: () => now });
      const second = adapter({ cache, now: () => now });
      const old = await first.tokens.get();
      now += (12_600 - 60) * 1000;
      await second.tokens.refreshIfNeeded();
      expect(tokenCalls()).toBe(2);
      const renewed = await first.tokens.get();
      expect(renewed).not.toBe(old);
      expect(tokenCalls()).toBe(2);
    });

    it('a 401 on one instance does not throw away the token another instance already renewed', async () => {
      const first = adapter({ cache });
      const second = adapter({ cache });
      await readDays(first);
      await readDays(second);
      control().revokeAllTokens();
      await readDays(first); // 401, renewal, success
      await readDays(second); // 401 with the old token, then the token `first` renewed
      expect(control().stats.byStatus['401']).toBe(2);
      expect(tokenCalls()).toBe(2);
    });

    it('stores the token sealed: the cache never holds it in clear', async () => {
      const enedis = adapter({ cache });
      const token = await enedis.tokens.get();
      const keys = await cache.keys(`enedis:token-test-${scopes}:`);
      expect(keys).toContain(`enedis:token-test-${scopes}:token`);
      for (const key of keys) {
        const raw = (await cache.get(key)) ?? Buffer.alloc(0);
        expect(raw.includes(token), key).toBe(false);
        expect(raw.toString('latin1')).not.toContain('accessToken');
      }
    });
  });
});
