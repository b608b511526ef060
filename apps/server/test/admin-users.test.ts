import { Writable } from 'node:stream';
import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, lastMailLink, sentMails, STRONG_PASSWORD, type TestUser } from './support/accounts-helpers.ts';
import { createAdmin } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { giveConsent } from './support/consent-helpers.ts';
import { meteringCalls, userIdOf } from './support/metering-helpers.ts';
import { expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN = 'users-admin@example.org';
const PRM = '32320647321714';

interface AdminUserBody {
  id: string;
  email: string;
  is_active: boolean;
  email_verified: boolean;
  debug_mode: boolean;
  has_password: boolean;
  pdl_count: number;
  role: { name: string };
  usage_stats: { cached_requests: number; no_cache_requests: number; cached_limit: number | null };
}

/** The users page of the admin console: list, create with an invitation, and each action on a user. */
describe.each(backends)('admin users API on $name', (backend) => {
  let server: TestServer;
  let admin: string;
  const lines: string[] = [];
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>, cookie = admin) =>
    server.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const data = async <T>(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>) => {
    const response = await call(method, url, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<{ data: T }>().data;
  };
  const reading = (user: TestUser) => {
    // Settled days (a month back): once cached, a read costs no Enedis call.
    const end = addDays(parisToday(new Date()), -30);
    return server.app.inject({
      method: 'GET',
      url: `/api/enedis/consumption/daily/${PRM}?start=${addDays(end, -7)}&end=${end}&use_cache=true`,
      headers: { cookie: user.cookie },
    });
  };

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    server = await startTestServer(backend, { ADMIN_EMAILS: ADMIN, LOG_LEVEL: 'warn' }, { logStream });
    admin = await createAdmin(server, ADMIN);
  });
  afterAll(async () => server.close());

  it('creates an account without a password; the invitation link sets it and proves the address', async () => {
    const email = 'invited-person@example.org';
    const created = await call('POST', '/api/admin/users', { email: 'Invited-Person@Example.org' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<{ data: AdminUserBody }>().data).toMatchObject({
      email,
      is_active: true,
      email_verified: false,
      has_password: false,
      pdl_count: 0,
      role: { name: 'visitor' },
    });
    expectError(await call('POST', '/api/admin/users', { email }), 409, 'USER_EXISTS', 'email');
    expectError(
      await call('POST', '/api/admin/users', { email: 'x@example.org', role_id: 'nope' }),
      404,
      'ROLE_NOT_FOUND',
    );
    expectError(await call('POST', '/api/admin/users', { email: 'not-an-address' }), 422, 'VALIDATION_ERROR', 'email');

    const link = new URL(await lastMailLink(server, email));
    expect(link.pathname).toBe('/reset-password');
    const mail = (await sentMails(server)).findLast((message) => message.to === email);
    expect(mail?.subject).toMatch(/compte/i);
    // Nobody can log in before the owner chose a password.
    expectError(
      await server.app.inject({
        method: 'POST',
        url: '/api/accounts/login',
        payload: { email, password: STRONG_PASSWORD },
      }),
      401,
      'INVALID_CREDENTIALS',
    );
    const reset = await server.app.inject({
      method: 'POST',
      url: '/api/accounts/reset-password',
      payload: { token: link.searchParams.get('token'), new_password: STRONG_PASSWORD },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: { email, password: STRONG_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const listed = await data<{ users: AdminUserBody[] }>('GET', '/api/admin/users?search=invited-person');
    expect(listed.users).toHaveLength(1);
    expect(listed.users[0]).toMatchObject({ email_verified: true, has_password: true });
  });

  it('lists users newest first with search (literal % and _), pages, meter count, role and usage', async () => {
    const member = await createUser(server, 'list_member');
    await giveConsent(server, member, [PRM]);
    expect((await reading(member)).statusCode).toBe(200);
    const page = await data<{ users: AdminUserBody[]; total: number; page: number; per_page: number }>(
      'GET',
      '/api/admin/users?search=LIST_MEMBER',
    );
    expect(page).toMatchObject({ total: 1, page: 1, per_page: 50 });
    expect(page.users[0]).toMatchObject({
      email: member.email,
      pdl_count: 1,
      role: { name: 'visitor' },
      usage_stats: { no_cache_requests: 1, cached_requests: 0, cached_limit: expect.any(Number) as number },
    });
    // `_` is a literal underscore, not "any character": list-member would match a LIKE pattern.
    await createUser(server, 'list-member');
    expect((await data<{ total: number }>('GET', '/api/admin/users?search=list_member')).total).toBe(1);
    expect((await data<{ total: number }>('GET', '/api/admin/users?search=%25')).total).toBe(0);
    const all = await data<{ users: AdminUserBody[]; total: number }>('GET', '/api/admin/users?per_page=2&page=1');
    const second = await data<{ users: AdminUserBody[] }>('GET', '/api/admin/users?per_page=2&page=2');
    expect(all.users).toHaveLength(2);
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(second.users.map((user) => user.id)).not.toContain(all.users[0]!.id);
    expectError(await call('GET', '/api/admin/users?per_page=0'), 422, 'VALIDATION_ERROR');
    const stats = await data<Record<string, number>>('GET', '/api/admin/users/stats');
    expect(stats).toMatchObject({ total_users: all.total, admin_count: 1 });
    expect(stats.users_this_month).toBe(all.total);
  });

  it('toggle-status: the account is refused at its next request and comes back; never one’s own', async () => {
    const target = await createUser(server, 'toggle');
    const id = await userIdOf(server, target);
    const off = await data<{ message: string; user: AdminUserBody }>('POST', `/api/admin/users/${id}/toggle-status`);
    expect(off.user.is_active).toBe(false);
    expect(off.message).toMatch(/désactivé/);
    expectError(
      await server.app.inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie: target.cookie } }),
      403,
      'USER_INACTIVE',
    );
    expect((await data<{ user: AdminUserBody }>('POST', `/api/admin/users/${id}/toggle-status`)).user.is_active).toBe(
      true,
    );
    expect(
      (await server.app.inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie: target.cookie } }))
        .statusCode,
    ).toBe(200);
    const adminId = (await data<{ users: AdminUserBody[] }>('GET', `/api/admin/users?search=${ADMIN}`)).users[0]!.id;
    expectError(await call('POST', `/api/admin/users/${adminId}/toggle-status`), 409, 'SELF_ACTION_FORBIDDEN');
    expectError(await call('DELETE', `/api/admin/users/${adminId}`), 409, 'SELF_ACTION_FORBIDDEN');
    expectError(await call('POST', '/api/admin/users/unknown/toggle-status'), 404, 'USER_NOT_FOUND');
  });

  it('reset-password mails a working link (the reference only had a stub)', async () => {
    const target = await createUser(server, 'reset');
    const id = await userIdOf(server, target);
    expect((await data<{ message: string }>('POST', `/api/admin/users/${id}/reset-password`)).message).toMatch(
      /envoyé/,
    );
    const link = new URL(await lastMailLink(server, target.email));
    expect(link.pathname).toBe('/reset-password');
    const reset = await server.app.inject({
      method: 'POST',
      url: '/api/accounts/reset-password',
      payload: { token: link.searchParams.get('token'), new_password: 'Another-Horse-43' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: { email: target.email, password: 'Another-Horse-43' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('reset-quota, clear-cache and toggle-debug act on the user’s data and calls', async () => {
    const member = (await data<{ users: AdminUserBody[] }>('GET', '/api/admin/users?search=list_member')).users[0]!;
    const cookie = await (async () => {
      const login = await server.app.inject({
        method: 'POST',
        url: '/api/accounts/login',
        payload: { email: member.email, password: STRONG_PASSWORD },
      });
      return `access_token=${login.cookies.find((entry) => entry.name === 'access_token')!.value}`;
    })();
    const user = { cookie } as TestUser;
    const quota = await data<{ user: AdminUserBody }>('POST', `/api/admin/users/${member.id}/reset-quota`);
    expect(quota.user.usage_stats).toMatchObject({ cached_requests: 0, no_cache_requests: 0 });

    // Cached: the read costs no Enedis call; after clear-cache it does again.
    const before = meteringCalls(server);
    expect((await reading(user)).statusCode).toBe(200);
    expect(meteringCalls(server)).toBe(before);
    const cleared = await data<{ deleted_keys: number; message: string }>(
      'DELETE',
      `/api/admin/users/${member.id}/clear-cache`,
    );
    expect(cleared.deleted_keys).toBeGreaterThan(0);

    lines.length = 0;
    const debug = await data<{ user: AdminUserBody }>('POST', `/api/admin/users/${member.id}/toggle-debug`);
    expect(debug.user.debug_mode).toBe(true);
    expect((await reading(user)).statusCode).toBe(200);
    expect(meteringCalls(server)).toBeGreaterThan(before);
    const debugLines = lines.filter((line) => line.includes('user in debug mode'));
    expect(debugLines.length).toBeGreaterThan(0);
    // The meter number stays out of the log, as everywhere else.
    expect(debugLines.join('\n')).not.toContain(PRM);
    expect(
      (await data<{ user: AdminUserBody }>('POST', `/api/admin/users/${member.id}/toggle-debug`)).user.debug_mode,
    ).toBe(false);
    await data('DELETE', `/api/admin/users/${member.id}/clear-cache`);
    lines.length = 0;
    expect((await reading(user)).statusCode).toBe(200);
    expect(lines.filter((line) => line.includes('user in debug mode'))).toEqual([]);
  });

  it('delete removes the account, its meters and its cache; its session is dead', async () => {
    const target = await createUser(server, 'doomed');
    const id = await userIdOf(server, target);
    expect((await data<{ message: string }>('DELETE', `/api/admin/users/${id}`)).message).toMatch(/supprimé/);
    expectError(
      await server.app.inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie: target.cookie } }),
      401,
      'UNAUTHORIZED',
    );
    expectError(await call('DELETE', `/api/admin/users/${id}`), 404, 'USER_NOT_FOUND');
  });
});
