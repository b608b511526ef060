import { addDays, parisToday } from '@med/core';
import { buildEmulator } from '@med/emulator';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { quotaWaitMs } from './enedis-http.ts';
import { EnedisError } from './enedis-errors.ts';
import { enedisAdapter, PATHS, PRMS, rejection, startTestEmulator } from './enedis-test-support.ts';

const HOUR = 3_600_000;
const today = parisToday(new Date());
const readDays = (adapter: ReturnType<typeof enedisAdapter>) =>
  adapter.api.dailyEnergy('consumption', PRMS.complete, addDays(today, -3), addDays(today, -1));

/** A clock `msBeforeHour` ms before the next clock hour, running at real speed from now on. */
function clockBeforeHour(msBeforeHour: number): () => number {
  const real = Date.now();
  const offset = (Math.floor(real / HOUR) + 1) * HOUR - msBeforeHour - real;
  return () => Date.now() + offset;
}

async function timed<T>(promise: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await promise;
  return { value, ms: performance.now() - started };
}

describe('quota waits', () => {
  it('waits for nextAccessTime when given, else until the next hour for Q4 and ≥ 1 s for Q3', () => {
    const now = Date.parse('2026-07-17T04:40:00Z');
    expect(quotaWaitMs('hour', 1234, 1, now)).toBe(1234);
    expect(quotaWaitMs('hour', null, 1, now)).toBe(20 * 60_000);
    expect(quotaWaitMs('second', null, 1, now)).toBeGreaterThanOrEqual(1000);
    expect(quotaWaitMs('second', null, 1, now)).toBeLessThanOrEqual(1200);
    expect(quotaWaitMs('second', null, 3, now)).toBeGreaterThanOrEqual(4000);
    expect(quotaWaitMs('second', null, 10, now)).toBeLessThanOrEqual(8000);
  });
});

