import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '@med/emulator';
import { RTE_EMULATOR_CLIENT } from '../src/features/rte/rte-gateway.ts';
import { callsWhileIdle, jobRuns, jobState, rteEmulator, tableCount, waitFor } from './support/rte-helpers.ts';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const SHORT_TERM = '/open_api/consumption/v1/short_term';
const GENERATION = '/open_api/generation_forecast/v3/forecasts';
const TEMPO = '/open_api/tempo_like_supply_contract/v1/tempo_like_calendars';
const ECOWATT = '/open_api/ecowatt/v5/signals';
const FAULTED_JOBS = ['tempo', 'consumption-france', 'generation-forecast'] as const;
const WINDOW_MS = 6000;

/**
 * Lower bound of the scheduler's waits with JOBS_RETRY_MIN_SECONDS=1 and JOBS_RETRY_MAX_SECONDS=4:
 * 1 s, 2 s, 4 s, 4 s… after failures 1, 2, 3, 4… (jitter only lengthens them). Attempts therefore start
 * at or after 0, 1, 3, 7 s: at most 3 job attempts in a 6-second window. Each attempt makes at most
 * RTE_MAX_ATTEMPTS = 2 calls (a 429 without Retry-After is not retried at all; Tempo stops at its first
 * failed call), so at most 6 calls per job; a tight loop would make hundreds.
 */
const MAX_JOB_ATTEMPTS_IN_WINDOW = 3;
const MAX_CALLS_PER_ATTEMPT = 2;

describe.each(backends)('RTE faults: back off, then recover on $name', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend, {
      JOBS_RETRY_MIN_SECONDS: '1',
      JOBS_RETRY_MAX_SECONDS: '4',
      RTE_MAX_ATTEMPTS: '2',
    });
  });
  afterAll(async () => server.close());

  it('500s and 429s for a while: bounded calls, failures recorded, then recovery once RTE answers again', async () => {
    const emulator = rteEmulator(server);
    // Every Tempo, consumption and generation call fails, half with 500 and half with 429 (no Retry-After).
    emulator.setFaults({ rate500: 0.5, rate429: 0.5, paths: [TEMPO, SHORT_TERM, GENERATION] });
    const started = Date.now();
    server.deps.scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS - (Date.now() - started)));
    const callsInWindow = {
      tempo: emulator.calls(TEMPO),
      'consumption-france': emulator.calls(SHORT_TERM),
      'generation-forecast': emulator.calls(GENERATION),
    };
    emulator.setFaults({ rate500: 0, rate429: 0 });

    for (const job of FAULTED_JOBS) {
      const calls = callsInWindow[job];
      const failures = (await jobRuns(server, job)).filter((run) => run.outcome === 'failure');
      // It kept trying (at least twice) but never more often than the backoff allows.
      expect(failures.length, job).toBeGreaterThanOrEqual(2);
      expect(failures.length, job).toBeLessThanOrEqual(MAX_JOB_ATTEMPTS_IN_WINDOW);
      expect(calls, job).toBeLessThanOrEqual(MAX_JOB_ATTEMPTS_IN_WINDOW * MAX_CALLS_PER_ATTEMPT);
      expect(
        failures.every((run) => /HTTP (500|429)/.test(run.detail ?? '')),
        job,
      ).toBe(true);
      // Attempts are spaced by at least the minimum wait.
      const starts = failures.map((run) => Date.parse(run.started_at));
      for (let i = 1; i < starts.length; i += 1) {
        expect((starts[i] ?? 0) - (starts[i - 1] ?? 0), job).toBeGreaterThanOrEqual(1000);
      }
      const state = await jobState(server, job);
      expect(state?.consecutive_failures, job).toBe(failures.length);
      expect(state?.last_outcome, job).toBe('failure');
    }
    // EcoWatt was not affected.
    expect((await jobState(server, 'ecowatt'))?.last_outcome).toBe('success');

    // Faults stop: the next backoff step (≤ 4.8 s) succeeds and resets the counter.
    await waitFor(
      'recovery',
      async () => {
        const states = await Promise.all(FAULTED_JOBS.map((job) => jobState(server, job)));
        return states.every((state) => state?.last_outcome === 'success');
      },
      10_000,
    );
    for (const job of FAULTED_JOBS) {
      expect(await jobState(server, job), job).toMatchObject({
        consecutive_failures: 0,
        next_attempt_at: null,
        last_error: null,
      });
    }
    expect(
      Number(
        await server.deps.db
          .selectFrom('consumption_france')
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
          .then((row) => row.n),
      ),
    ).toBeGreaterThan(0);
    // Tempo recovered with its two seasons.
    expect(await tableCount(server, 'tempo_days')).toBeGreaterThan(365);
    // And then it is quiet again.
    const idle = await callsWhileIdle(server, 1500);
    expect(idle.calls).toBeLessThanOrEqual(3 * idle.runs);
  });
});

