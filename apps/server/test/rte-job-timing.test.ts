import { startEmulator } from '@med/emulator';
import { daysBetween, formatParisIso, parisInstantsOfLocalTime } from '@med/core';
import { Cron } from 'croner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumptionRepository } from '../src/features/rte/consumption.repository.ts';
import { createGenerationRepository } from '../src/features/rte/generation.repository.ts';
import type { RteApi } from '../src/features/rte/rte-api.ts';
import { worstCaseCallMs } from '../src/features/rte/rte.client.ts';
import { createTempoRepository } from '../src/features/rte/tempo.repository.ts';
import { createTempoService, TEMPO_MAX_CALLS_PER_RUN } from '../src/features/rte/tempo.service.ts';
import { backends } from './support/backends.ts';
import { jobRuns } from './support/rte-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const TEMPO = '/open_api/tempo_like_supply_contract/v1/tempo_like_calendars';
const ECOWATT = '/open_api/ecowatt/v5/signals';
/** A day RTE never fills (like its real 2022-12-28 hole), inside the two seasons of January 2026. */
const HOLE = '2025-12-25';
/** Stand-in for the scheduler's jitter: every fire runs this long after its pattern time. */
const JITTER_MS = 20_000;

/** The Paris instant of a `YYYY-MM-DD hh:mm` wall-clock time (never a DST gap here). */
function paris(stamp: string): Date {
  const [instant] = parisInstantsOfLocalTime(`${stamp}:00`);
  if (!instant) {
    throw new Error(`no Paris instant ${stamp}`);
  }
  return instant;
}

/** `YYYY-MM-DD hh:mm` in Paris. */
const label = (instant: Date) => formatParisIso(instant).slice(0, 16).replace('T', ' ');

/** Every instant in [from, to) at which croner fires one of `patterns`, in Paris time, as the scheduler arms them. */
function firesBetween(patterns: readonly string[], from: Date, to: Date): Date[] {
  const times = new Set<number>();
  for (const pattern of patterns) {
    const cron = new Cron(pattern, { timezone: 'Europe/Paris', paused: true });
    for (let next = cron.nextRun(new Date(from.getTime() - 1)); next && next < to; next = cron.nextRun(next)) {
      times.add(next.getTime());
    }
    cron.stop();
  }
  return [...times].sort((a, b) => a - b).map((time) => new Date(time));
}

/** Quarter-hours `HH:MM` from `first` to `last` included. */
function quarters(date: string, first: string, last: string): string[] {
  const out: string[] = [];
  for (let at = paris(`${date} ${first}`); at <= paris(`${date} ${last}`); at = new Date(at.getTime() + 15 * 60_000)) {
    out.push(label(at));
  }
  return out;
}

/**
 * The Tempo and EcoWatt cadences with the schedules `rteJobs()` registers, replayed on a moving clock:
 * the emulator, the scheduler (`trigger({ at })`) and the jobs all read the same simulated time, so a
 * day of fires takes milliseconds. The scheduler is not started: the test plays each fire itself.
 */
