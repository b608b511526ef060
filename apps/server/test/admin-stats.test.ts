import { randomBytes } from 'node:crypto';
import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { createAdmin } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { giveConsent } from './support/consent-helpers.ts';
import { userIdOf } from './support/metering-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN = 'stats-admin@example.org';
const PRM = '32320647321714';
const CONCURRENT_CALLS = 200;
const ROUTE = '/api/enedis/consumption/daily/:pdl';

interface Stats {
  users: { total: number; active: number; verified: number; new_this_month: number };
  calls_today: { cached: number; no_cache: number; total: number };
  endpoints: { endpoint: string; cached: number; no_cache: number; total: number }[];
  enedis_today: { calls: number; throttled: number; server_errors: number; retries: number };
  cache_hit_rate: number | null;
  top_users: { user_id: string; email: string | null; calls: number }[];
  daily: { date: string; cached: number; no_cache: number; enedis_calls: number }[];
}

/**
 * `GET /api/admin/stats` reads counters kept as calls happen. On Valkey two instances serve the calls
 * and both must count every one of them: 200 concurrent calls, exact totals.
 */
describe.each(backends)('admin statistics on $name', (backend) => {
  let first: TestServer;
  let instances: TestServer[];
  let admin: string;
  let member: TestUser;
  const end = addDays(parisToday(new Date()), -30);
  const url = `/api/enedis/consumption/daily/${PRM}?start=${addDays(end, -7)}&end=${end}&use_cache=true`;
  const stats = async (server: TestServer) => {
    const response = await server.app.inject({ method: 'GET', url: '/api/admin/stats', headers: { cookie: admin } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ data: Stats }>().data;
  };

  beforeAll(async () => {
    // One SECRET_KEY for both instances: a session opened on one is valid on the other, as in production.
    const env = {
      ADMIN_EMAILS: ADMIN,
      USER_DAILY_LIMIT_WITH_CACHE: '100000',
      ENEDIS_MAX_ATTEMPTS: '2',
      SECRET_KEY: randomBytes(32).toString('base64url'),
    };
    first = await startTestServer(backend, env);
    // Memory caches are per process: a second instance only shares counters through Valkey.
    instances = backend.redisUrl ? [first, await startTestServer(backend, env, { joinWith: first.storage })] : [first];
    admin = await createAdmin(first, ADMIN);
    member = await createUser(first, 'stats-member');
    await giveConsent(first, member, [PRM]);
  });
  afterAll(async () => {
    for (const server of instances.slice(1)) {
      await server.close();
    }
    await first.close();
  });

  it('starts from zero: no calls, no hit rate, 30 days of history ending today', async () => {
    const overview = await stats(first);
    expect(overview.calls_today).toEqual({ cached: 0, no_cache: 0, total: 0 });
    expect(overview.cache_hit_rate).toBeNull();
    expect(overview.daily).toHaveLength(30);
    expect(overview.daily.at(-1)?.date).toBe(parisToday(new Date()));
    expect(overview.users).toMatchObject({ total: 2, active: 2, verified: 1, new_this_month: 2 });
  });

  it(`counts ${CONCURRENT_CALLS} concurrent calls exactly, across ${backend.redisUrl ? 'two instances' : 'one instance'}`, async () => {
    const warm = await first.app.inject({ method: 'GET', url, headers: { cookie: member.cookie } });
    expect(warm.statusCode, warm.body).toBe(200);
    const enedisCalls = (await stats(first)).enedis_today.calls;
    expect(enedisCalls).toBeGreaterThan(0);
    const responses = await Promise.all(
      Array.from({ length: CONCURRENT_CALLS }, (_, index) =>
        instances[index % instances.length]!.app.inject({ method: 'GET', url, headers: { cookie: member.cookie } }),
      ),
    );
    expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(CONCURRENT_CALLS);

    for (const server of instances) {
      const overview = await stats(server);
      expect(overview.calls_today).toEqual({ cached: CONCURRENT_CALLS, no_cache: 1, total: CONCURRENT_CALLS + 1 });
      expect(overview.endpoints).toEqual([
        { endpoint: ROUTE, cached: CONCURRENT_CALLS, no_cache: 1, total: CONCURRENT_CALLS + 1 },
      ]);
      expect(overview.cache_hit_rate).toBe(Math.round((CONCURRENT_CALLS / (CONCURRENT_CALLS + 1)) * 1000) / 10);
      expect(overview.top_users).toEqual([
        { user_id: await userIdOf(first, member), email: member.email, calls: CONCURRENT_CALLS + 1 },
      ]);
      // Served from the cache: not one more Enedis call.
      expect(overview.enedis_today.calls).toBe(enedisCalls);
      expect(overview.enedis_today).toMatchObject({ throttled: 0, server_errors: 0 });
      expect(overview.daily.at(-1)).toMatchObject({ cached: CONCURRENT_CALLS, no_cache: 1, enedis_calls: enedisCalls });
    }
  });

  it('counts Enedis 5xx answers, 429 answers and retries as they happen', async () => {
    const emulator = first.deps.gateway.emulator!;
    const fresh = url.replace('use_cache=true', 'use_cache=false');
    const before = (await stats(first)).enedis_today;
    emulator.setFaults({ error500Rate: 1, targets: ['metering'] });
    try {
      expect(
        (await first.app.inject({ method: 'GET', url: fresh, headers: { cookie: member.cookie } })).statusCode,
      ).toBe(503);
    } finally {
      emulator.setFaults({ error500Rate: 0 });
    }
    // ENEDIS_MAX_ATTEMPTS=2: two answers 500, one retry between them.
    const after500 = (await stats(first)).enedis_today;
    expect(after500).toEqual({
      calls: before.calls + 2,
      server_errors: before.server_errors + 2,
      retries: before.retries + 1,
      throttled: before.throttled,
    });
    emulator.setFaults({ error429Rate: 1, targets: ['metering'] });
    try {
      expect(
        (await first.app.inject({ method: 'GET', url: fresh, headers: { cookie: member.cookie } })).statusCode,
      ).toBe(503);
    } finally {
      emulator.setFaults({ error429Rate: 0 });
    }
    const after429 = (await stats(first)).enedis_today;
    expect(after429.throttled).toBeGreaterThan(after500.throttled);
    expect(after429.server_errors).toBe(after500.server_errors);
    expect(after429.calls - after500.calls).toBe(after429.throttled - after500.throttled);
    const daily = (await stats(first)).daily.at(-1)!;
    expect(daily).toMatchObject({ enedis_calls: after429.calls });
  });
});
