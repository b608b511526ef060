import { randomBytes } from 'node:crypto';
import type { DataAccess, SharedPdls } from '@med/contracts';
import { addDays, parisToday } from '@med/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, sessionCookie, STRONG_PASSWORD, type TestUser } from './support/accounts-helpers.ts';
import { createAdmin } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { giveConsent } from './support/consent-helpers.ts';
import { userIdOf } from './support/metering-helpers.ts';
import { expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN = 'sharing-admin@example.org';
const PRM = '32320647321714';
const OTHER_PRM = '64975835695673';
const HEADER = 'x-impersonate-user-id';

/**
 * Data sharing: a user who turns it on lets holders of `users` READ their meters through
 * `X-Impersonate-User-Id`; every read lands in the owner's audit trail; writes never pass; turning it off
 * (on any instance), deleting the account or lacking the permission refuses the next read.
 */
describe.each(backends)('data sharing on $name', (backend) => {
  let first: TestServer;
  /** The instance the owner uses: on Valkey a second one, sharing the database. */
  let other: TestServer;
  let admin: string;
  let owner: TestUser;
  let ownerId: string;
  const end = addDays(parisToday(new Date()), -30);
  const range = `start=${addDays(end, -7)}&end=${end}`;
  const daily = `/api/enedis/consumption/daily/${PRM}?${range}&use_cache=true`;

  const as = (server: TestServer, cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string) =>
    server.app.inject({ method, url, headers: { cookie } });
  const asOwnerOf = (
    cookie: string,
    targetId: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: Record<string, unknown>,
  ) => first.app.inject({ method, url, headers: { cookie, [HEADER]: targetId }, ...(payload ? { payload } : {}) });
  const toggle = async (user: TestUser) => {
    const response = await as(other, user.cookie, 'POST', '/api/accounts/toggle-admin-sharing');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ data: { admin_data_sharing: boolean } }>().data.admin_data_sharing;
  };
  const trail = async (user: TestUser) => {
    const response = await as(first, user.cookie, 'GET', '/api/accounts/me/data-access');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ data: DataAccess }>().data;
  };
  const sharedPdls = async () => {
    const response = await as(first, admin, 'GET', '/api/admin/shared-pdls');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ data: SharedPdls }>().data;
  };
  const refused = (response: LightMyRequestResponse, code: string) => expectError(response, 403, code);

  beforeAll(async () => {
    const env = { ADMIN_EMAILS: ADMIN, SECRET_KEY: randomBytes(32).toString('base64url') };
    first = await startTestServer(backend, env);
    other = backend.redisUrl ? await startTestServer(backend, env, { joinWith: first.storage }) : first;
    admin = await createAdmin(first, ADMIN);
    owner = await createUser(first, 'sharing-owner');
    await giveConsent(first, owner, [PRM]);
    ownerId = await userIdOf(first, owner);
  });
  afterAll(async () => {
    if (other !== first) {
      await other.close();
    }
    await first.close();
  });

  it('refuses every read while sharing is off, and records none', async () => {
    refused(await asOwnerOf(admin, ownerId, 'GET', daily), 'DATA_SHARING_DISABLED');
    refused(await asOwnerOf(admin, ownerId, 'GET', '/api/pdl'), 'DATA_SHARING_DISABLED');
    refused(await asOwnerOf(admin, 'no-such-user', 'GET', daily), 'DATA_SHARING_DISABLED');
    expect((await sharedPdls()).pdls.map((pdl) => pdl.usage_point_id)).not.toContain(PRM);
    expect(await trail(owner)).toMatchObject({ sharing_enabled: false, entries: [], total: 0 });
  });

  it('once on: lists the meter, serves the owner’s data read-only, and records each read', async () => {
    expect(await toggle(owner)).toBe(true);
    const shared = await sharedPdls();
    expect(shared.pdls.find((pdl) => pdl.usage_point_id === PRM)).toMatchObject({
      owner_id: ownerId,
      owner_email: owner.email,
      has_consumption: true,
    });

    // The detector first: without the header the admin has no right to this meter.
    expect((await as(first, admin, 'GET', daily)).statusCode).toBeGreaterThanOrEqual(400);
    const own = await as(first, owner.cookie, 'GET', daily);
    expect(own.statusCode, own.body).toBe(200);
    const read = await asOwnerOf(admin, ownerId, 'GET', daily);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<{ data: unknown }>().data).toEqual(own.json<{ data: unknown }>().data);

    const meters = await asOwnerOf(admin, ownerId, 'GET', '/api/pdl');
    expect(meters.statusCode, meters.body).toBe(200);
    expect(meters.json<{ data: { usage_point_id: string }[] }>().data.map((pdl) => pdl.usage_point_id)).toEqual([PRM]);
    // Costs answer as they answer the owner (who has chosen no offer yet): the same refusal, not a 404.
    const costs = await asOwnerOf(admin, ownerId, 'GET', `/api/costs/${PRM}?${range}`);
    const ownCosts = await as(first, owner.cookie, 'GET', `/api/costs/${PRM}?${range}`);
    expect(costs.statusCode).toBe(ownCosts.statusCode);
    expect(costs.json<{ error: unknown }>().error).toEqual(ownCosts.json<{ error: unknown }>().error);

    const seen = await trail(owner);
    expect(seen.sharing_enabled).toBe(true);
    expect(seen.total).toBe(3);
    expect(seen.entries.map((entry) => entry.route)).toEqual([
      '/api/costs/:usage_point_id',
      '/api/pdl',
      '/api/enedis/consumption/daily/:pdl',
    ]);
    expect(seen.entries[0]).toMatchObject({ reader_email: ADMIN, usage_point_id: PRM });
    expect(seen.entries[1]?.usage_point_id).toBeNull();
  });

  it('never lets a write through, nor a route that is not a data read; nothing changes', async () => {
    const pdlId = (await as(first, owner.cookie, 'GET', '/api/pdl')).json<{
      data: { id: string; name: string | null }[];
    }>().data[0];
    const before = (await trail(owner)).total;
    refused(
      await asOwnerOf(admin, ownerId, 'PATCH', `/api/pdl/${pdlId?.id ?? ''}/name`, { name: 'pwned' }),
      'IMPERSONATION_NOT_ALLOWED',
    );
    refused(await asOwnerOf(admin, ownerId, 'DELETE', `/api/enedis/cache/${PRM}`), 'IMPERSONATION_NOT_ALLOWED');
    refused(await asOwnerOf(admin, ownerId, 'POST', '/api/accounts/toggle-admin-sharing'), 'IMPERSONATION_NOT_ALLOWED');
    refused(await asOwnerOf(admin, ownerId, 'GET', '/api/accounts/me'), 'IMPERSONATION_NOT_ALLOWED');
    refused(await asOwnerOf(admin, ownerId, 'GET', '/api/admin/users'), 'IMPERSONATION_NOT_ALLOWED');
    const after = (await as(first, owner.cookie, 'GET', '/api/pdl')).json<{ data: { name: string | null }[] }>();
    expect(after.data[0]?.name).toBe(pdlId?.name);
    expect((await trail(owner)).total).toBe(before);
    expect((await trail(owner)).sharing_enabled).toBe(true);
  });

  it('refuses a caller without the users permission, a logged-out session and an anonymous one', async () => {
    const member = await createUser(first, 'sharing-member');
    refused(await asOwnerOf(member.cookie, ownerId, 'GET', daily), 'FORBIDDEN');
    expectError(
      await first.app.inject({ method: 'GET', url: daily, headers: { [HEADER]: ownerId } }),
      401,
      'UNAUTHORIZED',
    );
    const login = await first.app.inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: { email: ADMIN, password: STRONG_PASSWORD },
    });
    const session = sessionCookie(login);
    await first.app.inject({ method: 'POST', url: '/api/accounts/logout', headers: { cookie: session } });
    expectError(await asOwnerOf(session, ownerId, 'GET', daily), 401, 'UNAUTHORIZED');
  });

  it(`stops at the next read once the owner turns sharing off${backend.redisUrl ? ' on another instance' : ''}`, async () => {
    expect((await asOwnerOf(admin, ownerId, 'GET', daily)).statusCode).toBe(200);
    expect(await toggle(owner)).toBe(false);
    refused(await asOwnerOf(admin, ownerId, 'GET', daily), 'DATA_SHARING_DISABLED');
    expect((await sharedPdls()).pdls.map((pdl) => pdl.usage_point_id)).not.toContain(PRM);
    expect((await trail(owner)).sharing_enabled).toBe(false);
  });

  it('refuses the reads of a deleted account (its trail goes with it)', async () => {
    const leaver = await createUser(first, 'sharing-leaver');
    await giveConsent(first, leaver, [OTHER_PRM]);
    const leaverId = await userIdOf(first, leaver);
    await toggle(leaver);
    const url = `/api/enedis/consumption/daily/${OTHER_PRM}?${range}`;
    expect((await asOwnerOf(admin, leaverId, 'GET', url)).statusCode).toBe(200);
    const deleted = await first.app.inject({
      method: 'DELETE',
      url: '/api/accounts/me',
      headers: { cookie: leaver.cookie },
      payload: { password: STRONG_PASSWORD },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    refused(await asOwnerOf(admin, leaverId, 'GET', url), 'DATA_SHARING_DISABLED');
    const rows = await first.deps.db
      .selectFrom('shared_data_reads')
      .select('id')
      .where('owner_id', '=', leaverId)
      .execute();
    expect(rows).toEqual([]);
  });
});
