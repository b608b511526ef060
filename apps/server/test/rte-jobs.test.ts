import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { jobRuns, jobState, RTE_JOBS, rteEmulator, waitFor } from './support/rte-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const PATHS = {
  tempo: '/open_api/tempo_like_supply_contract/v1/tempo_like_calendars',
  ecowatt: '/open_api/ecowatt/v5/signals',
  shortTerm: '/open_api/consumption/v1/short_term',
  weekly: '/open_api/consumption/v1/weekly_forecasts',
  generation: '/open_api/generation_forecast/v3/forecasts',
};
const ALL_JOBS = [...RTE_JOBS, 'cleanup', 'enedis-token', 'housekeeping', 'sessions-cleanup'];

/** Runs of `job` grouped by slot: the scheduler's promise is exactly one run per slot. */
async function runsBySlot(servers: TestServer[], job: string): Promise<Map<string, string[]>> {
  const [first] = servers;
  if (!first) {
    throw new Error('no server');
  }
  const bySlot = new Map<string, string[]>();
  for (const run of await jobRuns(first, job)) {
    bySlot.set(run.slot, [...(bySlot.get(run.slot) ?? []), run.outcome]);
  }
  return bySlot;
}

/**
 * On postgres+valkey two instances share one schema and one key prefix (the second reaches the first
 * one's emulator, as real instances share RTE); on sqlite+memory a single instance is raced against itself.
 */
describe.each(backends)('scheduled jobs run once per slot on $name', (backend) => {
  const servers: TestServer[] = [];
  const shared = backend.databaseUrl !== undefined && backend.redisUrl !== undefined;

  beforeAll(async () => {
    const first = await startTestServer(backend);
    servers.push(first);
    if (shared) {
      const url = first.deps.gateway.embeddedEmulatorUrl ?? '';
      servers.push(
        await startTestServer(
          backend,
          { RTE_BASE_URL: url, ENEDIS_ENVIRONMENT: 'emulator', ENEDIS_BASE_URL: url },
          { joinWith: first.storage },
        ),
      );
    }
  });
  afterAll(async () => {
    for (const server of [...servers].reverse()) {
      await server.close();
    }
  });

  it('instances starting together make the initial fill once', async () => {
    const [first] = servers;
    if (!first) {
      throw new Error('no server');
    }
    // Start every scheduler at the same instant, plus an extra concurrent trigger per job, to race the locks.
    for (const server of servers) {
      server.deps.scheduler.start();
    }
    const raced = await Promise.all(
      servers.flatMap((server) =>
        ALL_JOBS.map(async (job) => ({ job, status: await server.deps.scheduler.trigger(job) })),
      ),
    );
    // The start-up runs already hold the locks or have finished: the extra triggers never run a job a second time.
    for (const { job, status } of raced) {
      expect(['busy', 'done', 'not_due', 'success'], job).toContain(status);
    }
    await waitFor('every job to succeed', async () =>
      (await Promise.all(ALL_JOBS.map((job) => jobState(first, job)))).every(
        (state) => state?.last_outcome === 'success',
      ),
    );

    for (const job of ALL_JOBS) {
      const bySlot = await runsBySlot(servers, job);
      expect(bySlot.size, job).toBeGreaterThanOrEqual(1);
      for (const [slot, outcomes] of bySlot) {
        expect(outcomes, `${job} ${slot}`).toEqual(['success']);
      }
    }
    // Calls at the (single) emulator match the runs: nothing was fetched twice.
    const emulator = rteEmulator(first);
    const runs = async (job: string) => (await jobRuns(first, job)).filter((run) => run.outcome === 'success').length;
    expect(emulator.calls(PATHS.shortTerm)).toBe(await runs('consumption-france'));
    expect(emulator.calls(PATHS.weekly)).toBe(1);
    expect(emulator.calls(PATHS.generation)).toBe(2 * (await runs('generation-forecast')));
    expect(emulator.calls(PATHS.ecowatt)).toBe(1);
    expect(emulator.stats.byStatus['429'] ?? 0).toBe(0);
  });

  it('later slots, driven by a chosen clock, also run once across instances', async () => {
    const [first] = servers;
    if (!first) {
      throw new Error('no server');
    }
    const emulator = rteEmulator(first);
    const scheduler = first.deps.scheduler;
    const base = scheduler.slotOf('consumption-france', new Date()).getTime();
    const shortTermBefore = emulator.calls(PATHS.shortTerm);
    const generationBefore = emulator.calls(PATHS.generation);
    const generationSlots = new Set([scheduler.slotOf('generation-forecast', new Date()).toISOString()]);
    // Three future quarter-hours, each triggered three times on every instance at once.
    for (let step = 1; step <= 3; step += 1) {
      const at = new Date(base + step * 15 * 60_000 + 5_000);
      const race = (job: string) =>
        Promise.all(servers.flatMap((server) => [0, 1, 2].map(() => server.deps.scheduler.trigger(job, { at }))));
      const [consumption, generation] = await Promise.all([race('consumption-france'), race('generation-forecast')]);
      expect(consumption.filter((status) => status === 'success')).toHaveLength(1);
      expect(
        (await runsBySlot(servers, 'consumption-france')).get(new Date(base + step * 15 * 60_000).toISOString()),
      ).toEqual(['success']);
      // Generation runs every 30 minutes: only a quarter-hour that starts a new half-hour slot runs it.
      const generationSlot = scheduler.slotOf('generation-forecast', at).toISOString();
      expect(generation.filter((status) => status === 'success')).toHaveLength(
        generationSlots.has(generationSlot) ? 0 : 1,
      );
      generationSlots.add(generationSlot);
    }
    expect(emulator.calls(PATHS.shortTerm) - shortTermBefore).toBe(3);
    expect(emulator.calls(PATHS.generation) - generationBefore).toBe(2 * (generationSlots.size - 1));
    // A slot already done is not run again, whoever asks.
    const again = await Promise.all(
      servers.map((server) =>
        server.deps.scheduler.trigger('consumption-france', { at: new Date(base + 3 * 15 * 60_000 + 60_000) }),
      ),
    );
    expect(again.every((status) => status === 'done')).toBe(true);
    expect(emulator.calls(PATHS.shortTerm) - shortTermBefore).toBe(3);
  });

  it('records the last run and outcome of every job', async () => {
    const [first] = servers;
    if (!first) {
      throw new Error('no server');
    }
    for (const job of ALL_JOBS) {
      const state = await jobState(first, job);
      expect(state, job).toMatchObject({
        last_outcome: 'success',
        consecutive_failures: 0,
        next_attempt_at: null,
        last_error: null,
      });
      expect(Date.parse(state?.last_success_at ?? '')).toBeGreaterThan(Date.now() - 60_000);
    }
  });
});
