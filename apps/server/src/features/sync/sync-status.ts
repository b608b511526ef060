import type { Pdl, SyncStatusResponse } from '@med/contracts';
import { Cron } from 'croner';
import type { Db } from '../../db/database.ts';
import type { GatewayConnection } from '../gateway-client/gateway-connection.ts';
import type { JobRunsRepository } from '../../jobs/job-runs.repository.ts';
import { datasetExtent } from './client-data.repository.ts';
import { listMeters } from './client-meters.repository.ts';
import { READING_DATASETS, type MeterDataset } from './sync-datasets.ts';
import { estimateFirstSync } from './sync-estimate.ts';
import { readSyncStates } from './sync-state.repository.ts';
import { CLIENT_SYNC_JOB, CLIENT_SYNC_SCHEDULE } from './sync.jobs.ts';
import type { SyncService } from './sync.service.ts';

const TABLE_OF: Record<string, 'client_daily' | 'client_curve' | 'client_max_power'> = {
  consumption_daily: 'client_daily',
  production_daily: 'client_daily',
  consumption_curve: 'client_curve',
  production_curve: 'client_curve',
  max_power: 'client_max_power',
};

function datasetsOf(pdl: Pdl): MeterDataset[] {
  return ['contract', 'address', ...READING_DATASETS.filter((spec) => spec.appliesTo(pdl)).map((spec) => spec.name)];
}

export interface SyncStatusDeps {
  db: Db;
  sync: SyncService;
  connection: GatewayConnection;
  jobs: JobRunsRepository;
  apiUrl: string;
  now?: () => Date;
}

/**
 * When the gateway's quota holds the sync back: the deferred job's next attempt (kept across restarts) or
 * the last cut's resume instant; null when nothing holds it.
 */
export async function syncResumeAt(deps: SyncStatusDeps, now: Date): Promise<string | null> {
  const jobState = await deps.jobs.getState(CLIENT_SYNC_JOB);
  const deferredUntil =
    jobState?.last_outcome === 'deferred' &&
    jobState.next_attempt_at &&
    Date.parse(jobState.next_attempt_at) > now.getTime()
      ? jobState.next_attempt_at
      : null;
  const progress = deps.sync.lastProgress;
  const quotaResume =
    progress?.type === 'quota_exceeded' && progress.resume_at && Date.parse(progress.resume_at) > now.getTime()
      ? progress.resume_at
      : null;
  return deferredUntil ?? quotaResume;
}

/** What the Sync page shows: per meter and data set, the last outcome and what is stored; the next run. */
export async function readSyncStatus(deps: SyncStatusDeps, usagePointId?: string): Promise<SyncStatusResponse> {
  const now = deps.now?.() ?? new Date();
  const states = new Map(
    (await readSyncStates(deps.db, usagePointId)).map((s) => [`${s.usagePointId}/${s.dataset}`, s]),
  );
  const meters = (await listMeters(deps.db)).filter(
    (meter) => usagePointId === undefined || meter.usagePointId === usagePointId,
  );
  const jobState = await deps.jobs.getState(CLIENT_SYNC_JOB);
  const progress = deps.sync.lastProgress;
  const resumeAt = await syncResumeAt(deps, now);
  const nextSlot = new Cron(CLIENT_SYNC_SCHEDULE, { timezone: 'Europe/Paris', paused: true }).nextRun(now);
  const connection = deps.connection.status();
  return {
    running: deps.sync.running,
    next_run_at: resumeAt ?? jobState?.next_attempt_at ?? nextSlot?.toISOString() ?? null,
    resume_at: resumeAt,
    last_progress: progress,
    first_sync: estimateFirstSync({
      remainingCalls: await deps.sync.remainingCalls(),
      quota: deps.sync.gatewayQuota,
      resumeAt,
      now,
      averageCallMs: deps.sync.averageCallMs,
    }),
    gateway: {
      url: deps.apiUrl,
      state: connection.state,
      message: connection.message,
      checked_at: connection.checkedAt,
      next_attempt_at: connection.nextAttemptAt,
      failures: connection.failures,
    },
    meters: await Promise.all(
      meters.map(async (meter) => ({
        usage_point_id: meter.usagePointId,
        name: meter.pdl.name,
        has_consumption: meter.pdl.has_consumption,
        has_production: meter.pdl.has_production,
        datasets: await Promise.all(
          datasetsOf(meter.pdl).map(async (dataset) => {
            const state = states.get(`${meter.usagePointId}/${dataset}`);
            const table = TABLE_OF[dataset];
            const direction = dataset.startsWith('production') ? 'production' : 'consumption';
            const extent = table
              ? await datasetExtent(deps.db, table, meter.usagePointId, direction)
              : { records: null, oldestDay: null, newestDay: null };
            return {
              dataset,
              status: state?.status ?? 'never',
              last_attempt_at: state?.lastAttemptAt ?? null,
              last_success_at: state?.lastSuccessAt ?? null,
              error: state?.error ?? null,
              error_code: state?.errorCode ?? null,
              records: extent.records,
              oldest_day: extent.oldestDay,
              newest_day: extent.newestDay,
            };
          }),
        ),
      })),
    ),
  };
}
