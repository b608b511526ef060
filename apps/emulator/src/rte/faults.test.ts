import { afterEach, describe, expect, it } from 'vitest';
import { SHORT_TERM_PATH } from './consumption.ts';
import { resolveRteOptions } from './options.ts';
import { TEMPO_PATH } from './tempo.ts';
import { matching, rteTestEmulator, type RteTestEmulator } from './test-kit.ts';

const NOW = '2025-01-15T12:00:00Z';
let emulator: RteTestEmulator;
afterEach(() => emulator.close());

describe('fault injection and counters', () => {
  it('injects 500/503/429 with RTE error bodies at the configured rate', async () => {
    emulator = await rteTestEmulator(NOW);
    const token = await emulator.token();
    const control = emulator.app.rteEmulator;
    control.setFaults({ rate500: 1 });
    const failed = await emulator.get(TEMPO_PATH, {}, token);
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toMatchObject({
      error: 'COMMON_ERROR_T03',
      error_description: 'Error code unknown',
      error_uri: '',
      error_details: { transaction_id: matching(/^Id-/) },
    });
    control.setFaults({ rate500: 0, rate503: 1 });
    expect((await emulator.get(TEMPO_PATH, {}, token)).statusCode).toBe(503);
    control.setFaults({ rate503: 0, rate429: 1 });
    expect((await emulator.get(TEMPO_PATH, {}, token)).statusCode).toBe(429);
    control.setFaults({ rate429: 0 });
    expect((await emulator.get(TEMPO_PATH, {}, token)).statusCode).toBe(200);
    expect(control.stats.injectedFaults).toBe(3);
    expect(control.calls(TEMPO_PATH)).toBe(4);
    expect(() => control.setFaults({ rate500: 0.7, rate503: 0.7 })).toThrow(RangeError);
  });

  it('fails the next calls on demand, then recovers; counts every attempt per path', async () => {
    emulator = await rteTestEmulator(NOW);
    const token = await emulator.token();
    const control = emulator.app.rteEmulator;
    control.failNext(503, 2, '/open_api/tempo');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      statuses.push((await emulator.get(TEMPO_PATH, {}, token)).statusCode);
    }
    expect(statuses).toEqual([503, 503, 200]);
    // Consumption was never targeted.
    expect((await emulator.get(SHORT_TERM_PATH, { type: 'REALISED' }, token)).statusCode).toBe(200);
    expect(control.stats.byPath).toEqual({ '/token/oauth/': 1, [TEMPO_PATH]: 3, [SHORT_TERM_PATH]: 1 });
    expect(control.stats.log.map((c) => [c.path, c.status, c.injected])).toEqual([
      ['/token/oauth/', 200, false],
      [TEMPO_PATH, 503, true],
      [TEMPO_PATH, 503, true],
      [TEMPO_PATH, 200, false],
      [SHORT_TERM_PATH, 200, false],
    ]);
    expect(control.stats.log[1]?.at).toBe('2025-01-15T12:00:00.000Z');
  });

  it('injects RTE’s platform-wide quota answer (509) on demand, with the configured Retry-After', async () => {
    emulator = await rteTestEmulator(NOW, { retryAfterHeader: true, retryAfterSeconds: 2 });
    const token = await emulator.token();
    emulator.app.rteEmulator.failNext(509, 1, TEMPO_PATH);
    const quota = await emulator.get(TEMPO_PATH, {}, token);
    expect(quota.statusCode).toBe(509);
    expect(quota.headers['retry-after']).toBe('2');
    expect(quota.json()).toMatchObject({
      error: 'BANDWIDTH_LIMIT_EXCEEDED',
      error_details: { transaction_id: matching(/^Id-/) },
    });
    expect((await emulator.get(TEMPO_PATH, {}, token)).statusCode).toBe(200);
    expect(() => resolveRteOptions({ retryAfterSeconds: 1.5 })).toThrow(RangeError);
  });

  it('limits faults and latency to chosen paths', async () => {
    emulator = await rteTestEmulator(NOW, { faults: { rate500: 1, paths: ['/open_api/consumption'] } });
    const token = await emulator.token(); // the token endpoint is not in `paths`
    expect((await emulator.get(TEMPO_PATH, {}, token)).statusCode).toBe(200);
    expect((await emulator.get(SHORT_TERM_PATH, {}, token)).statusCode).toBe(500);

    emulator.app.rteEmulator.setFaults({ rate500: 0, latencyMs: 60, paths: [TEMPO_PATH] });
    const started = Date.now();
    await emulator.get(TEMPO_PATH, {}, token);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('draws a reproducible fault sequence from the seed', async () => {
    const sequence = async () => {
      const instance = await rteTestEmulator(NOW, { faults: { rate503: 0.5, paths: [TEMPO_PATH] }, faultSeed: 42 });
      const token = await instance.token();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push((await instance.get(TEMPO_PATH, {}, token)).statusCode);
      }
      await instance.close();
      return statuses;
    };
    const first = await sequence();
    expect(first).toContain(503);
    expect(first).toContain(200);
    emulator = await rteTestEmulator(NOW);
    expect(await sequence()).toEqual(first);
  });

  it('resets counters, tokens and faults', async () => {
    emulator = await rteTestEmulator(NOW);
    const control = emulator.app.rteEmulator;
    const token = await emulator.token();
    control.setFaults({ rate429: 1 });
    await emulator.get(TEMPO_PATH, {}, token);
    control.reset();
    expect(control.stats.total).toBe(0);
    expect(control.faults.rate429).toBe(0);
    expect((await emulator.get(TEMPO_PATH, {}, token)).statusCode).toBe(401); // tokens forgotten
    expect((await emulator.get(TEMPO_PATH, {}, await emulator.token())).statusCode).toBe(200);
  });

  it('answers 413 above the maximum response size', async () => {
    emulator = await rteTestEmulator(NOW, { maxResponseBytes: 50_000 });
    const response = await emulator.get(SHORT_TERM_PATH, {
      start_date: '2025-01-01T00:00:00+01:00',
      end_date: '2025-01-08T00:00:00+01:00',
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: 'REQUEST_ENTITY_TOO_LARGE' });
  });
});
