import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { NOW, PATHS, PRMS, testEmulator } from '../test-support.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const ID = 'med-emulator-client';
const SECRET = 'med-emulator-secret';
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

let app: FastifyInstance;
afterEach(() => app.close());

describe('POST /oauth2/v3/token', () => {
  it('issues a token for Basic credentials, with expires_in as a string', async () => {
    app = await testEmulator();
    const response = await app.inject({
      method: 'POST',
      url: '/oauth2/v3/token',
      headers: { ...FORM, authorization: basic(ID, SECRET) },
      payload: 'grant_type=client_credentials',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    const { access_token: accessToken, ...rest } = body;
    expect(rest).toEqual({ token_type: 'Bearer', expires_in: '12600', scope: '' });
    expect(typeof accessToken).toBe('string');
    expect(String(accessToken).length).toBeGreaterThanOrEqual(32);
  });

  it('accepts credentials as form fields and as query parameters', async () => {
    app = await testEmulator();
    const form = await app.inject({
      method: 'POST',
      url: '/oauth2/v3/token',
      headers: FORM,
      payload: `grant_type=client_credentials&client_id=${ID}&client_secret=${SECRET}`,
    });
    const query = await app.inject({
      method: 'POST',
      url: `/oauth2/v3/token?grant_type=client_credentials&client_id=${ID}&client_secret=${SECRET}`,
      headers: FORM,
      payload: '',
    });
    expect(form.statusCode).toBe(200);
    expect(query.statusCode).toBe(200);
    expect(form.json<{ access_token: string }>().access_token).not.toBe(
      query.json<{ access_token: string }>().access_token,
    );
  });

  it('answers 401 to unknown credentials and to none', async () => {
    app = await testEmulator();
    for (const headers of [{ ...FORM, authorization: basic(ID, 'wrong') }, FORM]) {
      const response = await app.inject({
        method: 'POST',
        url: '/oauth2/v3/token',
        headers,
        payload: 'grant_type=client_credentials',
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'invalid_client' });
    }
  });

  it('refuses other grants with unsupported_grant_type and a missing grant with invalid_request', async () => {
    app = await testEmulator();
    const headers = { ...FORM, authorization: basic(ID, SECRET) };
    for (const grant of ['authorization_code', 'refresh_token', 'password']) {
      const response = await app.inject({
        method: 'POST',
        url: '/oauth2/v3/token',
        headers,
        payload: `grant_type=${grant}`,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'unsupported_grant_type' });
    }
    const missing = await app.inject({ method: 'POST', url: '/oauth2/v3/token', headers, payload: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('answers 415 when the body is not form-urlencoded', async () => {
    app = await testEmulator();
    for (const [type, payload] of [
      ['application/json', '{"grant_type":"client_credentials"}'],
      ['text/plain', 'grant_type=client_credentials'],
      ['application/xml', '<grant/>'],
    ] as const) {
      const response = await app.inject({
        method: 'POST',
        url: '/oauth2/v3/token',
        headers: { 'content-type': type, authorization: basic(ID, SECRET) },
        payload,
      });
      expect(response.statusCode, type).toBe(415);
      expect(response.json<{ error_description: string }>().error_description).toContain(
        'application/x-www-form-urlencoded',
      );
    }
  });

  it('tokens work on data endpoints until they expire in emulator time', async () => {
    let now = NOW;
    app = await testEmulator({}, () => now);
    const issued = await app.inject({
      method: 'POST',
      url: '/oauth2/v3/token',
      headers: { ...FORM, authorization: basic(ID, SECRET) },
      payload: 'grant_type=client_credentials',
    });
    const headers = { authorization: `Bearer ${issued.json<{ access_token: string }>().access_token}` };
    const call = () => app.inject({ url: PATHS.contracts, query: { usage_point_id: PRMS.complete }, headers });
    expect((await call()).statusCode).toBe(200);
    now = new Date(NOW.getTime() + 12_599_000);
    expect((await call()).statusCode).toBe(200);
    now = new Date(NOW.getTime() + 12_600_000);
    const expired = await call();
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ fault: { code: 900901 } });
  });

  it('answers 401 without a bearer token and with an unknown one', async () => {
    app = await testEmulator();
    const none = await app.inject({ url: PATHS.contracts, query: { usage_point_id: PRMS.complete } });
    const unknown = await app.inject({
      url: PATHS.contracts,
      query: { usage_point_id: PRMS.complete },
      headers: { authorization: 'Bearer nope' },
    });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ fault: { code: 900902 } });
    expect(unknown.statusCode).toBe(401);
  });
});

describe('POST /oauth2/v3/revoke', () => {
  it('always answers 200 and makes a known token unusable', async () => {
    app = await testEmulator();
    const token = app.enedisEmulator.issueToken();
    const revoke = (payload: string) =>
      app.inject({ method: 'POST', url: '/oauth2/v3/revoke', headers: FORM, payload });
    expect((await revoke(`token=${token}&token_type_hint=access_token`)).statusCode).toBe(200);
    expect((await revoke('token=unknown')).statusCode).toBe(200);
    expect((await revoke('')).statusCode).toBe(200);
    const after = await app.inject({
      url: PATHS.contracts,
      query: { usage_point_id: PRMS.complete },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });
});
