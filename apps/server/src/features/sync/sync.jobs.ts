import { JobDeferred, type JobDefinition } from '../../jobs/scheduler.ts';
import { QuotaExhausted, type SyncService } from './sync.service.ts';

export const CLIENT_SYNC_JOB = 'client-sync';
export const CLIENT_SYNC_SCHEDULE = '*/30 * * * *';

/**
 * Every 30 minutes (and once at start), with up to 10 minutes of jitter so households do not all call
 * the public gateway at :00 and :30. A quota cut defers the job to the gateway's Retry-After (kept in
 * job_state, so a restart waits too); an unreachable gateway fails the run and the scheduler backs off.
 */
export function clientSyncJob(sync: SyncService): JobDefinition {
  return {
    name: CLIENT_SYNC_JOB,
    schedule: [CLIENT_SYNC_SCHEDULE],
    jitterMs: 10 * 60_000,
    // A first sync of several meters waits on the gateway's Enedis pace; it resumes where it stopped anyway.
    timeoutMs: 60 * 60_000,
    async run(context) {
      try {
        const report = await sync.sync({ manual: context.manual, signal: context.signal });
        return `${report.meters} meter(s), ${report.calls} gateway call(s), ${report.rows} row(s) written`;
      } catch (error) {
        if (error instanceof QuotaExhausted) {
          throw new JobDeferred(`gateway quota reached: ${error.message}`, error.retryAt);
        }
        throw error;
      }
    },
  };
}
