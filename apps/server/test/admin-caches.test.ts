import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { createAdmin } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { giveConsent } from './support/consent-helpers.ts';
import { getReading, meteringCalls, userCacheKeys, userIdOf } from './support/metering-helpers.ts';
import { expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN = 'caches-admin@example.org';
const CONSUMER = '32320647321714';
const OTHER_CONSUMER = '64975835695673';
/** Sandbox client 5: production only. */
const PRODUCER = '24880057139941';

interface ClearResult {
  message: string;
  total_pdls: number;
  deleted_keys: number;
}

/**
 * `DELETE /api/admin/cache/{consumption|production}/clear-all` and `/api/admin/cache/clear-all`: every
 * user's entries of one kind go, found through the kind's index (no key scan), with the count of what
 * was removed; other kinds and other data stay.
 */
describe.each(backends)('admin cache clearing on $name', (backend) => {
  let server: TestServer;
  let admin: string;
  let first: TestUser;
  let second: TestUser;
  const end = addDays(parisToday(new Date()), -10);
  const start = addDays(end, -40);

  const clear = async (path: string, cookie = admin) => {
    const response = await server.app.inject({ method: 'DELETE', url: path, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ data: ClearResult }>().data;
  };
  /** The user's cache entries by kind, read from their names (`m:<dataset>:…`, `d:<document>:…`). */
  const entries = async (user: TestUser) => {
    const names = await userCacheKeys(server, await userIdOf(server, user));
    const of = (pattern: RegExp) => names.filter((name) => pattern.test(name)).length;
    return {
      consumption: of(/:m:(consumption_|max_power)/),
      production: of(/:m:production_/),
      documents: of(/:d:/),
    };
  };
  const fill = async (user: TestUser, prm: string, kinds: ('consumption' | 'production')[]) => {
    for (const kind of kinds) {
      const url = `/api/enedis/${kind}/daily/${prm}?start=${start}&end=${end}&use_cache=true`;
      expect((await getReading(server, user, url)).status, url).toBe(200);
    }
    if (kinds.includes('consumption')) {
      // A contract document beside the readings (a production-only meter has none to serve).
      expect((await getReading(server, user, `/api/enedis/contract/${prm}`)).status).toBe(200);
    }
  };

  beforeAll(async () => {
    server = await startTestServer(backend, { ADMIN_EMAILS: ADMIN, USER_DAILY_LIMIT_WITH_CACHE: '10000' });
    admin = await createAdmin(server, ADMIN);
    first = await createUser(server, 'caches-first');
    second = await createUser(server, 'caches-second');
    await giveConsent(server, first, [CONSUMER, PRODUCER]);
    await giveConsent(server, second, [OTHER_CONSUMER]);
  });
  afterAll(async () => {
    await server.close();
  });

  it('clears every user’s consumption, then production, then the rest, counting what was removed', async () => {
    await fill(first, CONSUMER, ['consumption']);
    await fill(first, PRODUCER, ['production']);
    await fill(second, OTHER_CONSUMER, ['consumption']);
    const before = [await entries(first), await entries(second)];
    // The detector first: each kind is really there for both users.
    expect(before[0]).toMatchObject({ consumption: 2, production: 2, documents: 1 });
    expect(before[1]).toMatchObject({ consumption: 2, production: 0, documents: 1 });
    const unrelated = 'stats:unrelated';
    await server.deps.cache.set(unrelated, 'kept');

    const consumption = await clear('/api/admin/cache/consumption/clear-all');
    expect(consumption).toMatchObject({ deleted_keys: 4, total_pdls: 3 });
    expect(consumption.message).toContain('4');
    expect(await entries(first)).toEqual({ consumption: 0, production: 2, documents: 1 });
    expect(await entries(second)).toEqual({ consumption: 0, production: 0, documents: 1 });

    // The next read goes to Enedis again: the entries are gone, not merely hidden.
    const calls = meteringCalls(server);
    await fill(second, OTHER_CONSUMER, ['consumption']);
    expect(meteringCalls(server)).toBeGreaterThan(calls);

    expect((await clear('/api/admin/cache/production/clear-all')).deleted_keys).toBe(2);
    expect(await entries(first)).toEqual({ consumption: 0, production: 0, documents: 1 });

    const all = await clear('/api/admin/cache/clear-all');
    // The second user's refilled consumption (2 months) and the two contracts.
    expect(all.deleted_keys).toBe(4);
    expect(await entries(first)).toEqual({ consumption: 0, production: 0, documents: 0 });
    expect(await entries(second)).toEqual({ consumption: 0, production: 0, documents: 0 });
    expect((await server.deps.cache.get(unrelated))?.toString()).toBe('kept');
    expect((await clear('/api/admin/cache/clear-all')).deleted_keys).toBe(0);
  });

  it('a member cannot clear anyone’s cache', async () => {
    for (const path of ['/api/admin/cache/clear-all', '/api/admin/cache/consumption/clear-all']) {
      expectError(
        await server.app.inject({ method: 'DELETE', url: path, headers: { cookie: first.cookie } }),
        403,
        'FORBIDDEN',
      );
    }
  });
});
