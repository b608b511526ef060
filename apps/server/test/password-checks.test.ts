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
      expect(wrong.statusCode, wrong.body).toBe(401);
      expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS', field: 'old_password' } });
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
    expect((await updatePassword(user, 'Wrong-Pass-1')).statusCode).toBe(401);
    for (let attempt = 2; attempt <= LIMIT; attempt += 1) {
      const wrong = await deleteAccount({ cookie: user.cookie }, `Wrong-Pass-${attempt}`);
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS', field: 'password' } });
    }
    expectBlocked(await deleteAccount({ cookie: user.cookie }, 'Wrong-Pass-9'), openedAt);
    expectBlocked(await deleteAccount({ cookie: user.cookie }, user.password), openedAt);
    expect(await me({ cookie: user.cookie })).toBe(200);
  });

  it('a success clears the count', async () => {
    const user = await createUser(server, 'pw-reset-count');
    for (let attempt = 1; attempt < LIMIT; attempt += 1) {
      expect((await updatePassword(user, 'Wrong-Pass-1')).statusCode).toBe(401);
    }
    const changed = await updatePassword(user, user.password);
    expect(changed.statusCode).toBe(200);
    const renewed = {
      ...user,
      cookie: `access_token=${changed.cookies.find((c) => c.name === 'access_token')?.value}`,
    };
    for (let attempt = 1; attempt <= LIMIT; attempt += 1) {
      expect((await deleteAccount({ cookie: renewed.cookie }, 'Wrong-Pass-1')).statusCode).toBe(401);
    }
  });

  it.each(['client_secret', 'client_credentials', 'jwt', 'cookie'] as const)(
    'deleting the account with %s needs the password',
    async (method) => {
      const user = await createUser(server, `pw-delete-${method}`);
      const headers = await authHeaders(server, user, method);
      const missing = await deleteAccount(headers);
      expect(missing.statusCode, missing.body).toBe(401);
      expect(missing.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS', field: 'password' } });
      const bodiless = await server.app.inject({ method: 'DELETE', url: '/api/accounts/me', headers });
      expect(bodiless.statusCode).toBeGreaterThanOrEqual(400);
      expect(bodiless.statusCode).toBeLessThan(500);
      expect((await deleteAccount(headers, 'Wrong-Pass-1')).statusCode).toBe(401);
      expect(await me(headers)).toBe(200);
      expect((await deleteAccount(headers, user.password)).statusCode).toBe(200);
      expect(await me(headers)).toBe(401);
    },
  );

  it('a client-credentials JWT without the password leaves the account; with it, deletes', async () => {
    const user = await createUser(server, 'pw-delete-cc');
    const token = await clientCredentialsToken(server, user);
    expect((await deleteAccount({ authorization: `Bearer ${token}` })).statusCode).toBe(401);
    expect(await me({ cookie: user.cookie })).toBe(200);
    expect((await deleteAccount({ authorization: `Bearer ${token}` }, user.password)).statusCode).toBe(200);
    expect(await me({ cookie: user.cookie })).toBe(401);
  });
});
