import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { bearer, PATHS, PRMS, testEmulator } from './test-support.ts';

let app: FastifyInstance;
afterEach(() => app.close());

const QUERY = { usage_point_id: PRMS.complete, start: '2025-11-01', end: '2025-11-03' };
const TOKEN_FORM = {
  method: 'POST' as const,
  url: '/oauth2/v3/token',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: 'grant_type=client_credentials&client_id=med-emulator-client&client_secret=med-emulator-secret',
};

describe('fault injection', () => {
  it('answers 500 technical_error, 503 and 429 at rate 1', async () => {
    app = await testEmulator({ faults: { error500Rate: 1 } });
    const headers = bearer(app);
    const failed = await app.inject({ url: PATHS.dailyConsumption, query: QUERY, headers });
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toEqual({
      error: 'technical_error',
      error_description: 'Technical error. Please try later.',
    });

    app.enedisEmulator.setFaults({ error500Rate: 0, error503Rate: 1 });
    expect((await app.inject({ url: PATHS.contracts, query: QUERY, headers })).statusCode).toBe(503);
    app.enedisEmulator.setFaults({ error503Rate: 0, error429Rate: 1 });
    const throttled = await app.inject({ url: PATHS.dailyConsumption, query: QUERY, headers });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json()).toMatchObject({ fault: { code: 900807 } });
    app.enedisEmulator.setFaults({ error429Rate: 0 });
    expect((await app.inject({ url: PATHS.dailyConsumption, query: QUERY, headers })).statusCode).toBe(200);
    expect(app.enedisEmulator.stats.injected).toEqual({ '500': 1, '503': 1, '429': 1 });
  });

  it('cuts the JSON body in half when truncating', async () => {
    app = await testEmulator({ faults: { truncatedRate: 1 } });
    const response = await app.inject({ url: PATHS.dailyConsumption, query: QUERY, headers: bearer(app) });
    expect(response.statusCode).toBe(200);
    expect(response.body.startsWith('{"meter_reading":')).toBe(true);
    expect(() => JSON.parse(response.body) as unknown).toThrow(SyntaxError);
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
  });

  it('leaves two readings out of a well-formed 200 when opening a gap', async () => {
    app = await testEmulator({ faults: { gapRate: 1 } });
    const query = { ...QUERY, end: '2025-11-02' };
    const gapped = await app.inject({ url: PATHS.consumptionLoadCurve, query, headers: bearer(app) });
    expect(gapped.statusCode).toBe(200);
    const readings = gapped.json<{ meter_reading: { interval_reading: { date: string }[] } }>().meter_reading
      .interval_reading;
    app.enedisEmulator.setFaults({ gapRate: 0 });
    const whole = await app.inject({ url: PATHS.consumptionLoadCurve, query, headers: bearer(app) });
    const all = whole.json<{ meter_reading: { interval_reading: { date: string }[] } }>().meter_reading
      .interval_reading;
    expect(all).toHaveLength(48);
    expect(readings).toEqual([...all.slice(0, 24), ...all.slice(26)]);
    expect(app.enedisEmulator.stats.injected).toEqual({ gap: 1 });
  });

  it('holds the request for timeoutMs, then answers 504', async () => {
    app = await testEmulator({ faults: { timeoutRate: 1, timeoutMs: 150 } });
    const started = performance.now();
    const response = await app.inject({ url: PATHS.dailyConsumption, query: QUERY, headers: bearer(app) });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(response.statusCode).toBe(504);
  });

  it('counts a call whose client gave up during a held timeout as abandoned', async () => {
    app = await testEmulator({ faults: { timeoutRate: 1, timeoutMs: 5_000 } });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const query = new URLSearchParams(QUERY).toString();
    const call = fetch(`${url}${PATHS.dailyConsumption}?${query}`, {
      headers: bearer(app),
      signal: AbortSignal.timeout(100),
    });
    await expect(call).rejects.toThrow();
    await vi.waitFor(() => expect(app.enedisEmulator.stats.abandoned).toEqual({ timeout: 1 }));
    expect(app.enedisEmulator.stats.total).toBe(0);
  });

  it('adds latency with jitter', async () => {
    app = await testEmulator({ latency: { fixedMs: 60, jitterMs: 20 } });
    const started = performance.now();
    await app.inject({ url: PATHS.dailyConsumption, query: QUERY, headers: bearer(app) });
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    app.enedisEmulator.setLatency({ fixedMs: 0, jitterMs: 0 });
    const fast = performance.now();
    await app.inject({ url: PATHS.dailyConsumption, query: QUERY, headers: bearer(app) });
    expect(performance.now() - fast).toBeLessThan(55);
  });

  it('leaves the token endpoint alone unless it is targeted', async () => {
    app = await testEmulator({ faults: { error500Rate: 1 } });
    expect((await app.inject(TOKEN_FORM)).statusCode).toBe(200);
    app.enedisEmulator.setFaults({ targets: ['token'] });
    expect((await app.inject(TOKEN_FORM)).statusCode).toBe(500);
    expect((await app.inject({ url: PATHS.dailyConsumption, query: QUERY, headers: bearer(app) })).statusCode).toBe(
      200,
    );
  });

  it('replays the same failures for the same seed', async () => {
    const run = async () => {
      const emulator = await testEmulator({ faults: { seed: 1234, error500Rate: 0.3, error503Rate: 0.2 } });
      const headers = bearer(emulator);
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        statuses.push((await emulator.inject({ url: PATHS.contracts, query: QUERY, headers })).statusCode);
      }
      await emulator.close();
      return statuses;
    };
    app = await testEmulator();
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 500, 503]));
    const failures = first.filter((s) => s !== 200).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
  });
});

describe('call statistics', () => {
  it('counts calls per route, status and client and keeps a bounded log', async () => {
    app = await testEmulator({ callLogSize: 3 });
    const headers = bearer(app);
    await app.inject(TOKEN_FORM);
    await app.inject({ url: PATHS.dailyConsumption, query: QUERY, headers });
    await app.inject({ url: PATHS.dailyConsumption, query: { ...QUERY, end: '2030-01-01' }, headers });
    await app.inject({ url: PATHS.contracts, query: QUERY, headers });
    await app.inject({ url: PATHS.contracts, query: QUERY });
    const stats = app.enedisEmulator.stats;
    expect(stats.total).toBe(5);
    expect(stats.byRoute).toEqual({ '/oauth2/v3/token': 1, [PATHS.dailyConsumption]: 2, [PATHS.contracts]: 2 });
    expect(stats.byStatus).toEqual({ '200': 3, '400': 1, '401': 1 });
    expect(stats.byClient).toEqual({ 'med-emulator-client': 4 });
    expect(stats.calls).toHaveLength(3);
    expect(stats.calls[0]).toMatchObject({
      method: 'GET',
      path: PATHS.dailyConsumption,
      status: 400,
      usagePointId: PRMS.complete,
    });
    app.enedisEmulator.resetStats();
    expect(app.enedisEmulator.stats.total).toBe(0);
  });
});
