import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { createAdmin } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { expectError } from './support/pdl-helpers.ts';
import { jobRuns, rteEmulator, tableCount } from './support/rte-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN = 'rte-routes-admin@example.org';
const ECOWATT = '/open_api/ecowatt/v5/signals';

interface Body<T> {
  success: boolean;
  data: T;
}

interface RefreshStatus {
  can_refresh: boolean;
  next_refresh_at: string;
  retry_after_seconds: number;
  min_interval_seconds: number;
  last_call_at: string | null;
  last_refresh_at: string | null;
  last_generation_at: string | null;
}

/**
 * The reference's remaining admin routes: `/api/admin/rte/refresh/{tempo,ecowatt}`, `/api/tempo/clear-all`,
 * `/api/tempo/clear-old`, `/api/ecowatt/refresh/status`; and the EcoWatt connection test, which stores
 * what it fetched like the scheduled job.
 */
describe.each(backends)('RTE admin routes on $name', (backend) => {
  let server: TestServer;
  let admin: string;
  let visitor: TestUser;

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie?: string) =>
    server.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}) });
  const data = async <T>(method: 'GET' | 'POST' | 'DELETE', url: string): Promise<T> => {
    const response = await call(method, url, admin);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json<Body<T>>().data;
  };
  /** `/api/ecowatt/refresh/status` answers the reference's raw body (no envelope). */
  const refreshStatus = async (): Promise<RefreshStatus> => {
    const response = await call('GET', '/api/ecowatt/refresh/status', admin);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<RefreshStatus>();
  };

  beforeAll(async () => {
    server = await startTestServer(backend, { ADMIN_EMAILS: ADMIN });
    admin = await createAdmin(server, ADMIN);
    visitor = await createUser(server, 'rte-routes-visitor');
  });
  afterAll(async () => server.close());

  it('refuses anonymous callers (401) and non-admins (403), without calling RTE or deleting anything', async () => {
    const routes = [
      ['POST', '/api/admin/rte/refresh/tempo'],
      ['POST', '/api/admin/rte/refresh/ecowatt'],
      ['DELETE', '/api/tempo/clear-all'],
      ['DELETE', '/api/tempo/clear-old?days_to_keep=30'],
      ['GET', '/api/ecowatt/refresh/status'],
    ] as const;
    await server.deps.db
      .insertInto('tempo_days')
      .values({ date: '2020-01-01', color: 'BLUE', rte_updated_date: null, updated_at: new Date().toISOString() })
      .execute();
    for (const [method, url] of routes) {
      expectError(await call(method, url), 401, 'UNAUTHORIZED');
      expectError(await call(method, url, visitor.cookie), 403, 'FORBIDDEN');
    }
    expect(rteEmulator(server).stats.total).toBe(0);
    expect(await tableCount(server, 'tempo_days')).toBe(1);
    expect(await tableCount(server, 'job_runs')).toBe(0);
    await server.deps.db.deleteFrom('tempo_days').execute();
  });

  it('GET /api/ecowatt/refresh/status: open before any call', async () => {
    const status = await refreshStatus();
    expect(status).toMatchObject({
      can_refresh: true,
      retry_after_seconds: 0,
      min_interval_seconds: 900,
      last_call_at: null,
      last_refresh_at: null,
      last_generation_at: null,
    });
    expect(Math.abs(Date.parse(status.next_refresh_at) - Date.now())).toBeLessThan(5000);
  });

  it('the EcoWatt connection test stores what it fetched: the job is then not due, the allowance not wasted', async () => {
    const result = await data<{ api: string; status: string; status_code: number | null }>(
      'GET',
      '/api/admin/rte/test/ecowatt',
    );
    expect(result).toMatchObject({ api: 'ecowatt', status: 'ok', status_code: 200 });
    expect(rteEmulator(server).calls(ECOWATT)).toBe(1);
    const today = parisToday(new Date());
    const stored = await server.deps.db
      .selectFrom('ecowatt')
      .select(['periode', 'updated_at'])
      .orderBy('periode')
      .execute();
    expect(stored.map((row) => row.periode)).toEqual([0, 1, 2, 3].map((offset) => addDays(today, offset)));
    expect(stored.every((row) => Date.now() - Date.parse(row.updated_at) < 10_000)).toBe(true);
    // The scheduled job sees a fresh file: nothing to do, no call.
    expect(await server.deps.scheduler.trigger('ecowatt')).toBe('not_due');
    expect(rteEmulator(server).calls(ECOWATT)).toBe(1);
    // A second test within 15 minutes is refused by our guard: reported, not sent.
    const again = await data<{ status: string; status_code: number | null; error: string }>(
      'GET',
      '/api/admin/rte/test/ecowatt',
    );
    expect(again).toMatchObject({ status: 'rate_limited', status_code: null });
    expect(again.error).toMatch(/non envoyé/);
    expect(rteEmulator(server).calls(ECOWATT)).toBe(1);
    expect(rteEmulator(server).stats.byStatus['429'] ?? 0).toBe(0);
  });

  it('GET /api/ecowatt/refresh/status: closed for 15 minutes after the last call, with the last refresh', async () => {
    const status = await refreshStatus();
    expect(status.can_refresh).toBe(false);
    const lastCall = Date.parse(status.last_call_at ?? '');
    expect(Date.now() - lastCall).toBeLessThan(10_000);
    expect(Date.parse(status.next_refresh_at)).toBe(lastCall + 900_000);
    expect(status.retry_after_seconds).toBeGreaterThan(880);
    expect(status.retry_after_seconds).toBeLessThanOrEqual(900);
    const freshest = await server.deps.db
      .selectFrom('ecowatt')
      .select((eb) => [eb.fn.max('updated_at').as('fetched'), eb.fn.max('generation_datetime').as('generation')])
      .executeTakeFirstOrThrow();
    expect(status.last_refresh_at).toBe(freshest.fetched);
    expect(status.last_generation_at).toBe(freshest.generation);
  });

  it('POST /api/admin/rte/refresh/ecowatt runs the EcoWatt job, and shares the 15-minute rule (429)', async () => {
    // The window is taken: 429 with Retry-After, no call, a deferred manual run on record.
    const refused = await call('POST', '/api/admin/rte/refresh/ecowatt', admin);
    expectError(refused, 429, 'RATE_LIMIT_EXCEEDED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
    expect(rteEmulator(server).calls(ECOWATT)).toBe(1);
    expect((await jobRuns(server, 'ecowatt')).map((run) => [run.outcome, run.slot.startsWith('manual:')])).toEqual([
      ['deferred', true],
    ]);
    // Once the window is over (the guard forgets the call), the same route calls RTE and stores the file.
    await server.deps.cache.delete('rte:ecowatt:last-call');
    rteEmulator(server).reset(); // and RTE forgets it too
    const run = await data<{ job: string; outcome: string; slot: string }>('POST', '/api/admin/rte/refresh/ecowatt');
    expect(run).toMatchObject({ job: 'ecowatt', outcome: 'success' });
    expect(run.slot).toMatch(/^manual:/);
    expect(rteEmulator(server).calls(ECOWATT)).toBe(1);
  });

  it('POST /api/admin/rte/refresh/tempo runs the Tempo job: two seasons stored', async () => {
    const run = await data<{ job: string; outcome: string; slot: string; detail: string }>(
      'POST',
      '/api/admin/rte/refresh/tempo',
    );
    expect(run).toMatchObject({ job: 'tempo', outcome: 'success' });
    expect(run.slot).toMatch(/^manual:/);
    expect(run.detail).toMatch(/back-filled in [1-9]/);
    expect(await tableCount(server, 'tempo_days')).toBeGreaterThan(365);
  });

  it('DELETE /api/tempo/clear-old: days_to_keep ≥ 7 (422 otherwise), deletes the days before today − days_to_keep', async () => {
    for (const bad of ['6', '0', '-10', 'abc', '7.5']) {
      expectError(await call('DELETE', `/api/tempo/clear-old?days_to_keep=${bad}`, admin), 422, 'VALIDATION_ERROR');
    }
    const today = parisToday(new Date());
    const countBefore = async (date: string) =>
      (await server.deps.db.selectFrom('tempo_days').select('date').where('date', '<', date).execute()).length;
    const total = await tableCount(server, 'tempo_days');

    const byDefault = addDays(today, -30);
    const olderThan30 = await countBefore(byDefault);
    expect(olderThan30).toBeGreaterThan(300);
    expect(await data('DELETE', '/api/tempo/clear-old')).toEqual({ deleted_days: olderThan30, kept_from: byDefault });

    const olderThan7 = await countBefore(addDays(today, -7));
    expect(olderThan7).toBe(23);
    expect(await data('DELETE', '/api/tempo/clear-old?days_to_keep=7')).toEqual({
      deleted_days: 23,
      kept_from: addDays(today, -7),
    });
    const left = await server.deps.db.selectFrom('tempo_days').select('date').orderBy('date').execute();
    expect(left).toHaveLength(total - olderThan30 - 23);
    expect(left[0]?.date).toBe(addDays(today, -7));
  });

  it('DELETE /api/tempo/clear-all empties the table; the Tempo job then fetches the two seasons again', async () => {
    const total = await tableCount(server, 'tempo_days');
    expect(await data('DELETE', '/api/tempo/clear-all')).toEqual({ deleted_days: total, kept_from: null });
    expect(await tableCount(server, 'tempo_days')).toBe(0);
    expect(await server.deps.scheduler.trigger('tempo')).toBe('success');
    expect(await tableCount(server, 'tempo_days')).toBeGreaterThan(365);
  });

  it('GET /api/admin/rte/status and /test answer the reference field names (has_credentials, apis object, summary)', async () => {
    const status = await data<Record<string, unknown>>('GET', '/api/admin/rte/status');
    expect(Object.keys(status).sort()).toEqual(
      [
        'has_credentials',
        'base_url',
        'client_id_configured',
        'client_secret_configured',
        'apis',
        'mode',
        'jobs_enabled',
        'jobs',
        'data',
      ].sort(),
    );
    // No RTE_CLIENT_ID in the tests: the emulator answers, and the page must say no credentials are set.
    expect(status).toMatchObject({
      has_credentials: false,
      client_id_configured: false,
      client_secret_configured: false,
    });
    const apis = status['apis'] as Record<string, Record<string, string>>;
    expect(Object.keys(apis)).toEqual(['tempo', 'ecowatt', 'consumption', 'generation']);
    for (const api of Object.values(apis)) {
      expect(Object.keys(api).sort()).toEqual(['description', 'doc_url', 'endpoint', 'name']);
    }
    expect(apis['tempo']?.endpoint).toBe('/open_api/tempo_like_supply_contract/v1/tempo_like_calendars');

    // A 500 from RTE on one API: reported in `results` with the reference's status and counted in the
    // summary; nothing thrown. EcoWatt was called by the tests above: its 15-minute rule reports it as
    // rate limited without sending anything.
    rteEmulator(server).failNext(500, 1, '/open_api/generation_forecast');
    const all = await data<{
      summary: Record<string, unknown>;
      results: Record<string, Record<string, unknown>>;
      tested_at: string;
    }>('GET', '/api/admin/rte/test');
    expect(Object.keys(all).sort()).toEqual(['results', 'summary', 'tested_at']);
    expect(all.summary).toEqual({ total_apis: 4, apis_ok: 2, apis_failed: 2, all_ok: false });
    expect(Math.abs(Date.parse(all.tested_at) - Date.now())).toBeLessThan(30_000);
    expect(Object.keys(all.results)).toEqual(['tempo', 'ecowatt', 'consumption', 'generation']);
    for (const result of Object.values(all.results)) {
      expect(Object.keys(result).sort()).toEqual(
        ['api', 'name', 'status', 'status_code', 'response_time_ms', 'summary', 'data', 'error', 'help'].sort(),
      );
    }
    expect(all.results['tempo']).toMatchObject({ api: 'tempo', name: 'Tempo Calendar', status: 'ok', error: null });
    expect(all.results['generation']).toMatchObject({ status: 'server_error', status_code: 500, summary: null });
    expect(all.results['generation']?.['error']).toEqual(expect.any(String));
    expect(all.results['ecowatt']).toMatchObject({ status: 'rate_limited', status_code: null, help: null });
  });
});
