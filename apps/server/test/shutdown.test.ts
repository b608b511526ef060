import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { giveConsent } from './support/consent-helpers.ts';
import { enedisEmulator } from './support/metering-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Sandbox client 3: a consumption meter with daily data.
const PRM = '12345678901234';
const REQUESTS = 12;
const EMULATOR_DELAY_MS = 1500;

/** Collects the server's JSON log lines. */
function logCapture() {
  const lines: { level: number; msg?: string; err?: { message?: string } }[] = [];
  const raw: string[] = [];
  return {
    lines,
    raw,
    stream: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line) as (typeof lines)[number]);
      },
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The production stop (bootstrap's close) against a listening server: metering reads that are still
 * waiting on a slow Enedis (the emulator's injected delay) when the stop begins all finish normally,
 * and nothing fails on a cache or database closed under them.
 */
describe.each(backends)('graceful shutdown on $name', (backend) => {
  let server: TestServer;
  let user: TestUser;
  let baseUrl: string;
  const logs = logCapture();

  beforeAll(async () => {
    server = await startTestServer(
      backend,
      { LOG_LEVEL: 'warn', USER_DAILY_LIMIT_NO_CACHE: '1000', SHUTDOWN_TIMEOUT_SECONDS: '30' },
      { logStream: logs.stream },
    );
    user = await createUser(server, 'shutdown');
    await giveConsent(server, user, [PRM]);
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const address = server.app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => server.close());

  it('drains in-flight metering reads before closing the cache and the database', async () => {
    expect((await fetch(`${baseUrl}/ready`)).status).toBe(200);
    const emulator = enedisEmulator(server);
    emulator.setLatency({ fixedMs: EMULATOR_DELAY_MS });
    const callsBefore = emulator.stats.total;

    // Distinct one-week ranges, straight to Enedis (use_cache=false): each waits on the emulator's delay.
    const today = parisToday(new Date());
    const started = Date.now();
    const reads = Array.from({ length: REQUESTS }, async (_, index) => {
      const end = addDays(today, -1 - 7 * index);
      const url = `${baseUrl}/api/enedis/consumption/daily/${PRM}?start=${addDays(end, -7)}&end=${end}&use_cache=false`;
      const response = await fetch(url, { headers: { cookie: user.cookie } });
      return { status: response.status, body: await response.text(), at: Date.now() };
    });
    await waitFor(() => server.deps.drain.inFlight === REQUESTS, 10_000, 'every read to be in flight');

    const closeStarted = Date.now();
    const closing = server.shutdown();
    const results = await Promise.all(reads);
    await closing;
    const closedAt = Date.now();

    for (const result of results) {
      expect(result.status, result.body).toBe(200);
      expect(JSON.parse(result.body)).toMatchObject({ success: true });
    }
    // They really were in flight: each was answered after the stop began, which waited for the last one.
    expect(Math.min(...results.map((result) => result.at))).toBeGreaterThan(closeStarted);
    expect(closedAt).toBeGreaterThanOrEqual(Math.max(...results.map((result) => result.at)));
    expect(closeStarted - started).toBeLessThan(EMULATOR_DELAY_MS);
    expect(emulator.stats.total - callsBefore).toBeGreaterThanOrEqual(REQUESTS);

    // What a cache or database closed under a running request says (iovalkey, Kysely, pg, node:sqlite).
    expect(logs.raw.join('')).not.toMatch(
      /Connection is closed|driver has already been destroyed|Cannot use a pool after calling end|database is not open/i,
    );
    expect(logs.lines.filter((line) => line.level >= 50)).toEqual([]);
    // Stopped for good: no new connection is accepted.
    await expect(fetch(`${baseUrl}/ping`)).rejects.toThrow();
  });

  it('keeps serving for SHUTDOWN_DELAY_SECONDS with /ready at 503, then refuses connections', async () => {
    const delayed = await startTestServer(backend, { SHUTDOWN_DELAY_SECONDS: '1' });
    try {
      await delayed.app.listen({ host: '127.0.0.1', port: 0 });
      const address = delayed.app.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const started = Date.now();
      const closing = delayed.shutdown();

      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'draining' });
      // Other requests are still answered, each closing its connection so the client reconnects elsewhere.
      const ping = await fetch(`${url}/ping`);
      expect(ping.status).toBe(200);
      expect(ping.headers.get('connection')).toBe('close');

      await closing;
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      await expect(fetch(`${url}/ping`)).rejects.toThrow();
    } finally {
      await delayed.close();
    }
  });
});
