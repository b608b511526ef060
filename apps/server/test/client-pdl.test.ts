import type { Pdl } from '@med/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import { listenGateway, startClientTestServer, type ClientTestServer } from './support/client-server.ts';
import { giveConsent } from './support/consent-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const CONSUMPTION_PRM = '12345678901234';
const PRODUCTION_PRM = '10284856584123';

/**
 * `GET /api/pdl` in client mode answers the household's meters from the local store, in the gateway's shape
 * and order (the web app's meter pickers read it), and nothing else of the gateway's PDL management.
 */
describe.each(backends)('client mode: local meter list on $name', (backend) => {
  let gateway: TestServer;
  let user: TestUser;
  let client: ClientTestServer;

  beforeAll(async () => {
    gateway = await startTestServer(backend);
    const apiUrl = await listenGateway(gateway);
    user = await createUser(gateway, 'household');
    await giveConsent(gateway, user, [CONSUMPTION_PRM, PRODUCTION_PRM]);
    client = await startClientTestServer(backend, {
      MED_API_URL: apiUrl,
      MED_CLIENT_ID: user.clientId,
      MED_CLIENT_SECRET: user.clientSecret,
    });
  }, 60_000);
  afterAll(async () => {
    await client.close();
    await gateway.close();
  });

  it('is empty before the first sync, then lists what the gateway lists, in its order', async () => {
    const before = await client.app.inject({ method: 'GET', url: '/api/pdl' });
    expect(before.statusCode).toBe(200);
    expect(before.json<{ data: Pdl[] }>().data).toEqual([]);

    // Reverse the gateway's order, so an answer sorted by PRM alone would fail.
    const listed = await gateway.app.inject({ method: 'GET', url: '/api/pdl', headers: { cookie: user.cookie } });
    const gatewayPdls = listed.json<{ data: Pdl[] }>().data;
    const reordered = await gateway.app.inject({
      method: 'PATCH',
      url: '/api/pdl/reorder',
      headers: { cookie: user.cookie },
      payload: {
        pdl_orders: [...gatewayPdls]
          .sort((a, b) => b.usage_point_id.localeCompare(a.usage_point_id))
          .map((pdl, order) => ({ id: pdl.id, order })),
      },
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    const expected = (
      await gateway.app.inject({ method: 'GET', url: '/api/pdl', headers: { cookie: user.cookie } })
    ).json<{ data: Pdl[] }>().data;
    expect(expected.map((pdl) => pdl.usage_point_id)).toEqual([CONSUMPTION_PRM, PRODUCTION_PRM].sort().reverse());

    await client.sync.syncMeters();
    const after = await client.app.inject({ method: 'GET', url: '/api/pdl' });
    expect(after.statusCode).toBe(200);
    expect(after.json<{ data: Pdl[] }>().data).toEqual(expected);
  });

  it('serves none of the gateway’s meter management', async () => {
    for (const [method, url] of [
      ['POST', '/api/pdl'],
      ['GET', `/api/pdl/${CONSUMPTION_PRM}`],
      ['PATCH', '/api/pdl/reorder'],
    ] as const) {
      const response = await client.app.inject({ method, url, payload: {} });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
  });
});
