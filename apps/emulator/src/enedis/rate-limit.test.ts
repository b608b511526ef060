import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { bearer, PATHS, PRMS, testEmulator } from './test-support.ts';
import { formatNextAccessTime } from './errors.ts';

let app: FastifyInstance;
afterEach(() => app.close());

const QUERY = { usage_point_id: PRMS.complete, start: '2025-11-01', end: '2025-11-02' };

describe('per-application quotas', () => {
  it('answers the sixth call within a second with 429 and the WSO2 fault body', async () => {
    let clock = Date.UTC(2026, 6, 17, 4, 0, 0);
    app = await testEmulator({ rateLimit: { enabled: true, clock: () => clock } });
    const headers = bearer(app);
    const statuses: number[] = [];
    let throttled: unknown;
    for (let i = 0; i < 6; i++) {
      const response = await app.inject({ url: PATHS.dailyConsumption, query: QUERY, headers });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        throttled = response.json();
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(throttled).toEqual({
      fault: { code: 900807, message: 'Message throttled out', description: 'You have exceeded your quota' },
    });
    // The bucket refills at 5 tokens per second.
    clock += 200;
    expect((await app.inject({ url: PATHS.dailyConsumption, query: QUERY, headers })).statusCode).toBe(200);
    expect((await app.inject({ url: PATHS.dailyConsumption, query: QUERY, headers })).statusCode).toBe(429);
    expect(app.enedisEmulator.stats.injected).toEqual({ 'quota-second': 2 });
  });

  it('gives 429 with nextAccessTime once the hourly quota is used, until the next hour', async () => {
    let clock = Date.UTC(2026, 6, 17, 4, 59, 0);
    app = await testEmulator({ rateLimit: { enabled: true, perSecond: 1000, perHour: 3, clock: () => clock } });
    const headers = bearer(app);
    for (let i = 0; i < 3; i++) {
      expect((await app.inject({ url: PATHS.contracts, query: QUERY, headers })).statusCode).toBe(200);
    }
    const refused = await app.inject({ url: PATHS.contracts, query: QUERY, headers });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      code: '900804',
      message: 'Message throttled out',
      description: 'You have exceeded your quota .You can access API after 2026-Jul-17 05:00:00+0000 UTC',
      nextAccessTime: '2026-Jul-17 05:00:00+0000 UTC',
    });
    clock = Date.UTC(2026, 6, 17, 5, 0, 0);
    expect((await app.inject({ url: PATHS.contracts, query: QUERY, headers })).statusCode).toBe(200);
  });

  it('counts each application separately and can be changed at runtime', async () => {
    const clock = Date.UTC(2026, 0, 1);
    app = await testEmulator({
      clients: [
        { clientId: 'a', clientSecret: 'a', redirectUri: 'http://a/cb' },
        { clientId: 'b', clientSecret: 'b', redirectUri: 'http://b/cb' },
      ],
      rateLimit: { enabled: true, perSecond: 1, clock: () => clock },
    });
    const call = (clientId: string) =>
      app.inject({
        url: PATHS.dailyConsumption,
        query: QUERY,
        headers: { authorization: `Bearer ${app.enedisEmulator.issueToken(clientId)}` },
      });
    expect((await call('a')).statusCode).toBe(200);
    expect((await call('a')).statusCode).toBe(429);
    expect((await call('b')).statusCode).toBe(200);
    app.enedisEmulator.setRateLimit({ enabled: false });
    expect((await call('a')).statusCode).toBe(200);
  });

  it('formats nextAccessTime like the gateway', () => {
    expect(formatNextAccessTime(new Date(Date.UTC(2026, 0, 5, 7, 0, 0)))).toBe('2026-Jan-05 07:00:00+0000 UTC');
  });
});
