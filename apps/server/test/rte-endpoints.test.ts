import { addDays, daysBetween, parisToday, seasonBounds, seasonOf, tempoTariffDate } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { createAdmin } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { expectError } from './support/pdl-helpers.ts';
import { rteEmulator } from './support/rte-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN = 'rte-admin@example.org';

interface Body<T> {
  success: boolean;
  data: T;
  error: { code: string } | null;
}

describe.each(backends)('RTE endpoints on $name', (backend) => {
  let server: TestServer;
  let admin: string;
  let visitor: TestUser;
  const today = parisToday(new Date());

  const get = async <T>(url: string, headers: Record<string, string> = {}) => {
    const response = await server.app.inject({ method: 'GET', url, headers });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    const body = response.json<Body<T>>();
    expect(body).toMatchObject({ success: true, error: null });
    return body.data;
  };
  /** The reference's raw bodies (EcoWatt current, history, statistics): no envelope. */
  const getRaw = async <T>(url: string) => {
    const response = await server.app.inject({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    const body = response.json<T>();
    expect(body).not.toHaveProperty('success');
    return body;
  };

  beforeAll(async () => {
    server = await startTestServer(backend, { ADMIN_EMAILS: ADMIN });
    admin = await createAdmin(server, ADMIN);
    visitor = await createUser(server, 'rte-visitor');
  });
  afterAll(async () => server.close());

  describe('admin refresh', () => {
    const refreshes = [
      '/api/tempo/refresh',
      '/api/ecowatt/refresh',
      '/api/consumption-france/refresh',
      '/api/generation-forecast/refresh',
    ];

    it('refuses anonymous callers (401) and visitors (403) without calling RTE', async () => {
      const before = rteEmulator(server).stats.total;
      for (const url of refreshes) {
        expectError(await server.app.inject({ method: 'POST', url }), 401, 'UNAUTHORIZED');
        expectError(
          await server.app.inject({ method: 'POST', url, headers: { cookie: visitor.cookie } }),
          403,
          'FORBIDDEN',
        );
      }
      expect(rteEmulator(server).stats.total).toBe(before);
    });

    it('lets an admin refresh each dataset, recorded as a manual job run', async () => {
      for (const [url, job] of [
        ['/api/tempo/refresh', 'tempo'],
        ['/api/ecowatt/refresh', 'ecowatt'],
        ['/api/consumption-france/refresh', 'consumption-france'],
        ['/api/generation-forecast/refresh', 'generation-forecast'],
      ] as const) {
        const response = await server.app.inject({ method: 'POST', url, headers: { cookie: admin } });
        expect(response.statusCode, response.body).toBe(200);
        const run = response.json<Body<{ job: string; outcome: string; slot: string; detail: string }>>().data;
        expect(run).toMatchObject({ job, outcome: 'success' });
        expect(run.slot).toMatch(/^manual:/);
      }
      const manual = await server.deps.db
        .selectFrom('job_runs')
        .select(['job', 'outcome'])
        .where('slot', 'like', 'manual:%')
        .execute();
      expect(manual).toHaveLength(4);
    });

    it('answers 429 to a second EcoWatt refresh within 15 minutes (RTE’s rule), without calling RTE', async () => {
      const before = rteEmulator(server).calls('/open_api/ecowatt/v5/signals');
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/ecowatt/refresh',
        headers: { cookie: admin },
      });
      expectError(response, 429, 'RATE_LIMIT_EXCEEDED');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(800);
      expect(rteEmulator(server).calls('/open_api/ecowatt/v5/signals')).toBe(before);
    });
  });

  describe('Tempo (public)', () => {
    it('GET /api/tempo: the current season up to tomorrow by default, {date, color, updated_at}', async () => {
      const days = await get<{ date: string; color: string; updated_at: string }[]>('/api/tempo');
      const first = seasonBounds(seasonOf(today)).firstDay;
      expect(days[0]?.date).toBe(first);
      expect(days.length).toBeGreaterThanOrEqual(daysBetween(first, today) + 1);
      expect(Object.keys(days[0] ?? {}).sort()).toEqual(['color', 'date', 'updated_at']);
      expect(days.every((day) => ['BLUE', 'WHITE', 'RED'].includes(day.color))).toBe(true);
    });

    it('GET /api/tempo/days: an explicit period, end included, with RTE’s publication instant', async () => {
      const start = addDays(today, -40);
      const days = await get<{ date: string; rte_updated_date: string | null }[]>(
        `/api/tempo/days?start_date=${start}&end_date=${addDays(start, 30)}`,
      );
      expect(days.map((day) => day.date)).toEqual(Array.from({ length: 31 }, (_, i) => addDays(start, i)));
      expect(days.every((day) => typeof day.rte_updated_date === 'string')).toBe(true);
    });

    it('GET /api/tempo/days without dates: every stored day, as the reference', async () => {
      const all = await get<{ date: string }[]>('/api/tempo/days');
      const stored = await server.deps.db.selectFrom('tempo_days').select('date').orderBy('date').execute();
      const expected = stored.map((row) => row.date).filter((date) => date <= addDays(today, 1));
      expect(expected.length).toBeGreaterThan(366);
      expect(all.map((day) => day.date)).toEqual(expected);
    });

    it('GET /api/tempo/today: calendar colour, colour in force (06:00 rule) and tomorrow', async () => {
      const now = new Date();
      const data = await get<{
        date: string;
        color: string | null;
        tariff_day_in_force: { date: string; color: string | null; starts_at: string; ends_at: string };
        tomorrow: { date: string };
      }>('/api/tempo/today');
      expect(data.date).toBe(today);
      expect(data.color).not.toBeNull();
      expect(data.tariff_day_in_force.date).toBe(tempoTariffDate(now));
      expect(data.tariff_day_in_force.color).not.toBeNull();
      expect(data.tariff_day_in_force.starts_at).toMatch(
        new RegExp(`^${data.tariff_day_in_force.date}T06:00:00\\+0[12]:00$`),
      );
      expect(data.tomorrow.date).toBe(addDays(today, 1));
    });

    it('GET /api/tempo/week: known days from J-6 to J+1', async () => {
      const days = await get<{ date: string }[]>('/api/tempo/week');
      expect(days[0]?.date).toBe(addDays(today, -6));
      expect(days.length).toBeGreaterThanOrEqual(7);
      expect(days.length).toBeLessThanOrEqual(8);
    });

    it('GET /api/tempo/forecast: counters match the stored season, probabilities add up', async () => {
      const data = await get<{
        season: string;
        season_stats: Record<string, number>;
        forecasts: {
          date: string;
          probability_blue: number;
          probability_white: number;
          probability_red: number;
          most_likely: string;
          confidence: string;
          confidence_score: number;
          forecast_type: string;
        }[];
      }>('/api/tempo/forecast?days=3');
      const stored = await get<{ date: string; color: string }[]>('/api/tempo');
      const count = (colour: string) => stored.filter((day) => day.color === colour).length;
      expect(data.season).toBe(seasonOf(today));
      expect(data.season_stats).toMatchObject({
        blue_used: count('BLUE'),
        white_used: count('WHITE'),
        red_used: count('RED'),
        white_remaining: 43 - count('WHITE'),
        red_remaining: 22 - count('RED'),
      });
      expect(data.forecasts.map((day) => day.date)).toEqual([1, 2, 3].map((offset) => addDays(today, offset)));
      for (const day of data.forecasts) {
        // The reference's units: percentages, and a confidence level.
        expect(day.probability_blue + day.probability_white + day.probability_red).toBeCloseTo(100, 6);
        expect(['high', 'medium', 'low']).toContain(day.confidence);
        expect(day.confidence_score).toBeGreaterThanOrEqual(0);
        expect(day.confidence_score).toBeLessThanOrEqual(1);
        expect(['published', 'forecast', 'no_data']).toContain(day.forecast_type);
      }
    });

    it('validates dates and ranges with 422 and the offending field', async () => {
      const inject = (url: string) => server.app.inject({ method: 'GET', url });
      expectError(await inject('/api/tempo?start=2025-13-01'), 422, 'INVALID_DATE_FORMAT', 'start');
      expectError(await inject('/api/tempo?start=15/01/2026'), 422, 'INVALID_DATE_FORMAT', 'start');
      expectError(await inject('/api/tempo?start=2026-01-10&end=2026-01-01'), 422, 'INVALID_DATE_RANGE', 'start');
      expectError(
        await inject('/api/tempo/days?start_date=1990-01-01&end_date=2025-01-02'),
        422,
        'INVALID_DATE_RANGE',
        'end_date',
      );
      expectError(await inject('/api/tempo/forecast?days=0'), 422, 'VALIDATION_ERROR', 'days');
      expectError(await inject('/api/tempo/forecast?days=7'), 422, 'VALIDATION_ERROR', 'days');
      // Ten years and more are accepted (the reference's € page asks for two such ranges).
      expect((await inject('/api/tempo/days?start_date=2015-01-01&end_date=2026-01-01')).statusCode).toBe(200);
    });
  });

  describe('EcoWatt (public)', () => {
    it('current, forecast, history and statistics', async () => {
      const current = await getRaw<{ periode: string; dvalue: number; values: number[]; pas: number }>(
        '/api/ecowatt/current',
      );
      expect(current).toMatchObject({ periode: today, pas: 60 });
      expect(current.values).toHaveLength(24);
      const forecast = await get<{ periode: string }[]>('/api/ecowatt/forecast');
      expect(forecast.map((day) => day.periode)).toEqual([0, 1, 2, 3].map((offset) => addDays(today, offset)));
      expect(await get<unknown[]>('/api/ecowatt/forecast?days=2')).toHaveLength(2);
      const history = await getRaw<{ periode: string }[]>(
        `/api/ecowatt/history?start_date=${addDays(today, -5)}&end_date=${today}`,
      );
      expect(history.map((day) => day.periode)).toEqual([today]);
      const stats = await getRaw<{
        year: number;
        total_days: number;
        green_days: number;
        orange_days: number;
        red_days: number;
        percentage_green: number;
      }>(`/api/ecowatt/statistics?year=${today.slice(0, 4)}`);
      expect(stats.total_days).toBe(stats.green_days + stats.orange_days + stats.red_days);
      expect(stats.total_days).toBeGreaterThanOrEqual(1);
    });

    it('validates its parameters', async () => {
      expectError(
        await server.app.inject({ method: 'GET', url: '/api/ecowatt/forecast?days=8' }),
        422,
        'VALIDATION_ERROR',
        'days',
      );
      expectError(
        await server.app.inject({ method: 'GET', url: '/api/ecowatt/history?start_date=2026-02-30' }),
        422,
        'INVALID_DATE_FORMAT',
        'start_date',
      );
      expectError(
        await server.app.inject({ method: 'GET', url: '/api/ecowatt/statistics?year=abc' }),
        422,
        'VALIDATION_ERROR',
        'year',
      );
    });
  });

  describe('national consumption and generation (public)', () => {
    it('GET /api/consumption-france, /current and /forecast', async () => {
      const all = await get<{
        short_term: { type: string; values: { start_date: string; value: number }[] }[];
        period: { start_date: string };
      }>('/api/consumption-france');
      expect(all.short_term.map((series) => series.type).sort()).toEqual(['D-1', 'D-2', 'ID', 'REALISED']);
      expect(all.period.start_date).toMatch(new RegExp(`^${addDays(today, -1)}T00:00:00\\+0[12]:00$`));
      // Yesterday is complete whatever the hour the suite runs (just after midnight, today has no realised value yet).
      const yesterday = addDays(today, -1);
      const realised = await get<{ short_term: { type: string; values: { start_date: string; value: number }[] }[] }>(
        `/api/consumption-france?type=REALISED&start_date=${yesterday}&end_date=${yesterday}`,
      );
      expect(realised.short_term).toHaveLength(1);
      const values = realised.short_term[0]?.values ?? [];
      expect(values.length).toBeGreaterThan(0);
      expect(values.every((value) => value.start_date.startsWith(yesterday) && value.value > 20_000)).toBe(true);
      const current = await get<{ value: number; unit: string; type: string } | null>(
        '/api/consumption-france/current',
      );
      expect(current).toMatchObject({ type: 'REALISED', unit: 'MW' });
      const forecast = await get<{ short_term: { type: string }[] }>('/api/consumption-france/forecast?days=2');
      expect(forecast.short_term.map((series) => series.type)).not.toContain('REALISED');
    });

    it('GET /api/generation-forecast, /solar, /wind and /mix', async () => {
      const all = await get<{ forecasts: { production_type: string; forecast_type: string; values: unknown[] }[] }>(
        '/api/generation-forecast',
      );
      expect(new Set(all.forecasts.map((series) => series.production_type))).toEqual(new Set(['SOLAR', 'WIND']));
      const solarId = await get<{ forecasts: { production_type: string; forecast_type: string }[] }>(
        '/api/generation-forecast?production_type=SOLAR&forecast_type=ID',
      );
      expect(solarId.forecasts.map((series) => `${series.production_type} ${series.forecast_type}`)).toEqual([
        'SOLAR ID',
      ]);
      const solar = await get<{ forecasts: { production_type: string }[] }>('/api/generation-forecast/solar?days=2');
      expect(solar.forecasts.every((series) => series.production_type === 'SOLAR')).toBe(true);
      const wind = await get<{ forecasts: { production_type: string }[] }>('/api/generation-forecast/wind');
      expect(wind.forecasts.every((series) => series.production_type === 'WIND')).toBe(true);
      const mix = await get<{
        forecast_type: string;
        mix: { solar: number | null; wind: number | null; total_renewable: number }[];
      }>('/api/generation-forecast/mix');
      expect(mix.forecast_type).toBe('ID');
      expect(mix.mix.length).toBeGreaterThan(48);
      for (const slot of mix.mix) {
        expect(slot.total_renewable).toBe((slot.solar ?? 0) + (slot.wind ?? 0));
      }
    });

    it('validates types and caps 15-minute series at 31 days', async () => {
      const inject = (url: string) => server.app.inject({ method: 'GET', url });
      expectError(await inject('/api/consumption-france?type=TOMORROW'), 422, 'VALIDATION_ERROR', 'type');
      expectError(
        await inject('/api/consumption-france?start_date=2026-01-01&end_date=2026-02-01'),
        422,
        'INVALID_DATE_RANGE',
        'end_date',
      );
      expectError(
        await inject('/api/generation-forecast?production_type=NUCLEAR'),
        422,
        'VALIDATION_ERROR',
        'production_type',
      );
      expectError(
        await inject('/api/generation-forecast/mix?forecast_type=D-9'),
        422,
        'VALIDATION_ERROR',
        'forecast_type',
      );
    });
  });

  describe('cleanup job', () => {
    it('deletes consumption and generation rows past RTE_RETENTION_DAYS (400)', async () => {
      const db = server.deps.db;
      const old = new Date(Date.now() - 401 * 86_400_000).toISOString();
      const kept = new Date(Date.now() - 399 * 86_400_000).toISOString();
      const at = new Date().toISOString();
      const row = (start: string, type: string) => ({
        type,
        start_date: start,
        end_date: start,
        value: 50_000,
        updated_date: null,
        created_at: at,
        updated_at: at,
      });
      await db
        .insertInto('consumption_france')
        .values([row(old, 'REALISED'), row(kept, 'REALISED')])
        .execute();
      await db
        .insertInto('generation_forecast')
        .values({
          production_type: 'SOLAR',
          forecast_type: 'ID',
          start_date: old,
          end_date: old,
          value: 1000,
          updated_date: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const result = await server.deps.scheduler.runNow('cleanup');
      expect(result).toMatchObject({ status: 'success' });
      expect(result?.detail).toMatch(/^deleted 1 consumption row\(s\) and 1 generation row\(s\) before [^,]+$/);
      const left = await db
        .selectFrom('consumption_france')
        .select('start_date')
        .where('start_date', '<', new Date(Date.now() - 300 * 86_400_000).toISOString())
        .execute();
      expect(left.map((entry) => entry.start_date)).toEqual([kept]);
    });
  });

  describe('admin RTE views', () => {
    it('GET /api/admin/rte/status: 401 anonymous, 403 visitor, 200 admin with jobs and data', async () => {
      expectError(await server.app.inject({ method: 'GET', url: '/api/admin/rte/status' }), 401, 'UNAUTHORIZED');
      expectError(
        await server.app.inject({ method: 'GET', url: '/api/admin/rte/status', headers: { cookie: visitor.cookie } }),
        403,
        'FORBIDDEN',
      );
      const status = await get<{
        has_credentials: boolean;
        mode: string;
        base_url: string;
        apis: Record<string, { name: string }>;
        jobs_enabled: boolean;
        jobs: { job: string; schedule: string[] }[];
        data: Record<string, number | string | null>;
      }>('/api/admin/rte/status', { cookie: admin });
      expect(status).toMatchObject({ has_credentials: false, mode: 'emulator', jobs_enabled: false });
      expect(status.base_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(Object.keys(status.apis)).toEqual(['tempo', 'ecowatt', 'consumption', 'generation']);
      expect(status.jobs.map((job) => job.job).sort()).toEqual([
        'cleanup',
        'consent-expiry-notice',
        'consumption-france',
        'ecowatt',
        'enedis-token',
        'generation-forecast',
        'housekeeping',
        'sessions-cleanup',
        'tempo',
      ]);
      expect(status.jobs.find((job) => job.job === 'ecowatt')?.schedule).toEqual([
        '0 17 * * *',
        '15 12 * * 5',
        '5 * * * *',
      ]);
      expect(status.data.tempo_days).toBeGreaterThan(365);
      expect(status.data.ecowatt_days).toBe(4);
    });

    it('GET /api/admin/rte/test and /test/{api}: one live call per API, outcome reported', async () => {
      expectError(
        await server.app.inject({ method: 'GET', url: '/api/admin/rte/test', headers: { cookie: visitor.cookie } }),
        403,
        'FORBIDDEN',
      );
      const tempo = await get<{
        api: string;
        status: string;
        status_code: number;
        response_time_ms: number;
        summary: string;
      }>('/api/admin/rte/test/tempo', { cookie: admin });
      expect(tempo).toMatchObject({ api: 'tempo', status: 'ok', status_code: 200 });
      expect(tempo.summary).toContain(addDays(today, -1));
      const all = await get<{ summary: Record<string, number | boolean>; results: Record<string, { status: string }> }>(
        '/api/admin/rte/test',
        { cookie: admin },
      );
      // EcoWatt was called by the refresh above: the test respects RTE's 15-minute rule instead of spending a 429.
      expect(all.summary).toEqual({ total_apis: 4, apis_ok: 3, apis_failed: 1, all_ok: false });
      expect(Object.fromEntries(Object.entries(all.results).map(([api, result]) => [api, result.status]))).toEqual({
        tempo: 'ok',
        ecowatt: 'rate_limited',
        consumption: 'ok',
        generation: 'ok',
      });
      rteEmulator(server).failNext(500, 1, '/open_api/consumption');
      expect(
        await get<{ status: string; status_code: number }>('/api/admin/rte/test/consumption', { cookie: admin }),
      ).toMatchObject({ status: 'server_error', status_code: 500 });
      expectError(
        await server.app.inject({ method: 'GET', url: '/api/admin/rte/test/weather', headers: { cookie: admin } }),
        422,
        'VALIDATION_ERROR',
      );
    });
  });
});
