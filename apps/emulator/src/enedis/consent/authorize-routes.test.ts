import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getWithToken, PATHS, PRMS, testEmulator } from '../test-support.ts';

const BASE = {
  client_id: 'med-emulator-client',
  response_type: 'code',
  duration: 'P36M',
};
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let app: FastifyInstance;
afterEach(() => app.close());

function form(fields: Array<[string, string]>): string {
  return new URLSearchParams(fields).toString();
}

function baseFields(extra: Record<string, string> = {}): Array<[string, string]> {
  return Object.entries({ ...BASE, ...extra });
}

function redirectQuery(location: string | undefined): URLSearchParams {
  if (location === undefined) {
    throw new Error('no Location header');
  }
  return new URL(location).searchParams;
}

describe('GET /dataconnect/v1/oauth2/authorize', () => {
  it('shows a French consent page listing sandbox groups and configured meters', async () => {
    app = await testEmulator({ meters: [{ prm: '30000000000001', label: 'Maison de test' }] });
    const response = await app.inject({ url: '/dataconnect/v1/oauth2/authorize', query: { ...BASE, state: 'abc' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('name="viewport"');
    for (let n = 0; n <= 8; n++) {
      expect(html).toContain(`Client sandbox ${n}`);
    }
    for (const prm of [PRMS.complete, PRMS.client3Production, PRMS.demoMain, PRMS.demoSecondary, '30000000000001']) {
      expect(html).toContain(`value="${prm}"`);
    }
    expect(html).toContain('Maison de test');
    expect(html).toContain('36 mois');
    expect(html).toContain('Refuser');
    expect(html).toContain('value="abc"');
  });

  it('pre-ticks the sandbox client named by the last digit of state', async () => {
    app = await testEmulator();
    const html = (await app.inject({ url: '/dataconnect/v1/oauth2/authorize', query: { ...BASE, state: 'xyz7' } }))
      .body;
    expect(html).toContain('value="64975835695673" checked');
    expect(html).toContain('value="22315546958763" checked');
    expect(html).not.toContain(`value="${PRMS.complete}" checked`);
  });

  it('answers an error page for missing or bad parameters', async () => {
    app = await testEmulator();
    const cases: Array<[Record<string, string>, string]> = [
      [{ response_type: 'code', duration: 'P1Y' }, 'missing_parameter: client_id'],
      [{ client_id: BASE.client_id, response_type: 'code' }, 'missing_parameter: duration'],
      [{ ...BASE, response_type: 'token' }, 'response_type'],
      [{ ...BASE, client_id: 'someone-else' }, 'unknown client_id'],
      [{ ...BASE, duration: 'P4Y' }, 'maximum_duration_exceeded'],
      [{ ...BASE, duration: 'PT1H' }, 'invalid_duration_format'],
      [{ ...BASE, state: 'x'.repeat(101) }, 'state'],
    ];
    for (const [query, text] of cases) {
      const response = await app.inject({ url: '/dataconnect/v1/oauth2/authorize', query });
      expect(response.statusCode, text).toBe(400);
      expect(response.body).toContain('invalid_request');
      expect(response.body).toContain(text);
    }
  });

  it('accepts P3Y and P1Y4M', async () => {
    app = await testEmulator();
    for (const duration of ['P3Y', 'P1Y4M']) {
      const response = await app.inject({ url: '/dataconnect/v1/oauth2/authorize', query: { ...BASE, duration } });
      expect(response.statusCode).toBe(200);
    }
  });
});

describe('consent submission', () => {
  it('redirects with code, state and every ticked PRM joined by ";"', async () => {
    app = await testEmulator();
    const response = await app.inject({
      method: 'POST',
      url: '/dataconnect/v1/oauth2/authorize',
      headers: FORM,
      payload: form([
        ...baseFields({ state: 'state-42', redirect_uri: 'https://app.example/callback?from=enedis' }),
        ['usage_point_id', PRMS.demoMain],
        ['usage_point_id', PRMS.demoSolar],
        ['usage_point_id', PRMS.demoSecondary],
        ['decision', 'accept'],
      ]),
    });
    expect(response.statusCode).toBe(302);
    const location = response.headers.location as string;
    expect(location).toMatch(/^https:\/\/app\.example\/callback\?from=enedis&code=[\w-]{20,}&state=state-42&/);
    // Written with a literal ";" as in the Enedis example.
    expect(location).toContain(`usage_point_id=${PRMS.demoMain};${PRMS.demoSolar};${PRMS.demoSecondary}`);
    expect(redirectQuery(location).get('usage_point_id')?.split(';')).toEqual([
      PRMS.demoMain,
      PRMS.demoSolar,
      PRMS.demoSecondary,
    ]);
  });

  it('uses the registered redirect URI when the request has none', async () => {
    app = await testEmulator({
      clients: [{ clientId: 'app-1', clientSecret: 's', redirectUri: 'http://127.0.0.1:9999/cb' }],
    });
    const response = await app.inject({
      method: 'POST',
      url: '/dataconnect/v1/oauth2/authorize',
      headers: FORM,
      payload: form([...baseFields({ client_id: 'app-1', state: 's1' }), ['usage_point_id', PRMS.demoMain]]),
    });
    expect(response.headers.location).toMatch(/^http:\/\/127\.0\.0\.1:9999\/cb\?code=/);
  });

  it('redirects with error=access_denied and the state when the person refuses', async () => {
    app = await testEmulator();
    const response = await app.inject({
      method: 'POST',
      url: '/dataconnect/v1/oauth2/authorize',
      headers: FORM,
      payload: form([
        ...baseFields({ state: 'st', redirect_uri: 'https://app.example/cb' }),
        ['usage_point_id', PRMS.demoMain],
        ['decision', 'refuse'],
      ]),
    });
    expect(response.statusCode).toBe(302);
    const query = redirectQuery(response.headers.location);
    expect(query.get('error')).toBe('access_denied');
    expect(query.get('state')).toBe('st');
    expect(query.get('code')).toBeNull();
    expect(app.enedisEmulator.consents()).toEqual([]);
  });

  it('re-renders the page when nothing or an unknown meter is ticked', async () => {
    app = await testEmulator();
    const none = await app.inject({
      method: 'POST',
      url: '/dataconnect/v1/oauth2/authorize',
      headers: FORM,
      payload: form(baseFields()),
    });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Cochez au moins un compteur');
    const unknown = await app.inject({
      method: 'POST',
      url: '/dataconnect/v1/oauth2/authorize',
      headers: FORM,
      payload: form([...baseFields(), ['usage_point_id', '99999999999999']]),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Compteur inconnu : 99999999999999');
  });

  it('turns consent into data access for a meter that requires it', async () => {
    app = await testEmulator();
    const query = { usage_point_id: PRMS.demoMain, start: '2025-11-01', end: '2025-11-03' };
    const before = await getWithToken(app, PATHS.dailyConsumption, query);
    expect(before.statusCode).toBe(403);
    expect(before.json()).toEqual({
      error: 'ADAM-DC-0008',
      error_description: 'No consent can be found for this customer and this usage point.',
    });
    await app.inject({
      method: 'POST',
      url: '/dataconnect/v1/oauth2/authorize',
      headers: FORM,
      payload: form([...baseFields(), ['usage_point_id', `${PRMS.demoMain};${PRMS.demoSolar}`]]),
    });
    expect((await getWithToken(app, PATHS.dailyConsumption, query)).statusCode).toBe(200);
    expect((await getWithToken(app, PATHS.contracts, { usage_point_id: PRMS.demoSolar })).statusCode).toBe(200);
    // Consent is per PRM: the third demo meter is still refused.
    const other = await getWithToken(app, PATHS.dailyConsumption, { ...query, usage_point_id: PRMS.demoSecondary });
    expect(other.statusCode).toBe(403);
  });

  it('expires consent after its duration', async () => {
    let now = new Date('2025-11-05T10:00:00Z');
    app = await testEmulator({}, () => now);
    await app.inject({
      method: 'POST',
      url: '/dataconnect/v1/oauth2/authorize',
      headers: FORM,
      payload: form([...baseFields({ duration: 'P1M' }), ['usage_point_id', PRMS.demoMain]]),
    });
    const query = { usage_point_id: PRMS.demoMain, start: '2025-11-01', end: '2025-11-02' };
    expect((await getWithToken(app, PATHS.dailyConsumption, query)).statusCode).toBe(200);
    now = new Date('2025-12-05T10:00:00Z');
    expect((await getWithToken(app, PATHS.dailyConsumption, query)).statusCode).toBe(403);
  });

  it('keeps sandbox client 8 revoked even after consent', async () => {
    app = await testEmulator();
    app.enedisEmulator.grantConsent([PRMS.revoked]);
    const response = await getWithToken(app, PATHS.dailyConsumption, {
      usage_point_id: PRMS.revoked,
      start: '2025-11-01',
      end: '2025-11-02',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'ADAM-DC-0008' });
  });

  it('serves sandbox meters without consent and everything when requireConsent is false', async () => {
    app = await testEmulator();
    const query = { start: '2025-11-01', end: '2025-11-02' };
    expect(
      (await getWithToken(app, PATHS.dailyConsumption, { ...query, usage_point_id: PRMS.complete })).statusCode,
    ).toBe(200);
    app.enedisEmulator.configure({ requireConsent: false });
    expect(
      (await getWithToken(app, PATHS.dailyConsumption, { ...query, usage_point_id: PRMS.demoMain })).statusCode,
    ).toBe(200);
    expect(
      (await getWithToken(app, PATHS.dailyConsumption, { ...query, usage_point_id: PRMS.revoked })).statusCode,
    ).toBe(403);
  });

  it('can require consent for sandbox meters too', async () => {
    app = await testEmulator({ sandboxPreConsented: false });
    const query = { usage_point_id: PRMS.complete, start: '2025-11-01', end: '2025-11-02' };
    expect((await getWithToken(app, PATHS.dailyConsumption, query)).statusCode).toBe(403);
  });
});

describe('automated selection', () => {
  it('redirects at once with auto_select PRMs', async () => {
    app = await testEmulator();
    const response = await app.inject({
      url: '/dataconnect/v1/oauth2/authorize',
      query: { ...BASE, state: 'e2e', auto_select: `${PRMS.demoMain};${PRMS.demoSolar}` },
    });
    expect(response.statusCode).toBe(302);
    const query = redirectQuery(response.headers.location);
    expect(query.get('state')).toBe('e2e');
    expect(query.get('usage_point_id')).toBe(`${PRMS.demoMain};${PRMS.demoSolar}`);
    expect(app.enedisEmulator.consents().map((c) => c.prm)).toEqual([PRMS.demoMain, PRMS.demoSolar]);
  });

  it('picks the sandbox client from the last digit of state with auto_select=state or the option', async () => {
    app = await testEmulator({ autoSelect: 'state' });
    const response = await app.inject({ url: '/dataconnect/v1/oauth2/authorize', query: { ...BASE, state: 'uuid-3' } });
    expect(redirectQuery(response.headers.location as string).get('usage_point_id')).toBe(
      `${PRMS.client3Consumption};${PRMS.client3Production}`,
    );
    app.enedisEmulator.configure({ autoSelect: [PRMS.demoSecondary] });
    const fixed = await app.inject({ url: '/dataconnect/v1/oauth2/authorize', query: { ...BASE, state: 'uuid-3' } });
    expect(redirectQuery(fixed.headers.location as string).get('usage_point_id')).toBe(PRMS.demoSecondary);
  });

  it('refuses an auto selection naming no known meter', async () => {
    app = await testEmulator();
    const response = await app.inject({
      url: '/dataconnect/v1/oauth2/authorize',
      query: { ...BASE, auto_select: '12312312312312' },
    });
    expect(response.statusCode).toBe(400);
  });
});