/** Retries, quotas and timeouts of the HTTP layer, against the real emulator over loopback HTTP. */
describe('Enedis HTTP layer', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  const control = () => emulator.app.enedisEmulator;
  const dataCalls = () => control().stats.byRoute[PATHS.dailyConsumption] ?? 0;
  const adapter = (overrides: Parameters<typeof enedisAdapter>[1] = {}) => enedisAdapter(emulator.url, overrides);

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(async () => emulator.close());
  beforeEach(() => control().resetStats());
  afterEach(() => {
    control().setFaults({ error500Rate: 0, error503Rate: 0, error429Rate: 0, timeoutRate: 0, truncatedRate: 0 });
    control().setFaults({ targets: ['metering', 'customers'] });
    control().setRateLimit({ enabled: false, perSecond: 5, perHour: 10_000, clock: () => Date.now() });
  });

  describe('429', () => {
    it('waits until nextAccessTime (hourly quota) and then succeeds', async () => {
      const clock = clockBeforeHour(1500);
      control().setRateLimit({ enabled: true, perSecond: 1000, perHour: 2, clock });
      const enedis = adapter({ now: clock });
      await readDays(enedis);
      await readDays(enedis);
      const toldToWait = Math.ceil((Math.floor(clock() / HOUR) + 1) * HOUR - clock());
      const { value, ms } = await timed(readDays(enedis));
      expect(value).toHaveLength(2);
      expect(control().stats.injected).toEqual({ 'quota-hour': 1 });
      expect(dataCalls()).toBe(4);
      expect(ms).toBeGreaterThanOrEqual(toldToWait - 20);
      expect(ms).toBeLessThan(toldToWait + 1000);
    });

    it('answers 503 at once when nextAccessTime is beyond the maximum wait, and stops calling until then', async () => {
      const clock = clockBeforeHour(20 * 60_000);
      control().setRateLimit({ enabled: true, perSecond: 1000, perHour: 1, clock });
      const enedis = adapter({ now: clock, maxAttempts: 5 });
      await readDays(enedis);
      const { value: error, ms } = await timed(rejection(readDays(enedis)));
      expect(error).toBeInstanceOf(EnedisError);
      expect(error).toMatchObject({ status: 503, code: 'ENEDIS_UNAVAILABLE' });
      const retryAfter = Number((error as EnedisError).headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(19 * 60);
      expect(retryAfter).toBeLessThanOrEqual(20 * 60);
      expect(ms).toBeLessThan(1000);
      expect(dataCalls()).toBe(2);
      // The quota is known to be spent: further calls fail without reaching Enedis.
      await expect(readDays(enedis)).rejects.toMatchObject({ status: 503, code: 'ENEDIS_UNAVAILABLE' });
      expect(dataCalls()).toBe(2);
    });

    it('backs off at least 1 s on per-second 429s, then gives up with 503', async () => {
      control().setFaults({ error429Rate: 1 });
      const enedis = adapter({ maxAttempts: 2 });
      const { value: error, ms } = await timed(rejection(readDays(enedis)));
      expect(error).toMatchObject({ status: 503, code: 'ENEDIS_UNAVAILABLE' });
      expect(dataCalls()).toBe(2);
      expect(ms).toBeGreaterThanOrEqual(1000);
      expect(ms).toBeLessThan(2500);
    });

    it('recovers from the emulator’s real per-second quota', async () => {
      control().setRateLimit({ enabled: true, perSecond: 3, perHour: 10_000 });
      const enedis = adapter({ maxAttempts: 4 });
      const results = await Promise.all(Array.from({ length: 5 }, () => readDays(enedis)));
      expect(results.every((days) => days.length === 2)).toBe(true);
      const refused = control().stats.injected['quota-second'] ?? 0;
      expect(refused).toBeGreaterThan(0);
      expect(dataCalls()).toBe(5 + refused);
    });
  });

  describe('retries', () => {
    it('retries 500s up to maxAttempts, then answers 503 ENEDIS_UNAVAILABLE', async () => {
      control().setFaults({ error500Rate: 1 });
      const enedis = adapter({ maxAttempts: 3 });
      const error = await rejection(readDays(enedis));
      expect(error).toMatchObject({ status: 503, code: 'ENEDIS_UNAVAILABLE' });
      expect((error as Error).message).toContain('technical_error');
      expect(dataCalls()).toBe(3);
      expect(control().stats.byStatus['500']).toBe(3);
    });

    it('retries 503s the same way', async () => {
      control().setFaults({ error503Rate: 1 });
      const enedis = adapter({ maxAttempts: 4 });
      await expect(readDays(enedis)).rejects.toMatchObject({ status: 503, code: 'ENEDIS_UNAVAILABLE' });
      expect(dataCalls()).toBe(4);
    });

    it('gets through intermittent 5xx: each failure costs exactly one more call', async () => {
      control().setFaults({ seed: 11, error500Rate: 0.2, error503Rate: 0.2 });
      const enedis = adapter({ maxAttempts: 8 });
      for (let call = 0; call < 8; call += 1) {
        await expect(readDays(enedis)).resolves.toHaveLength(2);
      }
      const injected = (control().stats.injected['500'] ?? 0) + (control().stats.injected['503'] ?? 0);
      expect(injected).toBeGreaterThan(0);
      expect(dataCalls()).toBe(8 + injected);
    });

    it('times out a call that hangs, retries it, then answers 503', async () => {
      control().setFaults({ timeoutRate: 1, timeoutMs: 5000 });
      const enedis = adapter({ maxAttempts: 3, timeoutMs: 150 });
      const { value: error, ms } = await timed(rejection(readDays(enedis)));
      expect(error).toMatchObject({ status: 503, code: 'ENEDIS_UNAVAILABLE' });
      expect((error as Error).message).toContain('timeout');
      expect(enedis.http.stats.calls).toBe(3);
      expect(ms).toBeGreaterThanOrEqual(3 * 150);
      expect(ms).toBeLessThan(3 * 150 + 1000);
    });

    it('retries truncated JSON, then answers a clean 503', async () => {
      control().setFaults({ truncatedRate: 1 });
      const enedis = adapter({ maxAttempts: 3 });
      const error = await rejection(readDays(enedis));
      expect(error).toMatchObject({ status: 503, code: 'ENEDIS_UNAVAILABLE' });
      expect((error as Error).message).toContain('truncated JSON');
      expect(dataCalls()).toBe(3);
      expect(control().stats.injected).toEqual({ truncated: 3 });
    });

    it('gets complete data through intermittent truncated bodies', async () => {
      control().setFaults({ seed: 5, truncatedRate: 0.4 });
      const enedis = adapter({ maxAttempts: 8 });
      for (let call = 0; call < 6; call += 1) {
        await expect(readDays(enedis)).resolves.toHaveLength(2);
      }
      const truncated = control().stats.injected['truncated'] ?? 0;
      expect(truncated).toBeGreaterThan(0);
      expect(dataCalls()).toBe(6 + truncated);
    });

    it('retries a token endpoint outage like a data outage', async () => {
      control().setFaults({ error503Rate: 1, targets: ['token'] });
      const enedis = adapter({ maxAttempts: 3 });
      await expect(readDays(enedis)).rejects.toMatchObject({ status: 503, code: 'ENEDIS_UNAVAILABLE' });
      expect(control().stats.byRoute[PATHS.token]).toBe(3);
      expect(dataCalls()).toBe(0);
    });
  });

  describe('lanes and abort', () => {
    it('drops a call no longer wanted before its turn, with the caller’s reason, and makes no data call', async () => {
      const enedis = adapter();
      const reason = new Error('another chunk decided the answer');
      const dropped = enedis.http.get(
        PATHS.dailyConsumption,
        {},
        { lane: 'someone', signal: AbortSignal.abort(reason) },
      );
      await expect(dropped).rejects.toBe(reason);
      expect(dataCalls()).toBe(0);
    });

    it('stops retrying when aborted during a backoff pause', async () => {
      control().setFaults({ error500Rate: 1 });
      const enedis = adapter({ maxAttempts: 5, retryBaseMs: 60_000, retryCapMs: 60_000 });
      const controller = new AbortController();
      const reason = new Error('not needed any more');
      const call = enedis.http.get(
        PATHS.dailyConsumption,
        { usage_point_id: PRMS.complete, start: addDays(today, -3), end: addDays(today, -1) },
        { signal: controller.signal },
      );
      // The first attempt fails (500); the call is then in its backoff pause, up to a minute long.
      while (dataCalls() === 0) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      controller.abort(reason);
      await expect(call).rejects.toBe(reason);
      expect(dataCalls()).toBe(1);
    });
  });
});

