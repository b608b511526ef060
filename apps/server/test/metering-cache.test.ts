import { addDays, eachDay, isoWeekday, parisToday } from '@med/core';
import { Valkey } from 'iovalkey';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backends } from './support/backends.ts';
import { createUser, STRONG_PASSWORD, type TestUser } from './support/accounts-helpers.ts';
import { giveConsent } from './support/consent-helpers.ts';
import {
  enedisEmulator,
  getReading,
  meteringCalls,
  userCacheKeys,
  userDayCache,
  userIdOf,
} from './support/metering-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const TTL_SECONDS = 60; // the shortest CACHE_TTL_SECONDS the configuration accepts
// Sandbox client 4: no data on Tuesdays and Wednesdays.
const HOLES_PRM = '42900589957123';

describe.each(backends)('metering cache lifecycle on $name', (backend) => {
  let server: TestServer;
  const today = parisToday(new Date());
  const start = addDays(today, -10);

  beforeAll(async () => {
    server = await startTestServer(backend, {
      CACHE_TTL_SECONDS: String(TTL_SECONDS),
      USER_DAILY_LIMIT_NO_CACHE: '1000',
    });
  });
  afterAll(async () => server.close());
  afterEach(() => {
    vi.useRealTimers();
    enedisEmulator(server).setFaults({ error503Rate: 0 });
    // The emulator's quota clock followed the moved Date; give it a fresh start on the real one.
    enedisEmulator(server).resetRateLimits();
  });

  // Sandbox client 4's meter can be consented by one account only: its tests share it.
  let holesOwnerOnce: Promise<TestUser> | undefined;
  const holesOwner = () => {
    holesOwnerOnce ??= createUser(server, 'cache-holes').then(async (created) => {
      await giveConsent(server, created, [HOLES_PRM]);
      return created;
    });
    return holesOwnerOnce;
  };
  const clearHolesCache = async (user: TestUser) => {
    const cleared = await server.app.inject({
      method: 'DELETE',
      url: `/api/enedis/cache/${HOLES_PRM}`,
      headers: { cookie: user.cookie },
    });
    expect(cleared.statusCode).toBe(200);
  };

  /** A user with `prms` consented and, for each, daily data, a load curve and the contract cached. */
  async function userWithCache(prefix: string, prms: string[]): Promise<{ user: TestUser; id: string }> {
    const user = await createUser(server, prefix);
    await giveConsent(server, user, prms);
    for (const prm of prms) {
      for (const url of [
        `/api/enedis/consumption/daily/${prm}?start=${start}&end=${today}&use_cache=true`,
        `/api/enedis/consumption/detail/${prm}?start=${addDays(today, -3)}&end=${today}&use_cache=true`,
        `/api/enedis/contract/${prm}`,
      ]) {
        expect((await getReading(server, user, url)).status, url).toBe(200);
      }
    }
    return { user, id: await userIdOf(server, user) };
  }

  it('deleting the account removes every cache entry of that user, and only theirs', async () => {
    const bystander = await userWithCache('cache-bystander', ['64975835695673']);
    const { user, id } = await userWithCache('cache-leaver', ['22516914714270']);
    expect((await userCacheKeys(server, id)).length).toBeGreaterThanOrEqual(3);
    const bystanderKeys = await userCacheKeys(server, bystander.id);

    const deleted = await server.app.inject({
      method: 'DELETE',
      url: '/api/accounts/me',
      headers: { cookie: user.cookie },
      payload: { password: STRONG_PASSWORD },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await userCacheKeys(server, id)).toEqual([]);
    expect((await userCacheKeys(server, bystander.id)).sort()).toEqual(bystanderKeys.sort());
  });

  it('regenerating the secret removes every cache entry of that user', async () => {
    const { user, id } = await userWithCache('cache-rotator', ['11453290002823']);
    expect((await userCacheKeys(server, id)).length).toBeGreaterThanOrEqual(3);
    const rotated = await server.app.inject({
      method: 'POST',
      url: '/api/accounts/regenerate-secret',
      headers: { cookie: user.cookie },
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(await userCacheKeys(server, id)).toEqual([]);
  });

  it('a cached day lives CACHE_TTL_SECONDS: after that the next read goes to Enedis again', async () => {
    const prm = '32320647321714';
    const user = await createUser(server, 'cache-ttl');
    await giveConsent(server, user, [prm]);
    const id = await userIdOf(server, user);
    const days = eachDay(start, today);
    const url = `/api/enedis/consumption/daily/${prm}?start=${start}&end=${today}&use_cache=true`;
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });

    const callsBefore = meteringCalls(server);
    const first = await getReading(server, user, url);
    const fetchCalls = meteringCalls(server) - callsBefore;
    expect(fetchCalls).toBeGreaterThan(0);
    expect((await userDayCache(server, id, user.clientSecret).read('consumption_daily', prm, days)).size).toBe(
      days.length,
    );
    const keys = await userCacheKeys(server, id);
    expect(keys.length).toBeGreaterThan(0);
    if (backend.redisUrl) {
      // The entries themselves expire in the store at the TTL (Valkey's clock cannot be moved).
      const valkey = new Valkey(backend.redisUrl, { keyPrefix: `test:${server.storage.suffix}:`, lazyConnect: true });
      try {
        await valkey.connect();
        for (const key of keys) {
          const ttlMs = await valkey.pttl(key);
          expect(ttlMs, key).toBeGreaterThan(0);
          expect(ttlMs, key).toBeLessThanOrEqual(TTL_SECONDS * 1000);
        }
      } finally {
        valkey.disconnect();
      }
    }

    vi.setSystemTime(Date.now() + (TTL_SECONDS - 5) * 1000);
    const stillCached = meteringCalls(server);
    const second = await getReading(server, user, url);
    expect(meteringCalls(server)).toBe(stillCached);
    expect(second.headers['x-ratelimit-scope']).toBe('cached');

    vi.setSystemTime(Date.now() + 6_000);
    expect((await userDayCache(server, id, user.clientSecret).read('consumption_daily', prm, days)).size).toBe(0);
    const expired = meteringCalls(server);
    const third = await getReading(server, user, url);
    expect(meteringCalls(server) - expired).toBe(fetchCalls);
    expect(third.headers['x-ratelimit-scope']).toBe('no_cache');
    expect(third.body.data?.meter_reading).toEqual(first.body.data?.meter_reading);
  });

  it('a day Enedis had no data for is remembered CACHE_TTL_SECONDS, then asked again; DELETE forgets it', async () => {
    const user = await holesOwner();
    await clearHolesCache(user);
    const cache = userDayCache(server, await userIdOf(server, user), user.clientSecret);
    // Older than D-7: Enedis will not publish these days any more.
    const holesStart = addDays(today, -30);
    const holesEnd = addDays(today, -8);
    const days = eachDay(holesStart, holesEnd);
    const holes = days.filter((day) => [2, 3].includes(isoWeekday(day)));
    const url = `/api/enedis/consumption/daily/${HOLES_PRM}?start=${holesStart}&end=${holesEnd}&use_cache=true`;
    const readAsking = async (scope: 'cached' | 'no_cache') => {
      const before = meteringCalls(server);
      const response = await getReading(server, user, url);
      expect(response.status).toBe(200);
      expect(response.body.error?.code).toBe('PARTIAL_DATA');
      expect(response.body.data?.missing_dates).toEqual(holes);
      expect(response.headers['x-ratelimit-scope']).toBe(scope);
      return meteringCalls(server) - before;
    };
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });

    expect(await readAsking('no_cache')).toBe(1);
    expect([...(await cache.readWithNoData('consumption_daily', HOLES_PRM, days)).noData]).toEqual(holes);

    vi.setSystemTime(Date.now() + (TTL_SECONDS - 5) * 1000);
    expect(await readAsking('cached')).toBe(0);

    vi.setSystemTime(Date.now() + 6_000);
    const expired = await cache.readWithNoData('consumption_daily', HOLES_PRM, days);
    expect([expired.found.size, expired.noData.size]).toEqual([0, 0]);
    expect(await readAsking('no_cache')).toBe(1);
    expect([...(await cache.readWithNoData('consumption_daily', HOLES_PRM, days)).noData]).toEqual(holes);

    await clearHolesCache(user);
    expect((await cache.readWithNoData('consumption_daily', HOLES_PRM, days)).noData.size).toBe(0);
    expect(await readAsking('no_cache')).toBe(1);
  });

  it('a failed Enedis call never marks its days as without data', async () => {
    const user = await holesOwner();
    await clearHolesCache(user);
    const cache = userDayCache(server, await userIdOf(server, user), user.clientSecret);
    const holesStart = addDays(today, -30);
    const holesEnd = addDays(today, -9);
    const days = eachDay(holesStart, holesEnd);
    const holes = days.filter((day) => [2, 3].includes(isoWeekday(day)));
    const emulator = enedisEmulator(server);
    for (const dataset of ['consumption/daily', 'consumption/detail/batch'] as const) {
      const cacheDataset = dataset === 'consumption/daily' ? 'consumption_daily' : 'consumption_curve';
      const url = `/api/enedis/${dataset}/${HOLES_PRM}?start=${holesStart}&end=${holesEnd}&use_cache=true`;
      emulator.setFaults({ error503Rate: 1, targets: ['metering'] });
      const failed = await getReading(server, user, url);
      emulator.setFaults({ error503Rate: 0 });
      expect(failed.status, dataset).toBe(503);
      const afterFailure = await cache.readWithNoData(cacheDataset, HOLES_PRM, days);
      expect([afterFailure.found.size, afterFailure.noData.size], dataset).toEqual([0, 0]);

      // The next read asks Enedis for the whole range, and only this answer marks the holes.
      const before = meteringCalls(server);
      const answered = await getReading(server, user, url);
      expect(meteringCalls(server) - before, dataset).toBeGreaterThan(0);
      expect(answered.body.data?.missing_dates, dataset).toEqual(holes);
      expect([...(await cache.readWithNoData(cacheDataset, HOLES_PRM, days)).noData], dataset).toEqual(holes);
    }
  });

  it('DELETE /api/enedis/cache/{pdl} empties that meter only, and its next read refetches', async () => {
    const [emptied, kept] = ['12345678901234', '63695879465986'] as const;
    const { user, id } = await userWithCache('cache-clear', [emptied, kept]);
    const keysBefore = await userCacheKeys(server, id);

    const response = await server.app.inject({
      method: 'DELETE',
      url: `/api/enedis/cache/${emptied}`,
      headers: { cookie: user.cookie },
    });
    expect(response.statusCode).toBe(200);
    const deleted = response.json<{ data: { deleted_keys: number } }>().data.deleted_keys;
    // Month entries of both datasets and the contract document.
    expect(deleted).toBeGreaterThanOrEqual(3);
    const keysAfter = await userCacheKeys(server, id);
    expect(keysAfter.length).toBe(keysBefore.length - deleted);
    expect(keysBefore).toEqual(expect.arrayContaining(keysAfter));

    const reads = (prm: string) => [
      `/api/enedis/consumption/daily/${prm}?start=${start}&end=${today}&use_cache=true`,
      `/api/enedis/consumption/detail/${prm}?start=${addDays(today, -3)}&end=${today}&use_cache=true`,
    ];
    const callsBefore = meteringCalls(server);
    for (const url of reads(kept)) {
      expect((await getReading(server, user, url)).headers['x-ratelimit-scope'], url).toBe('cached');
    }
    expect(meteringCalls(server)).toBe(callsBefore);
    for (const url of reads(emptied)) {
      expect((await getReading(server, user, url)).headers['x-ratelimit-scope'], url).toBe('no_cache');
    }
    // Daily: one call for 10 days; load curve: one call for 3 days.
    expect(meteringCalls(server) - callsBefore).toBe(2);
    const contract = await server.app.inject({
      method: 'GET',
      url: `/api/enedis/contract/${emptied}?use_cache=true`,
      headers: { cookie: user.cookie },
    });
    expect(contract.headers['x-ratelimit-scope']).toBe('no_cache');
  });

  it('concurrent writers of one month keep each other’s days', async () => {
    const user = await createUser(server, 'cache-writers');
    const id = await userIdOf(server, user);
    const month = addDays(today, -40).slice(0, 7);
    const days = eachDay(`${month}-01`, `${month}-29`);
    // Each writer opens its own view, as concurrent requests (or instances) do; the HTTP layer's pacing
    // makes real requests rarely collide, so the writers are driven directly, all at once.
    await Promise.all(
      days.map((day, index) =>
        userDayCache(server, id, user.clientSecret).write(
          'consumption_daily',
          '64975835695673',
          new Map([[day, [index]]]),
        ),
      ),
    );
    const cached = await userDayCache(server, id, user.clientSecret).read<number[]>(
      'consumption_daily',
      '64975835695673',
      days,
    );
    expect([...cached.keys()].sort()).toEqual(days);
    expect(days.map((day) => cached.get(day))).toEqual(days.map((_, index) => [index]));
    // No lock is left behind.
    expect((await userCacheKeys(server, id)).filter((key) => key.endsWith(':lock'))).toEqual([]);
  });
});
