import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { clientCredentialsToken, createUser, sessionCookie, type TestUser } from './support/accounts-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

describe.each(backends)('regenerating the client secret on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => server.close());

  const inject = (options: InjectOptions) => server.app.inject(options);
  const meStatus = async (headers: Record<string, string>) =>
    (await inject({ method: 'GET', url: '/api/accounts/me', headers })).statusCode;
  const newSecret = (response: LightMyRequestResponse) =>
    response.json<{ data: { client_id: string; client_secret: string } }>().data;

  it('from the browser: revokes the old secret and every other session, keeps the caller signed in', async () => {
    const user = await createUser(server);
    // A second session of the same account (another device), which must end with the rotation.
    const otherSessionJwt = await clientCredentialsToken(server, user);

    const rotated = await inject({
      method: 'POST',
      url: '/api/accounts/regenerate-secret',
      headers: { cookie: user.cookie },
    });
    expect(rotated.statusCode).toBe(200);
    const fresh = newSecret(rotated);
    expect(fresh.client_id).toBe(user.clientId);
    expect(fresh.client_secret).not.toBe(user.clientSecret);

    // The answer carries a new session cookie, set like login's, that still opens the account.
    const cookie = rotated.cookies.find((entry) => entry.name === 'access_token');
    expect(cookie?.value).toBeTruthy();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');
    const newCookie = sessionCookie(rotated);
    expect(newCookie).not.toBe(user.cookie);
    expect(await meStatus({ cookie: newCookie })).toBe(200);
    expect(
      (await inject({ method: 'GET', url: '/api/accounts/credentials', headers: { cookie: newCookie } })).json(),
    ).toMatchObject({ data: { client_id: user.clientId } });

    // Everything issued before is revoked: the old cookie, the login JWT, the other session, the old secret.
    expect(await meStatus({ cookie: user.cookie })).toBe(401);
    expect(await meStatus({ authorization: `Bearer ${user.jwt}` })).toBe(401);
    expect(await meStatus({ authorization: `Bearer ${otherSessionJwt}` })).toBe(401);
    expect(await meStatus({ authorization: `Bearer ${user.clientSecret}` })).toBe(401);
    await expect(clientCredentialsToken(server, user)).rejects.toThrow(/401/);

    // The new secret works as an API key and at the token endpoint.
    const renewed: TestUser = { ...user, clientSecret: fresh.client_secret };
    expect(await meStatus({ authorization: `Bearer ${fresh.client_secret}` })).toBe(200);
    expect(await meStatus({ authorization: `Bearer ${await clientCredentialsToken(server, renewed)}` })).toBe(200);
  });

  it('from an API client: rotates the secret without opening a browser session', async () => {
    const user = await createUser(server);
    const rotated = await inject({
      method: 'POST',
      url: '/api/accounts/regenerate-secret',
      headers: { authorization: `Bearer ${user.clientSecret}` },
    });
    expect(rotated.statusCode).toBe(200);
    const fresh = newSecret(rotated);
    expect(fresh.client_secret).not.toBe(user.clientSecret);
    // Only the clearing of a stale cookie, never a new session for a caller that did not have one.
    for (const cookie of rotated.cookies.filter((entry) => entry.name === 'access_token')) {
      expect(cookie.value).toBe('');
    }
    expect(await meStatus({ cookie: user.cookie })).toBe(401);
    expect(await meStatus({ authorization: `Bearer ${user.clientSecret}` })).toBe(401);
    expect(await meStatus({ authorization: `Bearer ${fresh.client_secret}` })).toBe(200);
  });
});
