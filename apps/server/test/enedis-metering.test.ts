import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { giveConsent, type MeterReadingBody } from './support/consent-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Sandbox client 3: one consumption PRM and one production PRM, both with load curves.
const CONSUMPTION_PRM = '12345678901234';
const PRODUCTION_PRM = '10284856584123';

describe.each(backends)('Enedis consent and metering on $name', (backend) => {
  let server: TestServer;
  let user: TestUser;
  const today = parisToday(new Date());

  beforeAll(async () => {
    server = await startTestServer(backend, { USER_DAILY_LIMIT_NO_CACHE: '1000' });
    user = await createUser(server, 'meter');
  });
  afterAll(async () => server.close());

  const get = async (path: string) => {
    const response = await server.app.inject({ method: 'GET', url: path, headers: { cookie: user.cookie } });
    return { status: response.statusCode, headers: response.headers, body: response.json<MeterReadingBody>() };
  };

  it('consent for two meters creates both PDLs with their contract and direction', async () => {
    const params = await giveConsent(server, user, [CONSUMPTION_PRM, PRODUCTION_PRM]);
    expect(Object.fromEntries(params)).toMatchObject({ consent_success: 'true', pdl_count: '2', created_count: '2' });
    const list = await server.app.inject({ method: 'GET', url: '/api/pdl', headers: { cookie: user.cookie } });
    const pdls = list.json<{
      data: {
        usage_point_id: string;
        has_consumption: boolean;
        has_production: boolean;
        subscribed_power: number | null;
        offpeak_hours: { ranges: string[] } | null;
      }[];
    }>().data;
    const consumption = pdls.find((pdl) => pdl.usage_point_id === CONSUMPTION_PRM);
    const production = pdls.find((pdl) => pdl.usage_point_id === PRODUCTION_PRM);
    expect(consumption).toMatchObject({ has_consumption: true, has_production: false });
    expect(consumption?.subscribed_power).toBeGreaterThan(0);
    expect(production).toMatchObject({ has_consumption: false, has_production: true });
  });

  it('rejects a reused state and a meter already owned by another account', async () => {
    const other = await createUser(server, 'other');
    const params = await giveConsent(server, other, [CONSUMPTION_PRM]);
    expect(params.get('consent_error')).toBe('pdl_already_exists');
    const forged = await server.app.inject({
      method: 'GET',
      url: `/api/oauth/callback?state=made-up&usage_point_id=${CONSUMPTION_PRM}`,
      headers: { cookie: other.cookie },
    });
    expect(new URL(String(forged.headers.location)).searchParams.get('consent_error')).toBe('invalid_state');
    // A state started by one user cannot be completed by another.
    const started = await server.app.inject({
      method: 'GET',
      url: '/api/oauth/authorize',
      headers: { cookie: user.cookie },
    });
    const state =
      new URL(started.json<{ data: { authorize_url: string } }>().data.authorize_url).searchParams.get('state') ?? '';
    const hijack = await server.app.inject({
      method: 'GET',
      url: `/api/oauth/callback?state=${state}&usage_point_id=22516914714270`,
      headers: { cookie: other.cookie },
    });
    expect(new URL(String(hijack.headers.location)).searchParams.get('consent_error')).toBe('invalid_state');
  });

  it('serves a year of daily consumption without losing the first or the last day', async () => {
    const start = addDays(today, -365);
    const { status, body } = await get(`/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=${start}&end=${today}`);
    expect(status).toBe(200);
    const readings = body.data?.meter_reading.interval_reading ?? [];
    expect(readings).toHaveLength(365);
    expect(readings[0]?.date).toBe(start);
    expect(readings.at(-1)?.date).toBe(addDays(today, -1));
    expect(readings.every((reading) => Number.isInteger(reading.value) && reading.value > 0)).toBe(true);
  });

  it('gives 46 and 50 distinct half-hours on DST days, stamped at interval start', async () => {
    const march = await get(`/api/enedis/consumption/detail/${CONSUMPTION_PRM}?start=2026-03-29&end=2026-03-30`);
    const october = await get(`/api/enedis/consumption/detail/${CONSUMPTION_PRM}?start=2025-10-26&end=2025-10-27`);
    const marchDates = march.body.data?.meter_reading.interval_reading.map((reading) => reading.date) ?? [];
    const octoberDates = october.body.data?.meter_reading.interval_reading.map((reading) => reading.date) ?? [];
    expect(marchDates).toHaveLength(46);
    expect(octoberDates).toHaveLength(50);
    expect(new Set(octoberDates).size).toBe(50);
    expect(marchDates[0]).toBe('2026-03-29T00:00:00+01:00');
    expect(marchDates.at(-1)).toBe('2026-03-29T23:30:00+02:00');
    expect(octoberDates.filter((date) => date.startsWith('2025-10-26T02:30'))).toEqual([
      '2025-10-26T02:30:00+02:00',
      '2025-10-26T02:30:00+01:00',
    ]);
  });

  it('daily energy equals the sum of the load curve energy (Wh = W × minutes / 60)', async () => {
    const start = addDays(today, -10);
    const daily = await get(`/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=${start}&end=${today}`);
    const curve = await get(`/api/enedis/consumption/detail/batch/${CONSUMPTION_PRM}?start=${start}&end=${today}`);
    const energyByDay = new Map<string, number>();
    for (const point of curve.body.data?.meter_reading.interval_reading ?? []) {
      const day = point.date.slice(0, 10);
      energyByDay.set(
        day,
        (energyByDay.get(day) ?? 0) + (point.value * Number(/PT(\d+)M/.exec(point.interval_length ?? '')?.[1])) / 60,
      );
    }
    for (const reading of daily.body.data?.meter_reading.interval_reading ?? []) {
      expect(energyByDay.get(reading.date), reading.date).toBe(reading.value);
    }
  });

  it('a week of load curve is 7 × 48 points and the second read comes from the cache', async () => {
    const start = addDays(today, -60);
    const end = addDays(start, 7);
    const first = await get(`/api/enedis/consumption/detail/batch/${CONSUMPTION_PRM}?start=${start}&end=${end}`);
    expect(first.body.data?.meter_reading.interval_reading.length).toBeGreaterThanOrEqual(7 * 48 - 2);
    const callsBefore = server.deps.gateway.emulator?.stats.total ?? 0;
    const second = await get(`/api/enedis/consumption/detail/batch/${CONSUMPTION_PRM}?start=${start}&end=${end}`);
    expect(second.body.data?.meter_reading.interval_reading).toEqual(first.body.data?.meter_reading.interval_reading);
    expect(server.deps.gateway.emulator?.stats.total).toBe(callsBefore);
    expect(second.headers['x-ratelimit-scope']).toBe('cached');
  });

  it('answers production data for the production meter and refuses consumption on it', async () => {
    const start = addDays(today, -7);
    const production = await get(`/api/enedis/production/daily/${PRODUCTION_PRM}?start=${start}&end=${today}`);
    expect(production.status).toBe(200);
    const wrong = await get(`/api/enedis/consumption/daily/${PRODUCTION_PRM}?start=${start}&end=${today}`);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error?.code).toBe('WRONG_DIRECTION');
  });

  it('validates ranges with clear codes', async () => {
    expect(
      (await get(`/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=2026-13-01&end=${today}`)).body.error?.code,
    ).toBe('INVALID_DATE_FORMAT');
    expect(
      (await get(`/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=${today}&end=${today}`)).body.error?.code,
    ).toBe('INVALID_DATE_RANGE');
    expect(
      (await get(`/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=2010-01-01&end=2011-01-01`)).body.error?.code,
    ).toBe('DATE_TOO_OLD');
    expect((await get(`/api/enedis/consumption/daily/123?start=${today}&end=${today}`)).status).toBe(422);
  });

  it('keeps neither PRMs nor consumption values in clear in the cache', async () => {
    const start = addDays(today, -30);
    const daily = await get(
      `/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=${start}&end=${today}&use_cache=true`,
    );
    const values = (daily.body.data?.meter_reading.interval_reading ?? [])
      .map((reading) => String(reading.value))
      .filter((value) => value.length >= 4);
    await server.app.inject({
      method: 'GET',
      url: `/api/enedis/contract/${CONSUMPTION_PRM}`,
      headers: { cookie: user.cookie },
    });
    const keys = await server.deps.cache.keys('');
    expect(keys.length).toBeGreaterThan(0);
    const dump = (
      await Promise.all(
        keys.map(async (key) => `${key}=${(await server.deps.cache.get(key))?.toString('latin1') ?? ''}`),
      )
    ).join('\n');
    for (const secret of [CONSUMPTION_PRM, PRODUCTION_PRM, user.email, ...values.slice(0, 20)]) {
      expect(dump).not.toContain(secret);
    }
  });

  it('DELETE /api/enedis/cache/{pdl} empties that meter only', async () => {
    const response = await server.app.inject({
      method: 'DELETE',
      url: `/api/enedis/cache/${CONSUMPTION_PRM}`,
      headers: { cookie: user.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ data: { deleted_keys: number } }>().data.deleted_keys).toBeGreaterThan(0);
  });
});
