import { randomBytes, randomUUID } from 'node:crypto';
import type { Pdl } from '@med/contracts';
import type { InjectOptions } from 'fastify';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwt } from '../src/security/jwt.ts';
import { createServerKeys } from '../src/security/keys.ts';
import { backends } from './support/backends.ts';
import { authHeaders, AUTH_METHODS, createUser, type TestUser } from './support/accounts-helpers.ts';
import { createPdl, expectError, pdlRow } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

describe.each(backends)('isolation between accounts on $name', (backend) => {
  let server: TestServer;
  let alice: TestUser;
  let aliceId: string;
  let aliceHeaders: Record<string, string>;
  let consumption: Pdl;
  let production: Pdl;

  beforeAll(async () => {
    server = await startTestServer(backend);
    alice = await createUser(server, 'alice');
    aliceHeaders = { cookie: alice.cookie };
    aliceId = (await server.app.inject({ method: 'GET', url: '/api/accounts/me', headers: aliceHeaders })).json<{
      data: { id: string };
    }>().data.id;
    consumption = await createPdl(server, aliceHeaders, { name: 'Alice maison' });
    production = await createPdl(server, aliceHeaders, { name: 'Alice panneaux' });
    await server.app.inject({
      method: 'PATCH',
      url: `/api/pdl/${production.id}/type`,
      headers: aliceHeaders,
      payload: { has_consumption: false, has_production: true },
    });
  });
  afterAll(async () => server.close());

  const aliceRows = async () => Promise.all([pdlRow(server, consumption.id), pdlRow(server, production.id)]);

  it.each(AUTH_METHODS)(
    'another user authenticated by %s can neither read, list, change nor delete the meters',
    async (method) => {
      const bob = await createUser(server, 'bob');
      const headers = await authHeaders(server, bob, method);
      const bobPdl = await createPdl(server, headers);
      const before = await aliceRows();
      const bobBefore = await pdlRow(server, bobPdl.id);
      expect(before.every((row) => row?.user_id === aliceId)).toBe(true);

      const listed = await server.app.inject({ method: 'GET', url: '/api/pdl', headers });
      expect(listed.statusCode).toBe(200);
      expect(listed.json<{ data: Pdl[] }>().data.map((pdl) => pdl.id)).toEqual([bobPdl.id]);

      const id = consumption.id;
      const attempts: (InjectOptions & { method: string; url: string })[] = [
        { method: 'GET', url: `/api/pdl/${id}` },
        { method: 'DELETE', url: `/api/pdl/${id}` },
        { method: 'PATCH', url: `/api/pdl/${id}/name`, payload: { name: 'pwned' } },
        { method: 'PATCH', url: `/api/pdl/${id}/type`, payload: { has_consumption: true, has_production: true } },
        { method: 'PATCH', url: `/api/pdl/${id}/active`, payload: { is_active: false } },
        { method: 'PATCH', url: `/api/pdl/${id}/pricing-option`, payload: { pricing_option: 'TEMPO' } },
        {
          method: 'PATCH',
          url: `/api/pdl/${id}/contract`,
          payload: { subscribed_power: 36, offpeak_hours: ['00:00-23:59'] },
        },
        {
          method: 'PATCH',
          url: `/api/pdl/${id}/link-production`,
          payload: { linked_production_pdl_id: production.id },
        },
        { method: 'PATCH', url: `/api/pdl/${id}/link-production`, payload: { linked_production_pdl_id: null } },
        { method: 'PATCH', url: '/api/pdl/reorder', payload: { pdl_orders: [{ id, order: 0 }] } },
        // Mixed with Bob's own id: refused as a whole, Bob's meter untouched too.
        {
          method: 'PATCH',
          url: '/api/pdl/reorder',
          payload: {
            pdl_orders: [
              { id: bobPdl.id, order: 4 },
              { id: production.id, order: 1 },
            ],
          },
        },
        // Bob's own meter linked to Alice's production meter.
        {
          method: 'PATCH',
          url: `/api/pdl/${bobPdl.id}/link-production`,
          payload: { linked_production_pdl_id: production.id },
        },
      ];
      for (const attempt of attempts) {
        const response = await server.app.inject({ ...attempt, headers });
        expectError(response, 404, 'PDL_NOT_FOUND');
        expect(response.body, `${attempt.method} ${attempt.url}`).not.toContain(consumption.usage_point_id);
      }
      expect(await aliceRows()).toEqual(before);
      expect(await pdlRow(server, bobPdl.id)).toEqual(bobBefore);

      // Listing Alice's PRM by hand gives Bob a private placeholder that reads nothing, and Alice keeps hers.
      const placeholder = await server.app.inject({
        method: 'POST',
        url: '/api/pdl',
        headers,
        payload: { usage_point_id: consumption.usage_point_id },
      });
      expect(placeholder.statusCode).toBe(201);
      expect(placeholder.json<{ data: Pdl }>().data.consent_status).toBe('pending');
      expectError(
        await server.app.inject({
          method: 'GET',
          url: `/api/enedis/consumption/daily/${consumption.usage_point_id}?start=2025-01-01&end=2025-01-08`,
          headers,
        }),
        403,
        'CONSENT_REQUIRED',
      );
      expect((await pdlRow(server, consumption.id))?.user_id).toBe(aliceId);
    },
  );

  it("deleting another account leaves the first account's data intact", async () => {
    const bob = await createUser(server, 'bob');
    await createPdl(server, { cookie: bob.cookie });
    const before = await aliceRows();
    const deleted = await server.app.inject({
      method: 'DELETE',
      url: '/api/accounts/me',
      headers: { cookie: bob.cookie },
      payload: { password: bob.password },
    });
    expect(deleted.statusCode).toBe(200);
    expect(await aliceRows()).toEqual(before);
    const me = await server.app.inject({ method: 'GET', url: '/api/accounts/me', headers: aliceHeaders });
    expect(me.statusCode).toBe(200);
    const listed = await server.app.inject({ method: 'GET', url: '/api/pdl', headers: aliceHeaders });
    expect(
      listed
        .json<{ data: Pdl[] }>()
        .data.map((pdl) => pdl.id)
        .sort(),
    ).toEqual([consumption.id, production.id].sort());
  });

  describe('forged tokens', () => {
    const jwtKey = () => server.deps.keys.derive('jwt');
    const sign = (claims: { sub: string; tv: number }, expiresAt: number, key = jwtKey()) =>
      new SignJWT({ tv: claims.tv })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.sub)
        .setJti(randomUUID())
        .setIssuedAt(expiresAt - 3600)
        .setExpirationTime(expiresAt)
        .sign(key);
    const now = () => Math.floor(Date.now() / 1000);

    /** The token is refused both as a bearer and as the session cookie. */
    async function expectRefused(token: string): Promise<void> {
      for (const headers of [{ authorization: `Bearer ${token}` }, { cookie: `access_token=${token}` }]) {
        expectError(await server.app.inject({ method: 'GET', url: '/api/pdl', headers }), 401, 'UNAUTHORIZED');
      }
    }

    it('accepts a well-formed token signed with the server key (control)', async () => {
      const token = await sign({ sub: aliceId, tv: 0 }, now() + 600);
      const response = await server.app.inject({
        method: 'GET',
        url: '/api/pdl',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(200);
    });

    it('refuses an expired token', async () => {
      await expectRefused(await sign({ sub: aliceId, tv: 0 }, now() - 5));
    });

    it('refuses a token signed with another key', async () => {
      await expectRefused(
        await sign(
          { sub: aliceId, tv: 0 },
          now() + 600,
          createServerKeys(randomBytes(32).toString('base64url')).derive('jwt'),
        ),
      );
      const foreign = createJwt(createServerKeys(randomBytes(32).toString('base64url')), 60);
      await expectRefused(await foreign.sign({ userId: aliceId, tokenVersion: 0, authTime: null }));
    });

    it("refuses a token whose payload was swapped for another user's", async () => {
      const bob = await createUser(server, 'bob');
      const [header, , signature] = bob.jwt.split('.');
      const [, alicePayload] = alice.jwt.split('.');
      await expectRefused(`${header}.${alicePayload}.${signature}`);
      // Same payload, altered signature.
      const [h, p, s = ''] = alice.jwt.split('.');
      await expectRefused(`${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`);
    });

    it('refuses an unsigned (alg none) token', async () => {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      await expectRefused(
        `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: aliceId, tv: 0, exp: now() + 600 })}.`,
      );
    });
  });
});
