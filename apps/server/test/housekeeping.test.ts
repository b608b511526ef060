import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { createUser } from './support/accounts-helpers.ts';
import { jobRuns } from './support/rte-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const DAY_MS = 86_400_000;
const RETENTION_DAYS = 10;

describe.each(backends)('housekeeping job on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { ACTIVITY_LOG_RETENTION_DAYS: String(RETENTION_DAYS) });
  });
  afterAll(async () => server.close());

  it('deletes activity rows past ACTIVITY_LOG_RETENTION_DAYS and job runs past 30 days, by the scheduler clock', async () => {
    const { db, scheduler } = server.deps;
    // The scheduler's clock, 20 days ahead: a sign-up logged now is then past the 10-day retention,
    // which only a job reading the injected clock (not the wall clock) can know.
    const at = new Date(Date.now() + 20 * DAY_MS);
    const ago = (days: number, minutes = 0) => new Date(at.getTime() - days * DAY_MS + minutes * 60_000).toISOString();
    const user = await createUser(server, 'housekeeping');
    const logged = await db.selectFrom('activity_log').select(['id', 'ip']).execute();
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(logged.every((row) => row.ip !== null)).toBe(true);

    const activity = (action: string, createdAt: string) => ({
      user_id: null,
      action,
      ip: '198.51.100.7',
      details: null,
      created_at: createdAt,
    });
    await db
      .insertInto('activity_log')
      .values([
        activity('just-past', ago(RETENTION_DAYS, -1)),
        activity('just-within', ago(RETENTION_DAYS, 1)),
        activity('recent', ago(1)),
      ])
      .execute();
    const run = (job: string, days: number) => ({
      job,
      slot: `old-${days}`,
      instance: 'gone',
      outcome: 'success',
      detail: null,
      started_at: ago(days),
      finished_at: ago(days),
    });
    await db
      .insertInto('job_runs')
      .values([run('tempo', 31), run('tempo', 29)])
      .execute();

    expect(await scheduler.trigger('housekeeping', { at })).toBe('success');

    const left = await db.selectFrom('activity_log').select(['action', 'user_id']).orderBy('id').execute();
    expect(left.map((row) => row.action)).toEqual(['just-within', 'recent']);
    const tempoRuns = await jobRuns(server, 'tempo');
    expect(tempoRuns.map((row) => row.slot)).toEqual(['old-29']);
    const [housekeeping] = await jobRuns(server, 'housekeeping');
    expect(housekeeping?.detail).toBe(
      `deleted ${logged.length + 1} activity log row(s) before ${ago(RETENTION_DAYS)}, 1 job run(s) before ${ago(30)}`,
    );
    // The account itself is untouched: only its activity trail ages out.
    const me = await server.app.inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie: user.cookie } });
    expect(me.statusCode).toBe(200);

    // Once per day slot: asking again for the same day does nothing.
    expect(await scheduler.trigger('housekeeping', { at: new Date(at.getTime() + 1000) })).toBe('done');
  });
});
