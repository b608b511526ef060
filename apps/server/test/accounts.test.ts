import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import {
  authHeaders,
  AUTH_METHODS,
  clientCredentialsToken,
  createUser,
  lastMailLink,
  sentMails,
  sessionCookie,
  STRONG_PASSWORD,
} from './support/accounts-helpers.ts';
import { verifyPath } from './support/admin-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

describe.each(backends)('accounts on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { ADMIN_EMAILS: 'boss@example.org' });
  });
  afterAll(async () => server.close());

  const inject = (options: InjectOptions) => server.app.inject(options);

  it('signs up, returns the credentials once, and logs in with a cookie and a bearer token', async () => {
    const email = `new-${Date.now()}@example.org`;
    const signup = await inject({
      method: 'POST',
      url: '/api/accounts/signup',
      payload: { email: email.toUpperCase(), password: STRONG_PASSWORD },
    });
    expect(signup.statusCode).toBe(201);
    const body = signup.json<{ success: boolean; data: { client_id: string; client_secret: string } }>();
    expect(body.success).toBe(true);
    expect(body.data.client_id).toMatch(/^cli_/);
    expect(body.data.client_secret.length).toBeGreaterThanOrEqual(64);
    // Signed in by the sign-up (this server does not require the e-mail confirmed first).
    expect(body.data).toMatchObject({ signed_in: true });
    const fromSignup = await inject({
      method: 'GET',
      url: '/api/accounts/me',
      headers: { cookie: sessionCookie(signup) },
    });
    expect(fromSignup.json()).toMatchObject({ data: { email } });

    const login = await inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: { email, password: STRONG_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((entry) => entry.name === 'access_token');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie: sessionCookie(login) } });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ data: { email: string; role: { name: string } } }>().data).toMatchObject({
      email,
      role: { name: 'visitor' },
    });
    // The secret is never shown again.
    const credentials = await inject({
      method: 'GET',
      url: '/api/accounts/credentials',
      headers: { cookie: sessionCookie(login) },
    });
    expect(credentials.json()).toMatchObject({ data: { client_id: body.data.client_id } });
    expect(credentials.body).not.toContain(body.data.client_secret);
  });

  it('does not reveal whether an email already has an account, and mails its owner', async () => {
    const user = await createUser(server);
    const again = await inject({
      method: 'POST',
      url: '/api/accounts/signup',
      payload: { email: user.email, password: STRONG_PASSWORD },
    });
    expect(again.statusCode).toBe(202);
    expect(again.body).not.toContain('client_secret');
    expect((await sentMails(server)).at(-1)?.to).toBe(user.email);

    const known = await inject({
      method: 'POST',
      url: '/api/accounts/forgot-password',
      payload: { email: user.email },
    });
    const unknown = await inject({
      method: 'POST',
      url: '/api/accounts/forgot-password',
      payload: { email: 'nobody@example.org' },
    });
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(known.json<{ data: unknown }>().data).toEqual(unknown.json<{ data: unknown }>().data);
  });

  it('enforces the password policy on signup, reset and update', async () => {
    const weak = await inject({
      method: 'POST',
      url: '/api/accounts/signup',
      payload: { email: 'weak@example.org', password: 'password' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({ success: false, error: { code: 'WEAK_PASSWORD', field: 'password' } });

    const user = await createUser(server);
    const update = await inject({
      method: 'POST',
      url: '/api/accounts/update-password',
      headers: { cookie: user.cookie },
      payload: { old_password: user.password, new_password: 'short' },
    });
    expect(update.statusCode).toBe(422);
    expect(update.json()).toMatchObject({ error: { code: 'WEAK_PASSWORD' } });
  });

  it('accepts every authentication method on protected routes', async () => {
    const user = await createUser(server);
    for (const method of AUTH_METHODS) {
      const me = await inject({
        method: 'GET',
        url: '/api/accounts/me',
        headers: await authHeaders(server, user, method),
      });
      expect(me.statusCode, method).toBe(200);
      expect(me.json<{ data: { email: string } }>().data.email, method).toBe(user.email);
    }
    const anonymous = await inject({ method: 'GET', url: '/api/accounts/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
    const forged = await inject({
      method: 'GET',
      url: '/api/accounts/me',
      headers: { authorization: `Bearer ${user.clientSecret}x` },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('issues raw OAuth2 tokens for client credentials in the form or in Basic auth', async () => {
    const user = await createUser(server);
    const basic = Buffer.from(`${user.clientId}:${user.clientSecret}`).toString('base64');
    const viaBasic = await inject({
      method: 'POST',
      url: '/api/accounts/token',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials',
    });
    expect(viaBasic.statusCode).toBe(200);
    expect(viaBasic.json()).toMatchObject({ token_type: 'bearer', expires_in: 30 * 24 * 3600 });
    expect(viaBasic.json()).not.toHaveProperty('success');
    expect(await clientCredentialsToken(server, user)).toMatch(/^ey/);

    const wrong = await inject({
      method: 'POST',
      url: '/api/accounts/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&client_id=${user.clientId}&client_secret=nope`,
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'invalid_client' });
    const grant = await inject({
      method: 'POST',
      url: '/api/accounts/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=password',
    });
    expect(grant.statusCode).toBe(400);
    expect(grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('verifies the email with the mailed single-use link', async () => {
    const user = await createUser(server);
    const link = new URL(await lastMailLink(server, user.email));
    expect(link.pathname).toBe('/verify-email');
    const token = link.searchParams.get('token') ?? '';
    const verify = await inject({ method: 'GET', url: `/api/accounts/verify-email?token=${token}` });
    expect(verify.statusCode).toBe(200);
    const me = await inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie: user.cookie } });
    expect(me.json<{ data: { email_verified: boolean } }>().data.email_verified).toBe(true);
    const reused = await inject({ method: 'GET', url: `/api/accounts/verify-email?token=${token}` });
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ error: { code: 'INVALID_TOKEN' } });
  });

  it('resets a forgotten password once, and old sessions stop working', async () => {
    const user = await createUser(server);
    await inject({ method: 'POST', url: '/api/accounts/forgot-password', payload: { email: user.email } });
    const token = new URL(await lastMailLink(server, user.email)).searchParams.get('token') ?? '';
    const weak = await inject({
      method: 'POST',
      url: '/api/accounts/reset-password',
      payload: { token, new_password: 'weak' },
    });
    expect(weak.statusCode).toBe(422);
    const reset = await inject({
      method: 'POST',
      url: '/api/accounts/reset-password',
      payload: { token, new_password: 'Another-Pass-77' },
    });
    expect(reset.statusCode).toBe(200);
    expect(
      (await inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie: user.cookie } })).statusCode,
    ).toBe(401);
    const oldLogin = await inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: { email: user.email, password: user.password },
    });
    expect(oldLogin.statusCode).toBe(401);
    const newLogin = await inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: { email: user.email, password: 'Another-Pass-77' },
    });
    expect(newLogin.statusCode).toBe(200);
    const again = await inject({
      method: 'POST',
      url: '/api/accounts/reset-password',
      payload: { token, new_password: 'Third-Pass-99' },
    });
    expect(again.json()).toMatchObject({ error: { code: 'INVALID_TOKEN' } });
  });

  it('updates the password: wrong old password refused, other tokens revoked, this session kept', async () => {
    const user = await createUser(server);
    const wrong = await inject({
      method: 'POST',
      url: '/api/accounts/update-password',
      headers: { cookie: user.cookie },
      payload: { old_password: 'Wrong-Pass-1', new_password: 'Brand-New-Pass-5' },
    });
    // 403, never 401: a client would read 401 as an expired session and sign the user out.
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_PASSWORD', field: 'old_password' } });
    const update = await inject({
      method: 'POST',
      url: '/api/accounts/update-password',
      headers: { cookie: user.cookie },
      payload: { old_password: user.password, new_password: 'Brand-New-Pass-5' },
    });
    expect(update.statusCode).toBe(200);
    expect(
      (await inject({ method: 'GET', url: '/api/accounts/me', headers: { authorization: `Bearer ${user.jwt}` } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie: sessionCookie(update) } })).statusCode,
    ).toBe(200);
  });

  it('regenerates the secret: the old one stops working as an API key and for client credentials', async () => {
    const user = await createUser(server);
    const rotated = await inject({
      method: 'POST',
      url: '/api/accounts/regenerate-secret',
      headers: { authorization: `Bearer ${user.clientSecret}` },
    });
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json<{ data: { client_id: string; client_secret: string } }>().data;
    expect(fresh.client_id).toBe(user.clientId);
    expect(fresh.client_secret).not.toBe(user.clientSecret);
    expect(
      (
        await inject({
          method: 'GET',
          url: '/api/accounts/me',
          headers: { authorization: `Bearer ${user.clientSecret}` },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await inject({
          method: 'GET',
          url: '/api/accounts/me',
          headers: { authorization: `Bearer ${fresh.client_secret}` },
        })
      ).statusCode,
    ).toBe(200);
    await expect(clientCredentialsToken(server, user)).rejects.toThrow(/401/);
  });

  it('deletes the account with its meters after checking the password', async () => {
    const user = await createUser(server);
    await inject({
      method: 'POST',
      url: '/api/pdl',
      headers: { cookie: user.cookie },
      payload: { usage_point_id: '55555555555555' },
    });
    const denied = await inject({
      method: 'DELETE',
      url: '/api/accounts/me',
      headers: { cookie: user.cookie },
      payload: { password: 'Wrong-Pass-1' },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ error: { code: 'INVALID_PASSWORD' } });
    const deleted = await inject({
      method: 'DELETE',
      url: '/api/accounts/me',
      headers: { cookie: user.cookie },
      payload: { password: user.password },
    });
    expect(deleted.statusCode).toBe(200);
    expect(
      (await inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie: user.cookie } })).statusCode,
    ).toBe(401);
    const pdlRows = await server.deps.db
      .selectFrom('pdls')
      .select('id')
      .where('usage_point_id', '=', '55555555555555')
      .execute();
    expect(pdlRows).toHaveLength(0);
    // The meter is free for another account now.
    const other = await createUser(server);
    const reuse = await inject({
      method: 'POST',
      url: '/api/pdl',
      headers: { cookie: other.cookie },
      payload: { usage_point_id: '55555555555555' },
    });
    expect(reuse.statusCode).toBe(201);
  });

  it('throttles repeated failed logins per email with 429 and Retry-After', async () => {
    const user = await createUser(server);
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await inject({
        method: 'POST',
        url: '/api/accounts/login',
        payload: { email: user.email, password: 'Wrong-Pass-1' },
        remoteAddress: `10.0.0.${attempt}`,
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        retryAfter = String(response.headers['retry-after']);
      }
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Even the right password waits until the window ends: the attacker learns nothing.
    const right = await inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: { email: user.email, password: user.password },
      remoteAddress: '10.0.1.1',
    });
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
  });

  it('throttles sign-ups per IP', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const response = await inject({
        method: 'POST',
        url: '/api/accounts/signup',
        payload: { email: `burst-${attempt}-${Date.now()}@example.org`, password: STRONG_PASSWORD },
        remoteAddress: '192.0.2.77',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.at(-1)).toBe(429);
  });

  it('gives the admin role to an ADMIN_EMAILS address once verified, and reports limits in usage-stats', async () => {
    const signup = await inject({
      method: 'POST',
      url: '/api/accounts/signup',
      payload: { email: 'Boss@example.org', password: STRONG_PASSWORD },
    });
    expect(signup.statusCode).toBe(201);
    const login = await inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: { email: 'boss@example.org', password: STRONG_PASSWORD },
    });
    const unverified = await inject({
      method: 'GET',
      url: '/api/accounts/me',
      headers: { cookie: sessionCookie(login) },
    });
    expect(unverified.json()).toMatchObject({ data: { is_admin: false, role: { name: 'visitor' } } });
    const verify = await inject({ method: 'GET', url: verifyPath(await lastMailLink(server, 'boss@example.org')) });
    expect(verify.statusCode).toBe(200);
    const me = await inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie: sessionCookie(login) } });
    expect(me.json()).toMatchObject({ data: { is_admin: true, role: { name: 'admin' } } });
    expect(me.json<{ data: { role: { permissions: unknown[] } } }>().data.role.permissions).toHaveLength(10);
    const usage = await inject({
      method: 'GET',
      url: '/api/accounts/usage-stats',
      headers: { cookie: sessionCookie(login) },
    });
    expect(usage.json()).toMatchObject({ data: { cached_limit: null, no_cache_limit: null, cached_requests: 0 } });
    const visitor = await createUser(server);
    const visitorUsage = await inject({
      method: 'GET',
      url: '/api/accounts/usage-stats',
      headers: { cookie: visitor.cookie },
    });
    expect(visitorUsage.json()).toMatchObject({ data: { cached_limit: 1000, no_cache_limit: 50 } });
  });

  it('toggles admin data sharing and logs out', async () => {
    const user = await createUser(server);
    const on = await inject({
      method: 'POST',
      url: '/api/accounts/toggle-admin-sharing',
      headers: { cookie: user.cookie },
    });
    expect(on.json()).toMatchObject({ data: { admin_data_sharing: true } });
    const off = await inject({
      method: 'POST',
      url: '/api/accounts/toggle-admin-sharing',
      headers: { cookie: user.cookie },
    });
    expect(off.json()).toMatchObject({ data: { admin_data_sharing: false, admin_data_sharing_enabled_at: null } });
    const logout = await inject({ method: 'POST', url: '/api/accounts/logout', headers: { cookie: user.cookie } });
    expect(logout.statusCode).toBe(200);
    expect(logout.cookies.find((entry) => entry.name === 'access_token')?.value).toBe('');
  });
});

