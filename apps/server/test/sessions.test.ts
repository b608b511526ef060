import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCredentialsToken, createUser, sessionCookie, type TestUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

describe.each(backends)('logout revokes the token on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => server.close());

  const me = async (headers: Record<string, string>, on: TestServer = server) =>
    (await on.app.inject({ method: 'GET', url: '/api/accounts/me', headers })).statusCode;
  const logout = (headers: Record<string, string>) =>
    server.app.inject({ method: 'POST', url: '/api/accounts/logout', headers });
  /** A second browser session of the same user. */
  const loginAgain = async (user: TestUser) => {
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: { email: user.email, password: user.password },
    });
    return { cookie: sessionCookie(login), jwt: login.json<{ data: { access_token: string } }>().data.access_token };
  };
  const revokedCount = async () => (await server.deps.db.selectFrom('revoked_tokens').select('jti').execute()).length;

  it('a cookie used after logout gets 401; the user’s other sessions keep working', async () => {
    const user = await createUser(server, 'logout-cookie');
    const other = await loginAgain(user);
    const clientJwt = await clientCredentialsToken(server, user);
    expect(await me({ cookie: user.cookie })).toBe(200);

    const out = await logout({ cookie: user.cookie });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((entry) => entry.name === 'access_token')?.value).toBe('');
    // The same token, replayed (a copied cookie, or as a Bearer), is refused.
    expect(await me({ cookie: user.cookie })).toBe(401);
    expect(await me({ authorization: `Bearer ${user.cookie.slice('access_token='.length)}` })).toBe(401);

    expect(await me({ cookie: other.cookie })).toBe(200);
    expect(await me({ authorization: `Bearer ${other.jwt}` })).toBe(200);
    expect(await me({ authorization: `Bearer ${clientJwt}` })).toBe(200);
    expect(await me({ authorization: `Bearer ${user.clientSecret}` })).toBe(200);
  });

  it('logout with a Bearer JWT (login or client credentials) revokes that JWT', async () => {
    const user = await createUser(server, 'logout-bearer');
    const other = await loginAgain(user);
    const clientJwt = await clientCredentialsToken(server, user);
    expect(await me({ authorization: `Bearer ${user.jwt}` })).toBe(200);

    expect((await logout({ authorization: `Bearer ${user.jwt}` })).statusCode).toBe(200);
    expect(await me({ authorization: `Bearer ${user.jwt}` })).toBe(401);
    // Login puts the same token in the cookie and the body: the cookie of that session ends too.
    expect(await me({ cookie: user.cookie })).toBe(401);
    expect(await me({ cookie: other.cookie })).toBe(200);
    expect(await me({ authorization: `Bearer ${clientJwt}` })).toBe(200);

    expect((await logout({ authorization: `Bearer ${clientJwt}` })).statusCode).toBe(200);
    expect(await me({ authorization: `Bearer ${clientJwt}` })).toBe(401);
    expect(await me({ cookie: other.cookie })).toBe(200);
    expect(await me({ authorization: `Bearer ${user.clientSecret}` })).toBe(200);
  });

  it('logout with both a cookie and a Bearer JWT revokes both; the API key is not a session', async () => {
    const user = await createUser(server, 'logout-both');
    const other = await loginAgain(user);
    const clientJwt = await clientCredentialsToken(server, user);
    expect((await logout({ cookie: user.cookie, authorization: `Bearer ${clientJwt}` })).statusCode).toBe(200);
    expect(await me({ cookie: user.cookie })).toBe(401);
    expect(await me({ authorization: `Bearer ${clientJwt}` })).toBe(401);
    expect(await me({ cookie: other.cookie })).toBe(200);
    // A client secret sent to logout revokes nothing (rotating it is what ends it).
    expect((await logout({ authorization: `Bearer ${user.clientSecret}` })).statusCode).toBe(200);
    expect(await me({ authorization: `Bearer ${user.clientSecret}` })).toBe(200);
  });

  it('records nothing for tokens that are not ours, and logging out twice is harmless', async () => {
    const user = await createUser(server, 'logout-forged');
    const other = await loginAgain(user);
    const before = await revokedCount();
    const [header, payload] = user.jwt.split('.');
    for (const token of [`${header}.${payload}.forged-signature`, 'a.b.c', 'garbage']) {
      expect((await logout({ authorization: `Bearer ${token}`, cookie: `access_token=${token}` })).statusCode).toBe(
        200,
      );
    }
    expect(await revokedCount()).toBe(before);
    expect(await me({ cookie: user.cookie })).toBe(200);
    expect((await logout({ cookie: user.cookie })).statusCode).toBe(200);
    expect((await logout({ cookie: user.cookie })).statusCode).toBe(200);
    expect(await revokedCount()).toBe(before + 1);
    expect(await me({ cookie: other.cookie })).toBe(200);
  });

  it('the revocation survives a restart and is seen by another instance sharing the database', async () => {
    const user = await createUser(server, 'logout-shared');
    const second = await loginAgain(user);
    const third = await loginAgain(user);
    expect((await logout({ cookie: user.cookie })).statusCode).toBe(200);
    // A new process on the same database and SECRET_KEY: it never saw the logout.
    const other = await startTestServer(backend, { SECRET_KEY: server.config.secretKey }, { joinWith: server.storage });
    try {
      expect(await me({ cookie: user.cookie }, other)).toBe(401);
      expect(await me({ cookie: second.cookie }, other)).toBe(200);
      // And the other way round: a logout on the other instance holds on the first.
      const out = await other.app.inject({
        method: 'POST',
        url: '/api/accounts/logout',
        headers: { authorization: `Bearer ${second.jwt}` },
      });
      expect(out.statusCode).toBe(200);
      expect(await me({ cookie: second.cookie })).toBe(401);
      expect(await me({ cookie: third.cookie })).toBe(200);
      expect(await me({ cookie: third.cookie }, other)).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('the sessions cleanup job forgets revocations of expired tokens only', async () => {
    const db = server.deps.db;
    const now = Date.now();
    const row = (jti: string, expiresInMs: number) => ({
      jti,
      expires_at: new Date(now + expiresInMs).toISOString(),
      revoked_at: new Date(now - 60_000).toISOString(),
    });
    await db
      .insertInto('revoked_tokens')
      .values([row('expired-long-ago', -86_400_000), row('expired-just-now', -1000), row('still-valid', 3_600_000)])
      .execute();
    const result = await server.deps.scheduler.runNow('sessions-cleanup');
    expect(result).toMatchObject({ status: 'success' });
    expect(result?.detail).toMatch(/^deleted [2-9]\d* expired revoked token\(s\)$/);
    const left = await db.selectFrom('revoked_tokens').select('jti').execute();
    const ids = left.map((entry) => entry.jti);
    expect(ids).toContain('still-valid');
    expect(ids).not.toContain('expired-long-ago');
    expect(ids).not.toContain('expired-just-now');
  });
});
