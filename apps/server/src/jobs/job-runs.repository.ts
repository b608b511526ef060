import type { Selectable } from 'kysely';
import type { Db, JobStateTable } from '../db/database.ts';

export type JobOutcome = 'running' | 'success' | 'failure' | 'deferred';
export type JobStateRow = Selectable<JobStateTable>;

/** Job bookkeeping: `job_state` (one row per job, drives slots and backoff) and `job_runs` (history). */
export function createJobRunsRepository(db: Db) {
  return {
    getState(job: string): Promise<JobStateRow | undefined> {
      return db.selectFrom('job_state').selectAll().where('job', '=', job).executeTakeFirst();
    },

    listStates(): Promise<JobStateRow[]> {
      return db.selectFrom('job_state').selectAll().orderBy('job').execute();
    },

    async saveState(state: Omit<JobStateRow, 'updated_at'>): Promise<void> {
      const row = { ...state, updated_at: new Date().toISOString() };
      const { job: _job, ...update } = row;
      await db
        .insertInto('job_state')
        .values(row)
        .onConflict((conflict) => conflict.column('job').doUpdateSet(update))
        .execute();
    },

    async startRun(run: { job: string; slot: string; instance: string; startedAt: string }): Promise<number> {
      const row = await db
        .insertInto('job_runs')
        .values({
          job: run.job,
          slot: run.slot,
          instance: run.instance,
          outcome: 'running',
          detail: null,
          started_at: run.startedAt,
          finished_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async finishRun(id: number, outcome: Exclude<JobOutcome, 'running'>, detail: string | null): Promise<void> {
      await db
        .updateTable('job_runs')
        .set({ outcome, detail: detail === null ? null : detail.slice(0, 2000), finished_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute();
    },

    recentRuns(job: string, limit: number) {
      return db.selectFrom('job_runs').selectAll().where('job', '=', job).orderBy('id', 'desc').limit(limit).execute();
    },

    /** Deletes runs started before `beforeIso` (one still "running" that old died with its process); returns how many. */
    async pruneRuns(beforeIso: string): Promise<number> {
      const result = await db.deleteFrom('job_runs').where('started_at', '<', beforeIso).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
export type JobRunsRepository = ReturnType<typeof createJobRunsRepository>;
