import { addDays, chunkRange, eachDay, parisToday } from '@med/core';
import type { UserDayCache } from '../src/features/metering/day-cache.ts';
import { DATASETS, type DatasetSpec, type ServedReading } from '../src/features/metering/datasets.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { authHeaders, AUTH_METHODS, createUser, type TestUser } from './support/accounts-helpers.ts';
import { giveConsent } from './support/consent-helpers.ts';
import { enedisEmulator, getReading, userCacheKeys, userDayCache, userIdOf } from './support/metering-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const PRM = '22516914714270'; // sandbox client 0: complete data since rollout

describe.each(backends)('quotas, faults and isolation on $name', (backend) => {
  let server: TestServer;
  let owner: TestUser;
  const today = parisToday(new Date());

  beforeAll(async () => {
    server = await startTestServer(backend, {
      USER_DAILY_LIMIT_NO_CACHE: '50',
      USER_DAILY_LIMIT_WITH_CACHE: '1000',
    });
    owner = await createUser(server, 'owner');
    await giveConsent(server, owner, [PRM]);
  });
  afterAll(async () => server.close());

  it('200 concurrent uncached calls with a quota of 50: exactly 50 succeed, the rest get 429', async () => {
    const user = await createUser(server, 'quota');
    const other = await createUser(server, 'quota-meter');
    await giveConsent(server, other, ['64975835695673']);
    const url = `/api/enedis/consumption/daily/64975835695673?start=${addDays(today, -2)}&end=${today}&use_cache=false`;
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => server.app.inject({ method: 'GET', url, headers: { cookie: other.cookie } })),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(50);
    expect(statuses.filter((status) => status === 429)).toHaveLength(150);
    const refused = responses.find((response) => response.statusCode === 429);
    expect(refused?.json()).toMatchObject({ success: false, error: { code: 'RATE_LIMIT_EXCEEDED' } });
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused?.headers['x-ratelimit-remaining']).toBe('0');
    const usage = await server.app.inject({
      method: 'GET',
      url: '/api/accounts/usage-stats',
      headers: { cookie: other.cookie },
    });
    expect(usage.json()).toMatchObject({ data: { no_cache_requests: 50, no_cache_limit: 50 } });
    // Another user's quota is untouched.
    const fresh = await server.app.inject({
      method: 'GET',
      url: '/api/accounts/usage-stats',
      headers: { cookie: user.cookie },
    });
    expect(fresh.json()).toMatchObject({ data: { no_cache_requests: 0 } });
  });

  it('a user cannot read another user’s meter through any metering route or auth method', async () => {
    const intruder = await createUser(server, 'intruder');
    const paths = [
      `/api/enedis/consumption/daily/${PRM}?start=${addDays(today, -3)}&end=${today}`,
      `/api/enedis/consumption/detail/${PRM}?start=${addDays(today, -3)}&end=${today}`,
      `/api/enedis/consumption/detail/batch/${PRM}?start=${addDays(today, -3)}&end=${today}`,
      `/api/enedis/power/${PRM}?start=${addDays(today, -3)}&end=${today}`,
      `/api/enedis/production/daily/${PRM}?start=${addDays(today, -3)}&end=${today}`,
      `/api/enedis/production/detail/${PRM}?start=${addDays(today, -3)}&end=${today}`,
      `/api/enedis/production/detail/batch/${PRM}?start=${addDays(today, -3)}&end=${today}`,
      `/api/enedis/contract/${PRM}`,
      `/api/enedis/address/${PRM}`,
      `/api/enedis/customer/${PRM}`,
      `/api/enedis/contact/${PRM}`,
    ];
    const callsBefore = server.deps.gateway.emulator?.stats.total ?? 0;
    for (const method of AUTH_METHODS) {
      const headers = await authHeaders(server, intruder, method);
      for (const path of paths) {
        const response = await server.app.inject({ method: 'GET', url: path, headers });
        expect(response.statusCode, `${method} ${path}`).toBe(404);
        expect(response.json(), path).toMatchObject({ success: false, error: { code: 'PDL_NOT_FOUND' } });
      }
      const wipe = await server.app.inject({ method: 'DELETE', url: `/api/enedis/cache/${PRM}`, headers });
      expect(wipe.statusCode).toBe(404);
    }
    expect(server.deps.gateway.emulator?.stats.total).toBe(callsBefore);
    const anonymous = await server.app.inject({ method: 'GET', url: paths[0] ?? '' });
    expect(anonymous.statusCode).toBe(401);
  });
});

type FaultDataset = 'consumption_daily' | 'consumption_curve';

/**
 * Fault injection against the whole chain (HTTP adapter → metering service → day cache): retries are
 * cut to 2 and the adapter gives up after 1 s, so a fifth of the calls failing makes some requests
 * fail and most succeed. Whatever happens, a request answers complete, correct data or a clean
 * 502/503, and what reaches the cache is exactly what a fault-free Enedis serves.
 */