describe.each(backends)('RTE job timing on a simulated clock on $name', (backend) => {
  let server: TestServer;
  let rte: Awaited<ReturnType<typeof startEmulator>>;
  let clock = paris('2026-01-14 00:00');

  /** Plays every fire of `job` in [from, to): what the scheduler answered and how many calls it made. */
  async function play(job: string, from: Date, to: Date, path: string) {
    const played: { at: string; status: string; calls: number }[] = [];
    for (const fire of firesBetween(server.deps.scheduler.definition(job).schedule, from, to)) {
      clock = new Date(fire.getTime() + JITTER_MS);
      const before = rte.app.rteEmulator.calls(path);
      const status = await server.deps.scheduler.trigger(job, { at: clock });
      played.push({ at: label(fire), status, calls: rte.app.rteEmulator.calls(path) - before });
    }
    return played;
  }

  beforeAll(async () => {
    rte = await startEmulator({
      now: () => clock,
      // Tokens outlive the simulated days, so every counted call is a data call.
      rte: { tokenTtlSeconds: 90 * 86_400, tempoDaysWithoutValue: [HOLE] },
    });
    server = await startTestServer(backend, { RTE_BASE_URL: rte.url });
  });
  afterAll(async () => {
    await server.close();
    await rte.close();
  });

  it('Tempo: polls every quarter-hour from 06:00 until RTE publishes tomorrow (10:40), then rests until the next morning; the history back-fill runs once a day', async () => {
    const played = await play('tempo', paris('2026-01-14 00:00'), paris('2026-01-15 06:20'), TEMPO);
    // The schedule never fires at night.
    expect(played[0]?.at).toBe('2026-01-14 06:00');
    expect(played.filter((fire) => fire.at < '2026-01-14 06:00')).toEqual([]);

    const runs = played.filter((fire) => fire.status === 'success');
    expect(runs.map((run) => run.at)).toEqual([
      ...quarters('2026-01-14', '06:00', '10:45'),
      '2026-01-15 06:00',
      '2026-01-15 06:15',
    ]);
    // Between publication and the next morning every fire is answered "not due", without a call.
    const rest = played.filter((fire) => fire.status !== 'success');
    expect(rest.map((fire) => fire.at)).toEqual(quarters('2026-01-14', '11:00', '23:45'));
    expect(rest.every((fire) => fire.status === 'not_due' && fire.calls === 0)).toBe(true);

    const calls = Object.fromEntries(runs.map((run) => [run.at, run.calls]));
    // First run: F04 for D+1, yesterday..today instead, then the two seasons in two ≤ 366-day chunks.
    expect(calls['2026-01-14 06:00']).toBe(4);
    // Until publication: one call per fire (still F04), the history is not asked again that day.
    for (const at of quarters('2026-01-14', '06:15', '10:45')) {
      expect(calls[at], at).toBe(1);
    }
    // Next morning: D+1 again unknown (one F04), and the hole RTE never fills is asked once more, once.
    expect(calls['2026-01-15 06:00']).toBe(2);
    expect(calls['2026-01-15 06:15']).toBe(1);
    expect(rte.app.rteEmulator.stats.byStatus['400']).toBe(19 + 2); // 06:00..10:30, then the next 06:00 and 06:15

    const db = server.deps.db;
    const stored = await db.selectFrom('tempo_days').select('date').where('date', '>=', '2026-01-14').execute();
    expect(stored.map((row) => row.date).sort()).toEqual(['2026-01-14', '2026-01-15']);
    expect(await db.selectFrom('tempo_days').select('date').where('date', '=', HOLE).executeTakeFirst()).toBe(
      undefined,
    );
    const details = (await jobRuns(server, 'tempo')).map((run) => run.detail ?? '');
    expect(details[0]).toMatch(/tomorrow not published yet; \d+ day\(s\) back-filled in 2 call\(s\)$/);
    expect(details[1]).toMatch(/history already back-filled today$/);
    expect(details.find((detail) => detail.includes('tomorrow published'))).toMatch(/already back-filled today$/);
  });

  it('EcoWatt: 17:00 each day and 12:15 on Fridays, and the hourly fallback only while D..D+3 is incomplete', async () => {
    const played = await play('ecowatt', paris('2026-01-12 00:00'), paris('2026-01-19 00:00'), ECOWATT);
    const runs = played.filter((fire) => fire.status === 'success');
    expect(runs.map((run) => run.at)).toEqual([
      // Each midnight D+3 is a new day nobody has: the 00:05 fallback fetches it (RTE's green placeholder).
      '2026-01-12 00:05',
      '2026-01-12 17:00',
      '2026-01-13 00:05',
      '2026-01-13 17:00',
      '2026-01-14 00:05',
      '2026-01-14 17:00',
      '2026-01-15 00:05',
      '2026-01-15 17:00',
      '2026-01-16 00:05',
      // Friday: RTE generates at 12:15; the 17:00 fire then has nothing newer to expect.
      '2026-01-16 12:15',
      '2026-01-17 00:05',
      '2026-01-17 17:00',
      '2026-01-18 00:05',
      '2026-01-18 17:00',
    ]);
    expect(played.find((fire) => fire.at === '2026-01-16 17:00')?.status).toBe('not_due');
    expect(runs.every((run) => run.calls === 1)).toBe(true);
    expect(played.filter((fire) => fire.status !== 'success').every((fire) => fire.status === 'not_due')).toBe(true);
    expect(played.reduce((sum, fire) => sum + fire.calls, 0)).toBe(14);
    expect(rte.app.rteEmulator.stats.byStatus['429'] ?? 0).toBe(0);
    const stored = await server.deps.db.selectFrom('ecowatt').select('periode').orderBy('periode').execute();
    expect(stored.at(-1)?.periode).toBe('2026-01-21');
  });

  it('EcoWatt: while RTE’s file is late, asks again every hour until the new file is there', async () => {
    rte.app.rteEmulator.setEcowattDelay(150); // the 17:00 file comes at 19:30
    try {
      const played = await play('ecowatt', paris('2026-01-19 00:00'), paris('2026-01-20 00:00'), ECOWATT);
      expect(played.filter((fire) => fire.status === 'success').map((run) => run.at)).toEqual([
        '2026-01-19 00:05',
        '2026-01-19 17:00',
        '2026-01-19 18:05',
        '2026-01-19 19:05',
        '2026-01-19 20:05',
      ]);
      const generations = await server.deps.db
        .selectFrom('ecowatt')
        .select('generation_datetime')
        .where('periode', '>=', '2026-01-19')
        .execute();
      expect(new Set(generations.map((row) => row.generation_datetime))).toEqual(
        new Set([paris('2026-01-19 19:30').toISOString()]),
      );
    } finally {
      rte.app.rteEmulator.setEcowattDelay(0);
    }
  });

  it('Tempo back-fill: the job’s timeout covers its worst case, and a pass cut short resumes where it stopped', async () => {
    // 3 attempts × 30 s for each of the most calls a run makes, plus the pauses: above the scheduler's 5 minutes.
    const { timeoutMs, maxAttempts } = server.config.rte;
    const timeout = server.deps.scheduler.definition('tempo').timeoutMs ?? 0;
    expect(timeout).toBeGreaterThanOrEqual(TEMPO_MAX_CALLS_PER_RUN * worstCaseCallMs({ timeoutMs, maxAttempts }));
    expect(timeout).toBeGreaterThan(TEMPO_MAX_CALLS_PER_RUN * maxAttempts * timeoutMs);
    expect(timeout).toBeGreaterThan(5 * 60_000);

    const db = server.deps.db;
    await db.deleteFrom('tempo_days').execute();
    clock = paris('2026-01-14 12:00'); // tomorrow is published
    const requested: [string, string][] = [];
    let abortOnCall = 3; // the second back-fill chunk
    let controller = new AbortController();
    const real = server.deps.rte.api;
    const api: RteApi = {
      ...real,
      tempo: (start, end, signal) => {
        requested.push([start, end]);
        if (requested.length === abortOnCall) {
          controller.abort(new Error('job timeout'));
        }
        return real.tempo(start, end, signal);
      },
    };
    const tempo = createTempoService({
      tempo: createTempoRepository(db),
      consumption: createConsumptionRepository(db),
      generation: createGenerationRepository(db),
      api,
      log: server.app.log,
    });

    await expect(tempo.sync(controller.signal, clock)).rejects.toThrow('job timeout');
    expect(requested).toEqual([
      ['2026-01-13', '2026-01-16'],
      ['2024-09-01', '2025-09-02'],
      ['2025-09-02', '2026-01-13'],
    ]);
    // The first chunk is kept; the next slot is due to finish the job.
    const kept = await db.selectFrom('tempo_days').select('date').orderBy('date').execute();
    expect(kept).toHaveLength(3 + 366);
    expect(kept.filter((row) => row.date >= '2025-09-02' && row.date <= '2026-01-12')).toEqual([]);
    expect(await tempo.isDue(clock)).toBe(true);

    requested.length = 0;
    abortOnCall = 0;
    controller = new AbortController();
    expect(await tempo.sync(controller.signal, clock)).toMatch(/back-filled in 1 call\(s\)$/);
    // Only what was missing is asked: from the day after the stored chunk.
    expect(requested).toEqual([
      ['2026-01-13', '2026-01-16'],
      ['2025-09-02', '2026-01-13'],
    ]);
    const all = await db.selectFrom('tempo_days').select('date').where('date', '<=', '2026-01-15').execute();
    expect(all).toHaveLength(daysBetween('2024-09-01', '2026-01-15') + 1 - 1); // every day but the hole
    expect(await tempo.isDue(clock)).toBe(false);
  });

  it('Tempo back-fill: a history with many holes is fetched a few chunks per run, each run resuming', async () => {
    const db = server.deps.db;
    const gaps = ['2024-10-01', '2024-12-01', '2025-02-01', '2025-04-01', '2025-06-01'];
    await db.deleteFrom('tempo_days').where('date', 'in', gaps).execute();
    const requested: string[] = [];
    const real = server.deps.rte.api;
    const tempo = createTempoService({
      tempo: createTempoRepository(db),
      consumption: createConsumptionRepository(db),
      generation: createGenerationRepository(db),
      api: {
        ...real,
        tempo: (start, end, signal) => {
          requested.push(start);
          return real.tempo(start, end, signal);
        },
      },
      log: server.app.log,
    });
    // Six one-day chunks (five gaps and RTE's hole): three per run.
    expect(await tempo.sync(undefined, clock)).toMatch(/3 day\(s\) back-filled in 3 call\(s\), 3 chunk\(s\) left/);
    expect(requested.slice(1)).toEqual(gaps.slice(0, 3));
    expect(await tempo.isDue(clock)).toBe(true);
    requested.length = 0;
    expect(await tempo.sync(undefined, clock)).toMatch(/2 day\(s\) back-filled in 3 call\(s\)$/);
    expect(requested.slice(1)).toEqual([...gaps.slice(3), HOLE]);
    expect(await tempo.isDue(clock)).toBe(false);
    // The next day, only the hole is asked again.
    requested.length = 0;
    clock = new Date(clock.getTime() + 86_400_000);
    expect(await tempo.isDue(clock)).toBe(true); // D+1 unknown again
    await tempo.sync(undefined, clock);
    expect(requested.slice(1)).toEqual([HOLE]);
  });
});
