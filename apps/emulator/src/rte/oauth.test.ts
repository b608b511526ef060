import { afterEach, describe, expect, it } from 'vitest';
import { TEMPO_PATH } from './tempo.ts';
import { matching, anyString, basicAuth, DEFAULT_CLIENT, rteTestEmulator, type RteTestEmulator } from './test-kit.ts';

const NOW = '2025-01-15T12:00:00Z';
let emulator: RteTestEmulator;
afterEach(() => emulator.close());

const errorShape = {
  error: anyString(),
  error_description: anyString(),
  error_uri: '',
  error_details: { transaction_id: matching(/^Id-[0-9a-f]{24}$/) },
};

describe('POST /token/oauth/', () => {
  it('issues a 2-hour bearer token for Basic client credentials', async () => {
    emulator = await rteTestEmulator(NOW);
    const response = await emulator.app.inject({
      method: 'POST',
      url: '/token/oauth/',
      headers: {
        authorization: basicAuth(DEFAULT_CLIENT.id, DEFAULT_CLIENT.secret),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'grant_type=client_credentials',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ access_token: anyString(), token_type: 'Bearer', expires_in: 7200 });
  });

  it('accepts form fields, no trailing slash and an empty JSON body', async () => {
    emulator = await rteTestEmulator(NOW);
    const form = await emulator.app.inject({
      method: 'POST',
      url: '/token/oauth',
      payload: `client_id=${DEFAULT_CLIENT.id}&client_secret=${DEFAULT_CLIENT.secret}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(200);
    const emptyJson = await emulator.app.inject({
      method: 'POST',
      url: '/token/oauth/',
      headers: {
        authorization: basicAuth(DEFAULT_CLIENT.id, DEFAULT_CLIENT.secret),
        'content-type': 'application/json',
      },
      payload: '',
    });
    expect(emptyJson.statusCode).toBe(200);
  });

  it('answers 401 invalid_client to bad or missing credentials', async () => {
    emulator = await rteTestEmulator(NOW);
    for (const headers of [{ authorization: basicAuth(DEFAULT_CLIENT.id, 'wrong') }, {}]) {
      const response = await emulator.app.inject({ method: 'POST', url: '/token/oauth/', headers });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ ...errorShape, error: 'invalid_client' });
    }
  });

  it('refuses another grant type', async () => {
    emulator = await rteTestEmulator(NOW);
    const response = await emulator.app.inject({
      method: 'POST',
      url: '/token/oauth/',
      headers: { authorization: basicAuth(DEFAULT_CLIENT.id, DEFAULT_CLIENT.secret) },
      payload: { grant_type: 'password' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: string }>().error).toBe('unsupported_grant_type');
  });

  it('uses configured credentials', async () => {
    emulator = await rteTestEmulator(NOW, { clientId: 'mine', clientSecret: 's3cret' });
    await expect(emulator.token('mine', 's3cret')).resolves.toEqual(anyString());
    await expect(emulator.token()).rejects.toThrow(/401/);
  });
});

describe('bearer check of data calls', () => {
  it('answers 401 without a token or with an unknown one', async () => {
    emulator = await rteTestEmulator(NOW);
    const missing = await emulator.app.inject({ method: 'GET', url: TEMPO_PATH });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toEqual({ ...errorShape, error: 'invalid_token' });
    const unknown = await emulator.get(TEMPO_PATH, {}, 'not-a-token');
    expect(unknown.statusCode).toBe(401);
  });

  it('expires tokens after expires_in seconds of emulator time', async () => {
    emulator = await rteTestEmulator(NOW);
    const token = await emulator.token();
    emulator.setNow('2025-01-15T13:59:59Z');
    expect((await emulator.get(TEMPO_PATH, {}, token)).statusCode).toBe(200);
    emulator.setNow('2025-01-15T14:00:00Z');
    const expired = await emulator.get(TEMPO_PATH, {}, token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json<{ error_description: string }>().error_description).toMatch(/expired/);
  });

  it('answers 403 when the application has no subscription to the API', async () => {
    emulator = await rteTestEmulator(NOW, {
      extraClients: [{ clientId: 'tempo-only', clientSecret: 'x', subscriptions: ['tempo'] }],
    });
    const token = await emulator.token('tempo-only', 'x');
    expect((await emulator.get(TEMPO_PATH, {}, token)).statusCode).toBe(200);
    const ecowatt = await emulator.get('/open_api/ecowatt/v5/signals', {}, token);
    expect(ecowatt.statusCode).toBe(403);
    expect(ecowatt.json()).toEqual({ ...errorShape, error: 'ACCESS_DENIED' });
  });
});
