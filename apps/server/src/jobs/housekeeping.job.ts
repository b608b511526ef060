import type { JobDefinition } from './scheduler.ts';

const DAY_MS = 86_400_000;
/** Job history (`job_runs`) kept for the admin views. */
export const JOB_HISTORY_DAYS = 30;
export const HOUSEKEEPING_JOB = 'housekeeping';

export interface HousekeepingDeps {
  /** Deletes activity-log rows created before the instant; returns how many. */
  pruneActivityLog(beforeIso: string): Promise<number>;
  /** Deletes job runs started before the instant; returns how many. */
  pruneJobRuns(beforeIso: string): Promise<number>;
  activityLogRetentionDays: number;
}

/**
 * Daily deletion of what the app keeps about people and itself beyond its use: the activity log (client
 * IPs) after ACTIVITY_LOG_RETENTION_DAYS, and the job history after 30 days. Features own their data's
 * retention (RTE rows: the RTE cleanup job); this job covers the tables no single feature's job owns.
 * Ages count from the run's `now` (the scheduler's clock), so a test can run it at any instant.
 */
export function housekeepingJob(deps: HousekeepingDeps): JobDefinition {
  return {
    name: HOUSEKEEPING_JOB,
    schedule: ['45 3 * * *'],
    jitterMs: 60_000,
    run: async ({ now }) => {
      const activityBefore = new Date(now.getTime() - deps.activityLogRetentionDays * DAY_MS).toISOString();
      const runsBefore = new Date(now.getTime() - JOB_HISTORY_DAYS * DAY_MS).toISOString();
      const activity = await deps.pruneActivityLog(activityBefore);
      const runs = await deps.pruneJobRuns(runsBefore);
      return `deleted ${activity} activity log row(s) before ${activityBefore}, ${runs} job run(s) before ${runsBefore}`;
    },
  };
}