describe('email verification required', () => {
  it('refuses login and API calls until the address is confirmed', async () => {
    const [backend] = backends;
    if (!backend) {
      throw new Error('no backend');
    }
    const server = await startTestServer(backend, { REQUIRE_EMAIL_VERIFICATION: 'true' });
    try {
      const email = 'verify-me@example.org';
      const signup = await server.app.inject({
        method: 'POST',
        url: '/api/accounts/signup',
        payload: { email, password: STRONG_PASSWORD },
      });
      const { client_secret: secret, signed_in: signedIn } = signup.json<{
        data: { client_secret: string; signed_in: boolean };
      }>().data;
      // The mailed link comes first: no session from the sign-up either.
      expect(signedIn).toBe(false);
      expect(signup.cookies.find((entry) => entry.name === 'access_token')).toBeUndefined();
      const login = await server.app.inject({
        method: 'POST',
        url: '/api/accounts/login',
        payload: { email, password: STRONG_PASSWORD },
      });
      expect(login.statusCode).toBe(403);
      expect(login.json()).toMatchObject({ error: { code: 'EMAIL_NOT_VERIFIED' } });
      const pdls = await server.app.inject({
        method: 'GET',
        url: '/api/pdl',
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(pdls.statusCode).toBe(403);
      const token = new URL(await lastMailLink(server, email)).searchParams.get('token') ?? '';
      await server.app.inject({ method: 'GET', url: `/api/accounts/verify-email?token=${token}` });
      const after = await server.app.inject({
        method: 'GET',
        url: '/api/pdl',
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(after.statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });
});