/**
 * The 2020 hourly-quota body (reference §A7) has no `nextAccessTime`. The emulator only sends the 2026
 * bodies, so a hook on the real emulator answers the next N metering calls with the old one.
 */
describe('Enedis HTTP layer: the 2020 hourly-quota body', () => {
  let app: FastifyInstance;
  let url: string;
  let oldBodyAnswers = 0;
  const dataCalls = () => app.enedisEmulator.stats.byRoute[PATHS.dailyConsumption] ?? 0;

  beforeAll(async () => {
    app = await buildEmulator({ enedis: { rateLimit: { enabled: false } } });
    app.addHook('preHandler', async (request, reply) => {
      if (oldBodyAnswers > 0 && request.url.startsWith('/metering_data')) {
        oldBodyAnswers -= 1;
        return reply
          .code(429)
          .send({ error: '429', error_description: 'Quota Q4 reached Call threshold allowed on 0:-30:-40' });
      }
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => app.close());
  beforeEach(() => {
    app.enedisEmulator.resetStats();
    oldBodyAnswers = 0;
  });

  it('does not retry every second: with the hour far away it answers 503 after one call', async () => {
    const enedis = enedisAdapter(url, { now: clockBeforeHour(40 * 60_000), maxAttempts: 5 });
    oldBodyAnswers = 100;
    const { value: error, ms } = await timed(rejection(readDays(enedis)));
    expect(error).toMatchObject({ status: 503, code: 'ENEDIS_UNAVAILABLE' });
    expect(Number((error as EnedisError).headers['retry-after'])).toBeGreaterThan(39 * 60);
    expect(ms).toBeLessThan(1000);
    expect(dataCalls()).toBe(1);
    expect(app.enedisEmulator.stats.byStatus['429']).toBe(1);
  });

  it('waits until the next hour when that is within the maximum wait, then succeeds', async () => {
    const clock = clockBeforeHour(800);
    const enedis = enedisAdapter(url, { now: clock, maxAttempts: 5 });
    await readDays(enedis); // token and first call outside the measured part
    oldBodyAnswers = 1;
    const toldToWait = (Math.floor(clock() / HOUR) + 1) * HOUR - clock();
    const { value, ms } = await timed(readDays(enedis));
    expect(value).toHaveLength(2);
    expect(dataCalls()).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(toldToWait - 20);
    expect(ms).toBeLessThan(toldToWait + 1000);
  });
});
