import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { authHeaders, AUTH_METHODS, createUser, type TestUser } from './support/accounts-helpers.ts';
import { giveConsent, type MeterReadingBody } from './support/consent-helpers.ts';
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
      ENEDIS_MAX_ATTEMPTS: '6',
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

  it('with 20 % injected faults: complete data or a clean 503, and never a partial day in the cache', async () => {
    const emulator = server.deps.gateway.emulator;
    if (!emulator) {
      throw new Error('the test server runs the embedded emulator');
    }
    const user = await createUser(server, 'faults');
    await giveConsent(server, user, ['63695879465986']);
    emulator.setFaults({
      seed: 7,
      error500Rate: 0.08,
      error503Rate: 0.04,
      truncatedRate: 0.04,
      error429Rate: 0.04,
      targets: ['metering'],
    });
    try {
      for (let week = 0; week < 4; week += 1) {
        const start = addDays(today, -7 * (week + 2));
        const url = `/api/enedis/consumption/detail/batch/63695879465986?start=${start}&end=${addDays(start, 14)}`;
        const response = await server.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });
        expect([200, 503]).toContain(response.statusCode);
        const body = response.json<MeterReadingBody>();
        if (response.statusCode === 200) {
          expect(body.data?.missing_dates).toEqual([]);
          expect(body.data?.meter_reading.interval_reading.length).toBeGreaterThanOrEqual(14 * 48 - 2);
        } else {
          expect(body).toMatchObject({ success: false, error: { code: 'ENEDIS_UNAVAILABLE' } });
        }
      }
      expect(emulator.stats.injected).not.toEqual({});
    } finally {
      emulator.setFaults({ error500Rate: 0, error503Rate: 0, truncatedRate: 0, error429Rate: 0 });
    }
    // Every cached day must be complete: reading from the cache alone gives whole days only.
    const start = addDays(today, -35);
    const cached = await server.app.inject({
      method: 'GET',
      url: `/api/enedis/consumption/detail/batch/63695879465986?start=${start}&end=${addDays(today, -7)}`,
      headers: { cookie: user.cookie },
    });
    const body = cached.json<MeterReadingBody>();
    expect(body.data?.missing_dates).toEqual([]);
    const perDay = new Map<string, number>();
    for (const reading of body.data?.meter_reading.interval_reading ?? []) {
      perDay.set(reading.date.slice(0, 10), (perDay.get(reading.date.slice(0, 10)) ?? 0) + 1);
    }
    for (const [day, count] of perDay) {
      expect([46, 48, 50], day).toContain(count);
    }
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