/** Another tool of the same RTE application calls EcoWatt: RTE's 15-minute window is spent, our guard never saw it. */
async function foreignEcowattCall(baseUrl: string): Promise<void> {
  const basic = Buffer.from(`${RTE_EMULATOR_CLIENT.clientId}:${RTE_EMULATOR_CLIENT.clientSecret}`).toString('base64');
  const token = await fetch(`${baseUrl}/token/oauth/`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const { access_token: bearer } = (await token.json()) as { access_token: string };
  const served = await fetch(`${baseUrl}${ECOWATT}`, { headers: { authorization: `Bearer ${bearer}` } });
  expect(served.status).toBe(200);
}

describe.each(backends)('EcoWatt refused by RTE (429) on $name', (backend) => {
  it('hands RTE’s 15-minute window to the scheduler: one call, none until it ends, then success', async () => {
    // The emulator's clock can jump ahead: "15 minutes later" without waiting them.
    let aheadMs = 0;
    const rte = await startEmulator({ now: () => new Date(Date.now() + aheadMs) });
    const server = await startTestServer(backend, {
      RTE_BASE_URL: rte.url,
      JOBS_RETRY_MIN_SECONDS: '1',
      JOBS_RETRY_MAX_SECONDS: '1800',
    });
    try {
      await foreignEcowattCall(rte.url);
      const failedAt = Date.now();
      server.deps.scheduler.start();
      await waitFor(
        'the EcoWatt job to fail',
        async () => (await jobState(server, 'ecowatt'))?.last_outcome === 'failure',
        10_000,
      );
      expect(rte.app.rteEmulator.calls(ECOWATT)).toBe(2);
      expect(rte.app.rteEmulator.stats.byStatus['429']).toBe(1);
      const state = await jobState(server, 'ecowatt');
      expect(state).toMatchObject({ consecutive_failures: 1 });
      expect(state?.last_error).toMatch(/HTTP 429/);
      // The wait is RTE's window (15 min), not the 1-second minimum backoff.
      const waitMs = Date.parse(state?.next_attempt_at ?? '') - failedAt;
      expect(waitMs).toBeGreaterThan(14 * 60_000);
      expect(waitMs).toBeLessThan(16 * 60_000);

      // Within the window, every fire and every instance's trigger backs off without calling RTE.
      const scheduler = server.deps.scheduler;
      expect(await scheduler.trigger('ecowatt')).toBe('backoff');
      expect(await scheduler.trigger('ecowatt', { at: new Date(Date.now() + 10 * 60_000) })).toBe('backoff');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(rte.app.rteEmulator.calls(ECOWATT)).toBe(2);
      expect((await jobRuns(server, 'ecowatt')).map((run) => run.outcome)).toEqual(['failure']);

      // When it ends (RTE's clock and the trigger's both moved on), the retry is served and stored.
      aheadMs = 15 * 60_000 + 5000;
      expect(await scheduler.trigger('ecowatt', { at: new Date(Date.now() + aheadMs) })).toBe('success');
      expect(rte.app.rteEmulator.calls(ECOWATT)).toBe(3);
      expect(await tableCount(server, 'ecowatt')).toBe(4);
      expect(await jobState(server, 'ecowatt')).toMatchObject({
        last_outcome: 'success',
        consecutive_failures: 0,
        next_attempt_at: null,
      });
    } finally {
      await server.close();
      await rte.close();
    }
  });
});

/** An RTE that accepts connections and never answers, to hold a run in flight. */
async function silentUpstream(): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = createServer(() => undefined);
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const address = upstream.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      upstream.closeAllConnections();
      await new Promise((resolve) => upstream.close(resolve));
    },
  };
}

describe.each(backends)('graceful shutdown of jobs on $name', (backend) => {
  it('aborts a run stuck on an RTE that does not answer and records it, without waiting for the timeout', async () => {
    const upstream = await silentUpstream();
    const server = await startTestServer(backend, { RTE_BASE_URL: upstream.url, RTE_TIMEOUT_MS: '60000' });
    try {
      const scheduler = server.deps.scheduler;
      const pending = scheduler.trigger('consumption-france');
      await waitFor(
        'the run to start',
        async () => (await jobRuns(server, 'consumption-france')).some((run) => run.outcome === 'running'),
        5000,
      );
      const stopping = Date.now();
      await scheduler.stop();
      expect(Date.now() - stopping).toBeLessThan(3000);
      expect(await pending).toBe('failure');
      const last = (await jobRuns(server, 'consumption-france')).at(-1);
      expect(last).toMatchObject({ outcome: 'failure' });
      expect(last?.detail).toMatch(/interrupted by shutdown/);
      // A shutdown is not an RTE failure: no backoff is left behind for the next start.
      expect(await jobState(server, 'consumption-france')).toMatchObject({
        consecutive_failures: 0,
        next_attempt_at: null,
      });
      // Stopped means stopped: later triggers do nothing.
      expect(await scheduler.trigger('consumption-france')).toBe('stopped');
    } finally {
      await server.close();
      await upstream.close();
    }
  });
});
