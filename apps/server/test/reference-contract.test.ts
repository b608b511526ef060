import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcowattRepository } from '../src/features/rte/ecowatt.repository.ts';
import { createUser } from './support/accounts-helpers.ts';
import { createAdmin } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN = 'contract-admin@example.org';
/** The reference's EcoWatt item (upstream-reference §1.4, `ecowatt`); we add `pas`. */
const ECOWATT_ITEM_FIELDS = [
  'id',
  'generation_datetime',
  'periode',
  'hdebut',
  'hfin',
  'dvalue',
  'message',
  'values',
  'created_at',
  'updated_at',
];

/** A reference raw body: what the reference's clients read directly, never wrapped in our envelope. */
function expectRaw(body: unknown): void {
  expect(body !== null && typeof body === 'object' && 'success' in body, JSON.stringify(body)).toBe(false);
}

/**
 * The reference gateway's field names and units where its own web app and clients read them
 * (upstream-reference §1.1, §1.4): one test per route, asserting the names, not our extras.
 */
describe.each(backends)('reference contract on $name', (backend) => {
  let server: TestServer;
  let adminCookie: string;
  const today = parisToday(new Date());
  beforeAll(async () => {
    server = await startTestServer(backend, { ADMIN_EMAILS: ADMIN });
    adminCookie = await createAdmin(server, ADMIN);
    // Two stored EcoWatt days, as RTE's file would leave them (no RTE call needed for reads).
    await createEcowattRepository(server.deps.db).upsert(
      [addDays(today, -1), today].map((periode, index) => ({
        periode,
        generation: new Date().toISOString(),
        dvalue: index + 1,
        message: 'Pas d’alerte.',
        hourly: Array.from({ length: 24 }, (_, hour) => (hour === 19 ? index + 1 : 1)),
      })),
    );
  });
  afterAll(async () => server.close());

  const get = async (url: string) => {
    const response = await server.app.inject({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json<Record<string, unknown>>();
  };

  it('GET /api/ping: raw {status, version, timestamp}', async () => {
    const body = await get('/api/ping');
    expect(Object.keys(body).sort()).toEqual(['status', 'timestamp', 'version']);
    expect(body.status).toBe('ok');
    expect(body.version).toBe(server.config.version);
    expect(Number.isNaN(Date.parse(String(body.timestamp)))).toBe(false);
  });

  it('GET /api/: raw {name, version, description, documentation}', async () => {
    for (const url of ['/api/', '/api']) {
      const body = await get(url);
      expect(Object.keys(body).sort()).toEqual(['description', 'documentation', 'name', 'version']);
      expect(typeof body.name).toBe('string');
      expect(typeof body.description).toBe('string');
      expect(body.version).toBe(server.config.version);
      expect(body.documentation).toBe('/api/docs');
    }
  });

  it('GET /api/tempo/forecast: probability_* in percent, confidence high|medium|low', async () => {
    const body = await get('/api/tempo/forecast?days=3');
    const forecasts = (body.data as { forecasts: Record<string, unknown>[] }).forecasts;
    expect(forecasts.length).toBe(3);
    for (const day of forecasts) {
      expect(Object.keys(day)).toEqual(
        expect.arrayContaining([
          'date',
          'day_in_season',
          'probability_blue',
          'probability_white',
          'probability_red',
          'most_likely',
          'confidence',
          'threshold_white_red',
          'threshold_red',
          'normalized_consumption',
          'forecast_type',
          'factors',
        ]),
      );
      const percents = [day.probability_blue, day.probability_white, day.probability_red] as number[];
      for (const value of percents) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
      }
      expect(percents.reduce((sum, value) => sum + value, 0)).toBeCloseTo(100, 6);
      expect(['high', 'medium', 'low']).toContain(day.confidence);
    }
  });

  const getRaw = async <T>(url: string, headers: Record<string, string> = {}) => {
    const response = await server.app.inject({ method: 'GET', url, headers });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    const body = response.json<T>();
    expectRaw(body);
    return body;
  };

  it('GET /api/ecowatt/current: the raw EcoWatt item of today', async () => {
    const item = await getRaw<Record<string, unknown>>('/api/ecowatt/current');
    expect(Object.keys(item)).toEqual(expect.arrayContaining(ECOWATT_ITEM_FIELDS));
    expect(item).toMatchObject({
      periode: today,
      dvalue: 2,
      hdebut: 0,
      hfin: 23,
      id: Number(today.replaceAll('-', '')),
    });
    expect(item.values).toHaveLength(24);
  });

  it('GET /api/ecowatt/history: a raw list of EcoWatt items', async () => {
    const items = await getRaw<Record<string, unknown>[]>(
      `/api/ecowatt/history?start_date=${addDays(today, -7)}&end_date=${today}`,
    );
    expect(Array.isArray(items)).toBe(true);
    expect(items.map((item) => item.periode)).toEqual([addDays(today, -1), today]);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(ECOWATT_ITEM_FIELDS));
    }
  });

  it('GET /api/ecowatt/statistics: raw, with percentage_green|orange|red', async () => {
    const stats = await getRaw<Record<string, number>>(`/api/ecowatt/statistics?year=${today.slice(0, 4)}`);
    expect(Object.keys(stats)).toEqual(
      expect.arrayContaining([
        'year',
        'total_days',
        'green_days',
        'orange_days',
        'red_days',
        'percentage_green',
        'percentage_orange',
        'percentage_red',
      ]),
    );
    expect(stats.total_days).toBeGreaterThanOrEqual(1);
    expect((stats.percentage_green ?? 0) + (stats.percentage_orange ?? 0) + (stats.percentage_red ?? 0)).toBeCloseTo(
      100,
      0,
    );
  });

  it('GET /api/ecowatt/refresh/status: raw (admin)', async () => {
    const status = await getRaw<Record<string, unknown>>('/api/ecowatt/refresh/status', { cookie: adminCookie });
    expect(typeof status.can_refresh).toBe('boolean');
    expect(typeof status.next_refresh_at).toBe('string');
  });

  it('EcoWatt errors keep the error envelope with a stable code', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/ecowatt/statistics?year=abc' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR', field: 'year' } });
  });

  it('DELETE /api/accounts/me without a body, from a session that just logged in', async () => {
    const user = await createUser(server, 'contract-delete');
    const deleted = await server.app.inject({
      method: 'DELETE',
      url: '/api/accounts/me',
      headers: { cookie: user.cookie },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toMatchObject({ success: true });
    const gone = await server.app.inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie: user.cookie } });
    expect(gone.statusCode).toBe(401);
  });

  it('a wrong current password answers 403 INVALID_PASSWORD, never 401 (delete, update-password)', async () => {
    const user = await createUser(server, 'contract-wrong-password');
    const attempts = [
      { method: 'DELETE' as const, url: '/api/accounts/me', payload: { password: 'Wrong-Pass-1' } },
      {
        method: 'POST' as const,
        url: '/api/accounts/update-password',
        payload: { old_password: 'Wrong-Pass-1', new_password: 'Brand-New-Pass-7' },
      },
    ];
    for (const attempt of attempts) {
      const response = await server.app.inject({ ...attempt, headers: { cookie: user.cookie } });
      expect(response.statusCode, attempt.url).toBe(403);
      expect(response.json()).toMatchObject({ success: false, error: { code: 'INVALID_PASSWORD' } });
    }
    const still = await server.app.inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie: user.cookie } });
    expect(still.statusCode).toBe(200);
  });

  it('GET /api/energy/offer-types: {code,name,description,icon,color,required_price_fields,optional_price_fields,display_order}', async () => {
    const types = (await get('/api/energy/offer-types')).data as Record<string, unknown>[];
    for (const type of types) {
      expect(Object.keys(type)).toEqual(
        expect.arrayContaining([
          'code',
          'name',
          'description',
          'icon',
          'color',
          'required_price_fields',
          'optional_price_fields',
          'display_order',
        ]),
      );
    }
  });

  it('GET /api/energy/providers: {id,name,logo_url,website,scraper_urls}', async () => {
    const providers = (await get('/api/energy/providers')).data as Record<string, unknown>[];
    expect(providers.length).toBeGreaterThan(0);
    for (const provider of providers) {
      expect(Object.keys(provider)).toEqual(
        expect.arrayContaining(['id', 'name', 'logo_url', 'website', 'scraper_urls']),
      );
      expect(Array.isArray(provider.scraper_urls)).toBe(true);
    }
  });

  it('GET /api/energy/offers: price columns in €/kWh, subscription_price in €/month, power_kva, validity', async () => {
    const offers = (await get('/api/energy/offers?include_history=true')).data as Record<string, unknown>[];
    const reference = [
      'id',
      'provider_id',
      'name',
      'offer_type',
      'description',
      'subscription_price',
      'base_price',
      'hc_price',
      'hp_price',
      'base_price_weekend',
      'hp_price_weekend',
      'hc_price_weekend',
      'tempo_blue_hc',
      'tempo_blue_hp',
      'tempo_white_hc',
      'tempo_white_hp',
      'tempo_red_hc',
      'tempo_red_hp',
      'ejp_normal',
      'ejp_peak',
      'hc_price_winter',
      'hp_price_winter',
      'hc_price_summer',
      'hp_price_summer',
      'peak_day_price',
      'hc_schedules',
      'power_kva',
      'price_updated_at',
      'valid_from',
      'valid_to',
      'offer_url',
      'is_active',
      'created_at',
    ];
    for (const offer of offers) {
      expect(Object.keys(offer)).toEqual(expect.arrayContaining(reference));
    }
    const base = offers.find((offer) => offer.offer_type === 'BASE' && offer.power_kva === 6);
    expect(base?.base_price).toBeGreaterThan(0.1);
    expect(base?.base_price).toBeLessThan(0.5);
    expect(base?.subscription_price).toBeGreaterThan(5);
  });
});
