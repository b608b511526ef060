import { startEmulator } from '@med/emulator';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRteClient } from './rte.client.ts';
import { RteError } from './rte-errors.ts';
import { RTE_EMULATOR_CLIENT } from './rte-gateway.ts';

const TEMPO = '/open_api/tempo_like_supply_contract/v1/tempo_like_calendars';
const log = pino({ level: 'silent' });

/** The client against the real emulator (HTTP on loopback), which counts every call it receives. */
describe('RTE client', () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  const client = (overrides: { maxAttempts?: number; timeoutMs?: number } = {}) =>
    createRteClient({
      baseUrl: emulator.url,
      ...RTE_EMULATOR_CLIENT,
      timeoutMs: overrides.timeoutMs ?? 5000,
      maxAttempts: overrides.maxAttempts ?? 3,
      log,
      retryBaseMs: 20,
      retryCapMs: 50,
    });
  const control = () => emulator.app.rteEmulator;
  const query = { start_date: '2026-01-05T00:00:00+01:00', end_date: '2026-01-06T00:00:00+01:00' };

  beforeAll(async () => {
    emulator = await startEmulator({ rte: { retryAfterHeader: true } });
  });
  afterAll(async () => emulator.close());

  it('uses the emulator’s default application credentials', () => {
    expect(control().options).toMatchObject(RTE_EMULATOR_CLIENT);
  });

  it('gets one token (Basic auth) and reuses it; a 401 renews it once', async () => {
    control().reset();
    const rte = client();
    await rte.get(TEMPO, query);
    await rte.get(TEMPO, query);
    expect(rte.stats.tokenRequests).toBe(1);
    expect(control().calls('/token/oauth/')).toBe(1);
    control().reset(); // the emulator forgets its tokens: ours is now refused
    await rte.get(TEMPO, query);
    expect(rte.stats.tokenRequests).toBe(2);
    expect(control().stats.byStatus['401']).toBe(1);
  });

  it('retries 5xx with backoff and gives up after maxAttempts with a 503-class error', async () => {
    control().reset();
    const rte = client({ maxAttempts: 3 });
    control().failNext(500, 2, '/open_api');
    await expect(rte.get(TEMPO, query)).resolves.toBeDefined();
    expect(control().calls(TEMPO)).toBe(3);
    control().failNext(503, 5, '/open_api');
    const error = await rte.get(TEMPO, query).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RteError);
    expect(error).toMatchObject({ kind: 'server_error', httpStatus: 503, status: 503, code: 'RTE_UNAVAILABLE' });
    expect(control().calls(TEMPO)).toBe(3 + 3);
  });

  it.each([429, 509] as const)(
    'does not retry a %i whose Retry-After is long: one call, the wait is handed to the caller',
    async (status) => {
      control().reset();
      const rte = client();
      control().failNext(status, 1, '/open_api');
      const error = await rte.get(TEMPO, query).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: 'throttled', httpStatus: status, retryAfterMs: 60_000, status: 503 });
      expect(control().calls(TEMPO)).toBe(1);
      expect(rte.stats.retries).toBe(0);
    },
  );

  it('does not retry a 509 without Retry-After like a 5xx: one call, throttled, the caller backs off', async () => {
    const silent = await startEmulator();
    try {
      const rte = createRteClient({
        baseUrl: silent.url,
        ...RTE_EMULATOR_CLIENT,
        timeoutMs: 5000,
        maxAttempts: 3,
        log,
        retryBaseMs: 20,
        retryCapMs: 50,
      });
      silent.app.rteEmulator.failNext(509, 1, '/open_api');
      const error = await rte.get(TEMPO, query).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: 'throttled', httpStatus: 509, retryAfterMs: undefined });
      expect(silent.app.rteEmulator.calls(TEMPO)).toBe(1);
      // The same client still retries a 5xx: only the quota answer is spared.
      silent.app.rteEmulator.failNext(503, 1, '/open_api');
      await expect(rte.get(TEMPO, query)).resolves.toBeDefined();
      expect(silent.app.rteEmulator.calls(TEMPO)).toBe(3);
    } finally {
      await silent.close();
    }
  });

  it.each([429, 509] as const)('waits out a short Retry-After on a %i, then succeeds', async (status) => {
    const patient = await startEmulator({ rte: { retryAfterHeader: true, retryAfterSeconds: 1 } });
    try {
      const rte = createRteClient({
        baseUrl: patient.url,
        ...RTE_EMULATOR_CLIENT,
        timeoutMs: 5000,
        maxAttempts: 3,
        log,
        // A backoff this short would retry within milliseconds: only Retry-After explains a 1 s gap.
        retryBaseMs: 1,
        retryCapMs: 1,
      });
      patient.app.rteEmulator.failNext(status, 1, '/open_api');
      await expect(rte.get(TEMPO, query)).resolves.toBeDefined();
      const calls = patient.app.rteEmulator.stats.log.filter((call) => call.path === TEMPO);
      expect(calls.map((call) => call.status)).toEqual([status, 200]);
      const [first, second] = calls.map((call) => call.realTimeMs);
      expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(1000);
    } finally {
      await patient.close();
    }
  });

  it('renews the token before it expires (5 minutes ahead), without waiting for a 401', async () => {
    control().reset();
    let clock = Date.parse('2026-01-05T08:00:00Z');
    const rte = createRteClient({
      baseUrl: emulator.url,
      ...RTE_EMULATOR_CLIENT,
      timeoutMs: 5000,
      maxAttempts: 3,
      log,
      now: () => clock,
    });
    await rte.get(TEMPO, query);
    expect(rte.stats.tokenRequests).toBe(1);
    // expires_in is 7200 s: 5 min + 1 s before expiry the token is still used…
    clock += (7200 - 301) * 1000;
    await rte.get(TEMPO, query);
    expect(rte.stats.tokenRequests).toBe(1);
    // …and 2 s later it is renewed before the call, although the emulator would still accept it.
    clock += 2000;
    await rte.get(TEMPO, query);
    expect(rte.stats.tokenRequests).toBe(2);
    expect(control().calls('/token/oauth/')).toBe(2);
    expect(control().stats.byStatus['401']).toBeUndefined();
    expect(control().calls(TEMPO)).toBe(3);
  });

  it('maps functional 400s to permanent errors with RTE’s code, without retrying', async () => {
    control().reset();
    const rte = client();
    const error = await rte.get(TEMPO, { start_date: query.start_date }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'bad_request',
      rteCode: 'TMPLIKSUPCON_TMPLIKCAL_F01',
      status: 502,
      code: 'RTE_ERROR',
    });
    expect(control().calls(TEMPO)).toBe(1);
  });

  it('times out slow answers and retries them', async () => {
    control().reset();
    control().setFaults({ latencyMs: 300, paths: [TEMPO] });
    try {
      const rte = client({ timeoutMs: 100, maxAttempts: 2 });
      const error = await rte.get(TEMPO, query).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: 'timeout' });
      expect(rte.stats.calls).toBe(2);
    } finally {
      control().setFaults({ latencyMs: 0 });
    }
  });

  it('stops at once when the caller aborts', async () => {
    control().reset();
    control().setFaults({ latencyMs: 300, paths: [TEMPO] });
    try {
      const rte = client({ maxAttempts: 5 });
      const abort = new AbortController();
      setTimeout(() => abort.abort(new Error('stop')), 50);
      const started = Date.now();
      await expect(rte.get(TEMPO, query, { signal: abort.signal })).rejects.toThrow('stop');
      expect(Date.now() - started).toBeLessThan(250);
      expect(rte.stats.calls).toBe(1);
    } finally {
      control().setFaults({ latencyMs: 0 });
    }
  });
});
