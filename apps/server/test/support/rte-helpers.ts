import type { TestServer } from './test-server.ts';

export const RTE_JOBS = ['tempo', 'ecowatt', 'consumption-france', 'generation-forecast'] as const;

/** Polls `check` every 100 ms until it returns true; throws with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function jobState(server: TestServer, job: string) {
  return server.deps.db.selectFrom('job_state').selectAll().where('job', '=', job).executeTakeFirst();
}

export async function jobRuns(server: TestServer, job: string) {
  return server.deps.db.selectFrom('job_runs').selectAll().where('job', '=', job).orderBy('id').execute();
}

export async function tableCount(
  server: TestServer,
  table: 'tempo_days' | 'ecowatt' | 'consumption_france' | 'generation_forecast' | 'job_runs',
): Promise<number> {
  const row = await server.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The embedded emulator's RTE control; every RTE test server runs one. */
export function rteEmulator(server: TestServer) {
  const emulator = server.deps.rte.emulator;
  if (!emulator) {
    throw new Error('the test server runs the embedded RTE emulator');
  }
  return emulator;
}

/**
 * Emulator calls and job runs over `ms`: "quiet" means no call without a run. A schedule may fire a new
 * slot during the wait (a quarter-hour boundary); its run and its few calls are then legitimate.
 */
export async function callsWhileIdle(server: TestServer, ms: number): Promise<{ calls: number; runs: number }> {
  const emulator = rteEmulator(server);
  const calls = emulator.stats.total;
  const since = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const runs = await server.deps.db.selectFrom('job_runs').select('id').where('started_at', '>=', since).execute();
  return { calls: emulator.stats.total - calls, runs: runs.length };
}
