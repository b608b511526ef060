import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryCache } from '../cache/memory-cache.ts';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { backoffDelayMs } from './backoff.ts';
import { createScheduler, JobDeferred, type JobContext } from './scheduler.ts';

const database = connectDatabase('sqlite::memory:');
const cache = new MemoryCache();
afterAll(async () => {
  await database.close();
  await cache.close();
});

async function schedulerWith(
  jobs: { name: string; schedule: string[]; run?: (context: JobContext) => Promise<string> }[],
) {
  await migrateToLatest(database);
  const scheduler = createScheduler({
    db: database.db,
    cache,
    log: pino({ level: 'silent' }),
    retryMinMs: 1000,
    retryMaxMs: 4000,
  });
  for (const job of jobs) {
    scheduler.register({ ...job, run: job.run ?? (async () => 'ok') });
  }
  return scheduler;
}

describe('slots', () => {
  it('is the latest occurrence of any pattern, in Paris time', async () => {
    const scheduler = await schedulerWith([
      { name: 'quarter', schedule: ['*/15 * * * *'] },
      { name: 'ecowatt', schedule: ['0 17 * * *', '15 12 * * 5', '5 * * * *'] },
      { name: 'tempo', schedule: ['*/15 6-23 * * *'] },
    ]);
    expect(scheduler.slotOf('quarter', new Date('2026-11-20T10:07:30Z')).toISOString()).toBe(
      '2026-11-20T10:00:00.000Z',
    );
    expect(scheduler.slotOf('quarter', new Date('2026-11-20T10:15:00Z')).toISOString()).toBe(
      '2026-11-20T10:15:00.000Z',
    );
    // Friday 12:20 Paris: the 12:15 generation beats the 12:05 hourly fallback.
    expect(scheduler.slotOf('ecowatt', new Date('2026-11-20T11:20:00Z')).toISOString()).toBe(
      '2026-11-20T11:15:00.000Z',
    );
    // Saturday 17:02 Paris: 17:00; at 17:06 the hourly fallback is the latest.
    expect(scheduler.slotOf('ecowatt', new Date('2026-11-21T16:02:00Z')).toISOString()).toBe(
      '2026-11-21T16:00:00.000Z',
    );
    expect(scheduler.slotOf('ecowatt', new Date('2026-11-21T16:06:00Z')).toISOString()).toBe(
      '2026-11-21T16:05:00.000Z',
    );
    // 03:00 Paris is outside Tempo's hours: the slot is the previous evening's last one (23:45 Paris).
    expect(scheduler.slotOf('tempo', new Date('2026-11-21T02:00:00Z')).toISOString()).toBe('2026-11-20T22:45:00.000Z');
    // Spring DST day: 03:10 CEST is 01:10Z; the quarter started at 03:00 CEST = 01:00Z.
    expect(scheduler.slotOf('quarter', new Date('2026-03-29T01:10:00Z')).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
  });
});

describe('backoff', () => {
  it('doubles from the minimum to the cap, with at most 20 % jitter on top', () => {
    expect([1, 2, 3, 4, 5].map((failures) => backoffDelayMs(failures, 1000, 4000, () => 0))).toEqual([
      1000, 2000, 4000, 4000, 4000,
    ]);
    expect([1, 2, 3].map((failures) => backoffDelayMs(failures, 1000, 4000, () => 1))).toEqual([1200, 2400, 4000]);
  });
});

describe('runs', () => {
  it('records a failure with backoff, a deferral without, then success resets the counter', async () => {
    let outcome: 'fail' | 'defer' | 'ok' = 'fail';
    const scheduler = await schedulerWith([
      {
        name: 'flaky',
        schedule: ['0 * * * *'],
        run: async () => {
          if (outcome === 'fail') {
            throw Object.assign(new Error('upstream down'), { retryAfterMs: 3000 });
          }
          if (outcome === 'defer') {
            throw new JobDeferred('come back later', new Date(Date.now() + 60_000));
          }
          return 'fine';
        },
      },
    ]);
    const at = new Date('2026-11-21T10:30:00Z');
    expect(await scheduler.trigger('flaky', { at })).toBe('failure');
    let state = await scheduler.repository.getState('flaky');
    expect(state).toMatchObject({ last_outcome: 'failure', consecutive_failures: 1, last_error: 'upstream down' });
    // The upstream asked for 3 s: more than the 1 s minimum.
    const wait = Date.parse(state?.next_attempt_at ?? '') - Date.now();
    expect(wait).toBeGreaterThan(2500);
    expect(wait).toBeLessThanOrEqual(3100);
    // During the backoff nothing runs, whoever triggers.
    expect(await scheduler.trigger('flaky', { at })).toBe('backoff');
    const later = new Date(Date.parse(state?.next_attempt_at ?? '') + 1000);
    outcome = 'defer';
    expect(await scheduler.trigger('flaky', { at: later })).toBe('deferred');
    state = await scheduler.repository.getState('flaky');
    expect(state).toMatchObject({ last_outcome: 'deferred', consecutive_failures: 1 });
    outcome = 'ok';
    const end = new Date(Date.parse(state?.next_attempt_at ?? '') + 1000);
    expect(await scheduler.trigger('flaky', { at: end })).toBe('success');
    expect(await scheduler.repository.getState('flaky')).toMatchObject({
      last_outcome: 'success',
      consecutive_failures: 0,
      next_attempt_at: null,
      last_slot: scheduler.slotOf('flaky', end).toISOString(),
    });
    // That slot is done now.
    expect(await scheduler.trigger('flaky', { at: end })).toBe('done');
    expect((await scheduler.repository.recentRuns('flaky', 10)).map((run) => run.outcome).reverse()).toEqual([
      'failure',
      'deferred',
      'success',
    ]);
    await scheduler.stop();
  });

  it('hands the run the instant it was triggered for (a test clock), and real time to a manual run', async () => {
    const seen: { now: Date; slot: Date; manual: boolean }[] = [];
    const scheduler = await schedulerWith([
      {
        name: 'clocked',
        schedule: ['*/15 * * * *'],
        run: async ({ now, slot, manual }) => {
          seen.push({ now, slot, manual });
          return 'ok';
        },
      },
    ]);
    const at = new Date('2026-01-14T09:47:12Z');
    expect(await scheduler.trigger('clocked', { at })).toBe('success');
    expect(seen[0]).toEqual({ now: at, slot: new Date('2026-01-14T09:45:00Z'), manual: false });
    const before = Date.now();
    expect((await scheduler.runNow('clocked'))?.status).toBe('success');
    expect(seen[1]?.manual).toBe(true);
    expect(seen[1]?.now.getTime()).toBeGreaterThanOrEqual(before);
    expect(seen[1]?.now).toEqual(seen[1]?.slot);
    await scheduler.stop();
  });
});
