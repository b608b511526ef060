import type { JobDefinition } from '../../jobs/scheduler.ts';
import { JobDeferred } from '../../jobs/scheduler.ts';
import type { ConsumptionRepository } from './consumption.repository.ts';
import type { ConsumptionService } from './consumption.service.ts';
import { EcowattCooldown, type EcowattService } from './ecowatt.service.ts';
import type { GenerationRepository } from './generation.repository.ts';
import type { GenerationService } from './generation.service.ts';
import { worstCaseCallMs, type RteClientOptions } from './rte.client.ts';
import { TEMPO_MAX_CALLS_PER_RUN, type TempoService } from './tempo.service.ts';

const DAY_MS = 86_400_000;

export const RTE_JOB_NAMES = {
  tempo: 'tempo',
  ecowatt: 'ecowatt',
  consumption: 'consumption-france',
  generation: 'generation-forecast',
  cleanup: 'cleanup',
} as const;

export interface RteJobDeps {
  tempo: TempoService;
  ecowatt: EcowattService;
  consumption: ConsumptionService;
  generation: GenerationService;
  consumptionRows: ConsumptionRepository;
  generationRows: GenerationRepository;
  retentionDays: number;
  /** The RTE client's timeout and attempts: each job's timeout covers its calls' worst case. */
  rteCall: Pick<RteClientOptions, 'timeoutMs' | 'maxAttempts'>;
}

/** Time for the storage around the calls, on top of the calls' worst case. */
const STORAGE_MARGIN_MS = 60_000;

/**
 * A job's timeout (also its lock's TTL) from the most RTE calls one run makes: the scheduler's 5-minute
 * default could cut a run that RTE merely slows down (3 attempts × 30 s per call, plus pauses).
 */
export function rteJobTimeoutMs(calls: number, rteCall: RteJobDeps['rteCall']): number {
  return calls * worstCaseCallMs(rteCall) + STORAGE_MARGIN_MS;
}

/**
 * The RTE refreshes and the cleanup, with the reference's cadence (Paris time):
 * - Tempo every 15 min from 06:00 to 23:45 while tomorrow's colour is unknown (RTE publishes it late
 *   morning) or the current/previous seasons have holes; up to 60 s of jitter.
 * - EcoWatt at 17:00 and Friday 12:15 (RTE's generation times), and at :05 each hour while D..D+3 is
 *   incomplete or the stored file is older than RTE's last generation; never twice in 15 minutes.
 * - National consumption every 15 minutes, generation forecasts every 30 minutes.
 * - Cleanup daily at 03:30: consumption and generation rows older than RTE_RETENTION_DAYS. Tempo days and
 *   EcoWatt signals are tiny (one row a day) and kept for statistics. Job history is not RTE's: the
 *   app-level housekeeping job prunes it (jobs/housekeeping.job.ts).
 */
export function rteJobs(deps: RteJobDeps): JobDefinition[] {
  return [
    {
      name: RTE_JOB_NAMES.tempo,
      schedule: ['*/15 6-23 * * *'],
      jitterMs: 60_000,
      // Every call of the longest run (the back-fill) fits; a pass cut short anyway resumes (tempo.service.ts).
      timeoutMs: rteJobTimeoutMs(TEMPO_MAX_CALLS_PER_RUN, deps.rteCall),
      isDue: ({ now }) => deps.tempo.isDue(now),
      run: ({ signal, now, manual }) => deps.tempo.sync(signal, now, { retryHistory: manual }),
    },
    {
      name: RTE_JOB_NAMES.ecowatt,
      schedule: ['0 17 * * *', '15 12 * * 5', '5 * * * *'],
      jitterMs: 30_000,
      timeoutMs: rteJobTimeoutMs(1, deps.rteCall),
      isDue: ({ now }) => deps.ecowatt.isDue(now),
      run: async ({ signal, now }) => {
        try {
          return await deps.ecowatt.sync(signal, now);
        } catch (error) {
          if (error instanceof EcowattCooldown) {
            throw new JobDeferred(error.message, error.retryAt);
          }
          throw error;
        }
      },
    },
    {
      name: RTE_JOB_NAMES.consumption,
      schedule: ['*/15 * * * *'],
      jitterMs: 30_000,
      // short_term, and the weekly forecast when stale.
      timeoutMs: rteJobTimeoutMs(2, deps.rteCall),
      run: ({ signal, now }) => deps.consumption.sync(signal, now),
    },
    {
      name: RTE_JOB_NAMES.generation,
      schedule: ['*/30 * * * *'],
      jitterMs: 30_000,
      // ID today..tomorrow, and D-1.
      timeoutMs: rteJobTimeoutMs(2, deps.rteCall),
      run: ({ signal, now }) => deps.generation.sync(signal, now),
    },
    {
      name: RTE_JOB_NAMES.cleanup,
      schedule: ['30 3 * * *'],
      jitterMs: 60_000,
      run: async ({ now }) => {
        const before = new Date(now.getTime() - deps.retentionDays * DAY_MS).toISOString();
        const consumption = await deps.consumptionRows.deleteBefore(before);
        const generation = await deps.generationRows.deleteBefore(before);
        return `deleted ${consumption} consumption row(s) and ${generation} generation row(s) before ${before}`;
      },
    },
  ];
}
