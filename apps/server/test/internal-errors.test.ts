import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/** The database connection is torn down under a running app: a real failure, no mock. */
describe.each(backends)('when the database is gone on $name', (backend) => {
  let server: TestServer;
  let user: TestUser;
  beforeAll(async () => {
    server = await startTestServer(backend);
    user = await createUser(server, 'down');
    await server.deps.db.destroy();
  });
  afterAll(async () => server.close());

  it('answers 500 INTERNAL_ERROR without internal details on envelope routes', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/pdl',
      headers: { authorization: `Bearer ${user.clientSecret}` },
    });
    expectError(response, 500, 'INTERNAL_ERROR');
    expect(response.body).not.toMatch(/destroyed|kysely|sqlite|postgres|pool/i);
  });

  it('answers the OAuth2 token route with 500 server_error, not a 400 leaking the cause', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/accounts/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: user.clientId,
        client_secret: user.clientSecret,
      }).toString(),
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: 'server_error', error_description: expect.any(String) as string });
    expect(response.body).not.toMatch(/destroyed|kysely|sqlite|postgres|pool/i);
  });

  it('reports not ready (503) with the failing check', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'not_ready', checks: { database: false, cache: true } });
  });
});
