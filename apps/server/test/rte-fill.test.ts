import {
  addDays,
  daysBetween,
  parisInstantsOfLocalTime,
  parisToday,
  seasonBounds,
  seasonOf,
  shiftSeason,
} from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import {
  callsWhileIdle,
  jobRuns,
  jobState,
  RTE_JOBS,
  rteEmulator,
  tableCount,
  waitFor,
} from './support/rte-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

describe.each(backends)('RTE initial fill from the emulator on $name', (backend) => {
  let server: TestServer;
  let startedAt: number;

  beforeAll(async () => {
    startedAt = Date.now();
    // No RTE credentials: the embedded emulator answers, exactly as on a fresh install.
    server = await startTestServer(backend, { JOBS_ENABLED: 'true' });
  });
  afterAll(async () => server.close());

  it('stores two complete Tempo seasons, EcoWatt D..D+3, consumption and generation within seconds', async () => {
    await waitFor('every RTE job to succeed once', async () => {
      const states = await Promise.all(RTE_JOBS.map((job) => jobState(server, job)));
      return states.every((state) => state?.last_outcome === 'success');
    });
    expect(Date.now() - startedAt).toBeLessThan(30_000);

    const now = new Date();
    const today = parisToday(now);
    const db = server.deps.db;
    // Previous season entirely, current season from 1 September to today; tomorrow once RTE (the emulator) published it.
    const first = seasonBounds(shiftSeason(seasonOf(today), -1)).firstDay;
    const upToToday = await db
      .selectFrom('tempo_days')
      .select('date')
      .where('date', '>=', first)
      .where('date', '<=', today)
      .execute();
    expect(upToToday).toHaveLength(daysBetween(first, today) + 1);
    const previous = seasonBounds(shiftSeason(seasonOf(today), -1));
    const previousSeason = upToToday.filter((row) => row.date <= previous.lastDay);
    expect(previousSeason).toHaveLength(previous.dayCount);
    const published = (parisInstantsOfLocalTime(`${today} 10:40:00`)[0] ?? now) <= now;
    const tomorrow = await db
      .selectFrom('tempo_days')
      .select('date')
      .where('date', '=', addDays(today, 1))
      .executeTakeFirst();
    expect(tomorrow !== undefined).toBe(published);

    const ecowatt = await db
      .selectFrom('ecowatt')
      .select('periode')
      .where('periode', '>=', today)
      .orderBy('periode')
      .execute();
    expect(ecowatt.map((row) => row.periode)).toEqual([0, 1, 2, 3].map((offset) => addDays(today, offset)));

    const consumptionTypes = await db
      .selectFrom('consumption_france')
      .select('type')
      .distinct()
      .orderBy('type')
      .execute();
    expect(consumptionTypes.map((row) => row.type)).toEqual(['D-1', 'D-2', 'ID', 'REALISED', 'WEEKLY']);
    const generationTypes = await db
      .selectFrom('generation_forecast')
      .select(['production_type', 'forecast_type'])
      .distinct()
      .execute();
    expect(generationTypes.map((row) => `${row.production_type} ${row.forecast_type}`).sort()).toEqual([
      'SOLAR D-1',
      'SOLAR ID',
      'WIND D-1',
      'WIND ID',
    ]);
    expect(await tableCount(server, 'consumption_france')).toBeGreaterThan(1000);
    expect(await tableCount(server, 'generation_forecast')).toBeGreaterThan(200);
  });

  it('then stays quiet: no further RTE call while nothing is due', async () => {
    const emulator = rteEmulator(server);
    // Per run: Tempo ≤ 2 recent calls + 2 back-fill chunks; EcoWatt 1; consumption 2; generation 2; plus one token.
    const runs = async (job: string) => (await jobRuns(server, job)).length;
    const budget =
      1 +
      4 * (await runs('tempo')) +
      (await runs('ecowatt')) +
      2 * (await runs('consumption-france')) +
      2 * (await runs('generation-forecast'));
    expect(emulator.stats.total).toBeLessThanOrEqual(budget);
    const idle = await callsWhileIdle(server, 1500);
    expect(idle.calls).toBeLessThanOrEqual(3 * idle.runs);
    expect(emulator.stats.byStatus['429'] ?? 0).toBe(0);
  });
});
