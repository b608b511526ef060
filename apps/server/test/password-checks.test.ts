import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, clientCredentialsToken, createUser, type TestUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const LIMIT = 3;
const WINDOW_SECONDS = 900;

/** A 429 whose Retry-After is the time left in a window opened `openedAt` (not a fresh full window). */
function expectBlocked(response: LightMyRequestResponse, openedAt: number): void {
  expect(response.statusCode, response.body).toBe(429);
  expect(response.json()).toMatchObject({ success: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
  const retryAfter = Number(response.headers['retry-after']);
  const elapsed = Math.ceil((Date.now() - openedAt) / 1000);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
  expect(retryAfter).toBeGreaterThanOrEqual(WINDOW_SECONDS - elapsed - 1);
}

describe.each(backends)('password checks behind a session on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, {
      LOGIN_MAX_ATTEMPTS_PER_EMAIL: String(LIMIT),
      THROTTLE_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
  });
  afterAll(async () => server.close());

  const updatePassword = (user: TestUser, oldPassword: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/accounts/update-password',
      headers: { cookie: user.cookie },
      payload: { old_password: oldPassword, new_password: 'Brand-New-Pass-9' },
    });
  const deleteAccount = (headers: Record<string, string>, password?: string) =>
    server.app.inject({
      method: 'DELETE',
      url: '/api/accounts/me',
      headers,
      payload: password === undefined ? {} : { password },
    });
  const me = async (headers: Record<string, string>) =>
    (await server.app.inject({ method: 'GET', url: '/api/accounts/me', headers })).statusCode;

  it('update-password: wrong passwords get 429 once the limit is reached, the right one too', async () => {
    const user = await createUser(server, 'pw-update');
    const bystander = await createUser(server, 'pw-bystander');
    const openedAt = Date.now();
    for (let attempt = 1; attempt <= LIMIT; attempt += 1) {
      const wrong = await updatePassword(user, `Wrong-Pass-${attempt}`);
      expect(wrong.statusCode, wrong.body).toBe(403);
      expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_PASSWORD', field: 'old_password' } });
    }
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expectBlocked(await updatePassword(user, 'Still-Wrong-1'), openedAt);
    }
    // The right password does not get through while blocked: a guess cannot be confirmed either.
    expectBlocked(await updatePassword(user, user.password), openedAt);
    // Counters are per account.
    expect((await updatePassword(bystander, bystander.password)).statusCode).toBe(200);
  });

  it('delete: shares the account’s counter with update-password', async () => {
    const user = await createUser(server, 'pw-delete');
    const openedAt = Date.now();
    expect((await updatePassword(user, 'Wrong-Pass-1')).statusCode).toBe(403);
    for (let attempt = 2; attempt <= LIMIT; attempt += 1) {
      const wrong = await deleteAccount({ cookie: user.cookie }, `Wrong-Pass-${attempt}`);
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_PASSWORD', field: 'password' } });
    }
    expectBlocked(await deleteAccount({ cookie: user.cookie }, 'Wrong-Pass-9'), openedAt);
    expectBlocked(await deleteAccount({ cookie: user.cookie }, user.password), openedAt);
    expect(await me({ cookie: user.cookie })).toBe(200);
  });

  it('a success clears the count', async () => {
    const user = await createUser(server, 'pw-reset-count');
    for (let attempt = 1; attempt < LIMIT; attempt += 1) {
      expect((await updatePassword(user, 'Wrong-Pass-1')).statusCode).toBe(403);
    }
    const changed = await updatePassword(user, user.password);
    expect(changed.statusCode).toBe(200);
    const renewed = {
      ...user,
      cookie: `access_token=${changed.cookies.find((c) => c.name === 'access_token')?.value}`,
    };
    for (let attempt = 1; attempt <= LIMIT; attempt += 1) {
      expect((await deleteAccount({ cookie: renewed.cookie }, 'Wrong-Pass-1')).statusCode).toBe(403);
    }
  });

  /** A session of `user` whose password login happened `minutesAgo` minutes ago. */
  const sessionFrom = async (
    user: TestUser,
    minutesAgo: number,
    via: 'cookie' | 'jwt',
  ): Promise<Record<string, string>> => {
    const account = await server.app.inject({
      method: 'GET',
      url: '/api/accounts/me',
      headers: { cookie: user.cookie },
    });
    const token = await server.deps.jwt.sign({
      userId: account.json<{ data: { id: string } }>().data.id,
      tokenVersion: 0,
      authTime: new Date(Date.now() - minutesAgo * 60_000),
    });
    return via === 'cookie' ? { cookie: `access_token=${token}` } : { authorization: `Bearer ${token}` };
  };
  const bodiless = (headers: Record<string, string>) =>
    server.app.inject({ method: 'DELETE', url: '/api/accounts/me', headers });

  it.each(['client_secret', 'client_credentials'] as const)(
    'deleting the account with %s needs the password (an API credential never suffices alone)',
    async (method) => {
      const user = await createUser(server, `pw-delete-${method}`);
      const headers = await authHeaders(server, user, method);
      for (const missing of [await deleteAccount(headers), await bodiless(headers)]) {
        expect(missing.statusCode, missing.body).toBe(403);
        expect(missing.json()).toMatchObject({ error: { code: 'REAUTHENTICATION_REQUIRED', field: 'password' } });
      }
      const wrong = await deleteAccount(headers, 'Wrong-Pass-1');
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_PASSWORD', field: 'password' } });
      expect(await me(headers)).toBe(200);
      expect((await deleteAccount(headers, user.password)).statusCode).toBe(200);
      expect(await me(headers)).toBe(401);
    },
  );

  it.each(['cookie', 'jwt'] as const)(
    'a %s session that logged in within 15 minutes deletes the account without a body',
    async (via) => {
      const user = await createUser(server, `pw-delete-recent-${via}`);
      const headers = await sessionFrom(user, 14, via);
      const response = await bodiless(headers);
      expect(response.statusCode, response.body).toBe(200);
      expect(await me({ cookie: user.cookie })).toBe(401);
    },
  );

  it.each(['cookie', 'jwt'] as const)(
    'a %s session older than 15 minutes needs the password: 403 REAUTHENTICATION_REQUIRED, never 401',
    async (via) => {
      const user = await createUser(server, `pw-delete-old-${via}`);
      const headers = await sessionFrom(user, 16, via);
      for (const refused of [await bodiless(headers), await deleteAccount(headers)]) {
        expect(refused.statusCode, refused.body).toBe(403);
        expect(refused.json()).toMatchObject({ error: { code: 'REAUTHENTICATION_REQUIRED', field: 'password' } });
      }
      const wrong = await deleteAccount(headers, 'Wrong-Pass-1');
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_PASSWORD' } });
      expect(await me(headers)).toBe(200);
      expect((await deleteAccount(headers, user.password)).statusCode).toBe(200);
      expect(await me(headers)).toBe(401);
    },
  );

  it('a recent login does not outlive the session: logged out, the token deletes nothing', async () => {
    const user = await createUser(server, 'pw-delete-logged-out');
    await server.app.inject({ method: 'POST', url: '/api/accounts/logout', headers: { cookie: user.cookie } });
    const stolen = await bodiless({ cookie: user.cookie });
    expect(stolen.statusCode).toBe(401);
    expect(stolen.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    const account = await server.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', user.email)
      .executeTakeFirst();
    expect(account).toBeDefined();
  });

  it('a new secret keeps the login time of the session that asked (it proves no password)', async () => {
    const user = await createUser(server, 'pw-delete-rotated');
    const old = await sessionFrom(user, 16, 'cookie');
    const rotated = await server.app.inject({ method: 'POST', url: '/api/accounts/regenerate-secret', headers: old });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const cookie = rotated.cookies.find((entry) => entry.name === 'access_token');
    expect(cookie).toBeDefined();
    const refused = await bodiless({ cookie: `access_token=${cookie?.value}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'REAUTHENTICATION_REQUIRED' } });
  });

  it('a client-credentials JWT without the password leaves the account; with it, deletes', async () => {
    const user = await createUser(server, 'pw-delete-cc');
    const token = await clientCredentialsToken(server, user);
    const refused = await deleteAccount({ authorization: `Bearer ${token}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'REAUTHENTICATION_REQUIRED' } });
    expect(await me({ cookie: user.cookie })).toBe(200);
    expect((await deleteAccount({ authorization: `Bearer ${token}` }, user.password)).statusCode).toBe(200);
    expect(await me({ cookie: user.cookie })).toBe(401);
  });
});