describe.each(backends)('Enedis faults on $name', (backend) => {
  let server: TestServer;
  const today = parisToday(new Date());

  beforeAll(async () => {
    server = await startTestServer(backend, {
      USER_DAILY_LIMIT_NO_CACHE: '1000',
      ENEDIS_MAX_ATTEMPTS: '2',
      ENEDIS_TIMEOUT_MS: '1000',
    });
  });
  afterAll(async () => server.close());
  afterEach(() => {
    enedisEmulator(server).setFaults({
      error500Rate: 0,
      error503Rate: 0,
      error429Rate: 0,
      timeoutRate: 0,
      truncatedRate: 0,
      gapRate: 0,
    });
  });

  /** What a fault-free Enedis serves for each day of `[start, end)`, through the adapter and the dataset spec. */
  async function faultFree<Item, Stored>(spec: DatasetSpec<Item, Stored>, prm: string, start: string, end: string) {
    const byDay = new Map<string, ServedReading[]>();
    for (const chunk of chunkRange({ start, end }, spec.maxDaysPerCall)) {
      for (const item of await spec.fetch(server.deps.gateway.main.api, prm, chunk.start, chunk.end)) {
        const day = spec.dayOf(item);
        byDay.set(day, [...(byDay.get(day) ?? []), spec.serve(spec.store(item), day)]);
      }
    }
    return byDay;
  }

  /** The user's cached days of `days`, served as the API would serve them. */
  async function cachedServed<Item, Stored>(
    cache: UserDayCache,
    spec: DatasetSpec<Item, Stored>,
    prm: string,
    days: string[],
  ) {
    const cached = await cache.read<Stored[]>(spec.dataset, prm, days);
    return new Map([...cached].map(([day, stored]) => [day, stored.map((entry) => spec.serve(entry, day))]));
  }

  it('with 20 % injected faults, timeouts included: complete correct data or a clean 502/503, and no partial day cached', async () => {
    const emulator = enedisEmulator(server);
    const user = await createUser(server, 'faults');
    const prms = ['63695879465986', '22315546958763', '11453290002823'];
    await giveConsent(server, user, prms);
    const userId = await userIdOf(server, user);

    // Per meter, 8 load-curve windows of 15 days sliding by 4 and 6 daily windows of 40 days sliding by
    // 15, every other one bypassing the cache: they overlap, so reads mix days cached under faults with
    // days fetched under faults, and the uncached ones keep enough calls going to Enedis.
    const curveStart = addDays(today, -50);
    const dailyStart = addDays(today, -120);
    const reads = prms.flatMap((prm) => [
      ...Array.from({ length: 8 }, (_, index) => {
        const start = addDays(curveStart, 4 * index);
        return {
          dataset: 'consumption_curve' as const,
          prm,
          start,
          end: addDays(start, 15),
          useCache: index % 2 === 0,
        };
      }),
      ...Array.from({ length: 6 }, (_, index) => {
        const start = addDays(dailyStart, 15 * index);
        return {
          dataset: 'consumption_daily' as const,
          prm,
          start,
          end: addDays(start, 40),
          useCache: index % 2 === 0,
        };
      }),
    ]);
    const reference = new Map<string, Map<string, ServedReading[]>>();
    for (const prm of prms) {
      const curve = await faultFree(DATASETS.consumption_curve, prm, curveStart, addDays(curveStart, 43));
      const daily = await faultFree(DATASETS.consumption_daily, prm, dailyStart, addDays(dailyStart, 115));
      reference.set(`consumption_curve:${prm}`, curve);
      reference.set(`consumption_daily:${prm}`, daily);
    }
    const expectedReadings = (dataset: FaultDataset, prm: string, start: string, end: string) =>
      eachDay(start, end).flatMap((day) => reference.get(`${dataset}:${prm}`)?.get(day) ?? []);
    expect(await userCacheKeys(server, userId)).toEqual([]);

    emulator.setFaults({
      seed: 20,
      error500Rate: 0.05,
      error503Rate: 0.04,
      error429Rate: 0.03,
      timeoutRate: 0.04,
      timeoutMs: 1500,
      truncatedRate: 0.04,
      targets: ['metering'],
    });
    const outcomes = { complete: 0, refused: 0 };
    const readAndCheck = async ({ dataset, prm, start, end, useCache }: (typeof reads)[number]) => {
      const path = dataset === 'consumption_curve' ? 'consumption/detail/batch' : 'consumption/daily';
      const url = `/api/enedis/${path}/${prm}?start=${start}&end=${end}&use_cache=${useCache}`;
      const response = await getReading(server, user, url);
      if (response.status === 200) {
        outcomes.complete += 1;
        expect(response.body.error, url).toBeNull();
        expect(response.body.data?.missing_dates, url).toEqual([]);
        expect(response.body.data?.meter_reading.interval_reading, url).toEqual(
          expectedReadings(dataset, prm, start, end),
        );
      } else {
        outcomes.refused += 1;
        expect([502, 503], url).toContain(response.status);
        expect(['ENEDIS_UNAVAILABLE', 'ENEDIS_ERROR'], url).toContain(response.body.error?.code);
        expect(response.body.success).toBe(false);
      }
    };
    for (const read of reads) {
      await readAndCheck(read);
    }
    // Both outcomes must have happened for the test to mean anything. The planned reads give a few
    // refusals for most seeds; a bounded run of uncached 3-chunk reads makes sure of it for any.
    for (let extra = 0; outcomes.refused === 0 && extra < 40; extra += 1) {
      const start = addDays(curveStart, 4 * (extra % 8));
      const prm = prms[extra % prms.length] ?? '';
      await readAndCheck({ dataset: 'consumption_curve', prm, start, end: addDays(start, 15), useCache: false });
    }
    const { injected, abandoned } = emulator.stats;
    emulator.setFaults({ error500Rate: 0, error503Rate: 0, error429Rate: 0, timeoutRate: 0, truncatedRate: 0 });
    expect(outcomes.complete, JSON.stringify(outcomes)).toBeGreaterThan(reads.length / 2);
    expect(outcomes.refused, JSON.stringify(outcomes)).toBeGreaterThan(0);
    // The adapter gave up on held calls (1 s timeout): the emulator counts them as abandoned.
    expect(abandoned['timeout'], JSON.stringify(abandoned)).toBeGreaterThan(0);
    expect(Object.values(injected).reduce((total, count) => total + count, 0)).toBeGreaterThanOrEqual(10);

    // Faults off: every cached day is exactly the fault-free day.
    const cache = userDayCache(server, userId, user.clientSecret);
    let cachedDays = 0;
    const checkCached = async <Item, Stored>(spec: DatasetSpec<Item, Stored>, prm: string) => {
      const expected = reference.get(`${spec.dataset}:${prm}`) ?? new Map<string, ServedReading[]>();
      for (const [day, served] of await cachedServed(cache, spec, prm, [...expected.keys()])) {
        cachedDays += 1;
        expect(served, `${spec.dataset} ${prm} ${day}`).toEqual(expected.get(day));
      }
    };
    for (const prm of prms) {
      await checkCached(DATASETS.consumption_curve, prm);
      await checkCached(DATASETS.consumption_daily, prm);
    }
    expect(cachedDays).toBeGreaterThan(100);
  }, 180_000);

  it('a 200 missing half-hours of a day answers PARTIAL_DATA for that day and does not cache it', async () => {
    const emulator = enedisEmulator(server);
    const prm = '12345678901234';
    const user = await createUser(server, 'gaps');
    await giveConsent(server, user, [prm]);
    const userId = await userIdOf(server, user);
    const start = addDays(today, -20);
    const end = addDays(start, 3);
    const days = eachDay(start, end);
    const url = `/api/enedis/consumption/detail/batch/${prm}?start=${start}&end=${end}`;
    const expected = await faultFree(DATASETS.consumption_curve, prm, start, end);

    emulator.setFaults({ gapRate: 1, targets: ['metering'] });
    const gapped = await getReading(server, user, url);
    emulator.setFaults({ gapRate: 0 });
    expect(gapped.status).toBe(200);
    expect(gapped.body.error?.code).toBe('PARTIAL_DATA');
    // Two half-hours were cut from the middle of the 3-day answer: one day lacks them, the others are whole.
    const [holed, ...others] = gapped.body.data?.missing_dates ?? [];
    expect(others).toEqual([]);
    const servedOf = (day: string | undefined) =>
      gapped.body.data?.meter_reading.interval_reading.filter((reading) => reading.date.startsWith(day ?? '-')) ?? [];
    expect(servedOf(holed).length).toBe((expected.get(holed ?? '')?.length ?? 0) - 2);
    const cache = userDayCache(server, userId, user.clientSecret);
    const cached = await cachedServed(cache, DATASETS.consumption_curve, prm, days);
    expect([...cached.keys()]).toEqual(days.filter((day) => day !== holed));
    for (const [day, served] of cached) {
      expect(served, day).toEqual(expected.get(day));
    }

    // The next read asks Enedis for that day only, and gets it whole.
    emulator.resetStats();
    const healed = await getReading(server, user, url);
    expect(healed.body.data?.missing_dates).toEqual([]);
    expect(healed.body.data?.meter_reading.interval_reading).toEqual(days.flatMap((day) => expected.get(day) ?? []));
    expect(emulator.stats.calls.filter((call) => call.path.startsWith('/metering_data_'))).toHaveLength(1);
  });
});
