import type { JobDefinition } from '../../jobs/scheduler.ts';
import { DEFAULT_RUN_TIMEOUT_MS, type ExportersService } from './exporters.service.ts';

export const EXPORTERS_JOB = 'exporters';

/**
 * Every minute: runs the exporters whose `next_export_at` has come (each on its own interval, or its
 * backoff after a failure). Only a minute with due exporters is recorded as a job run. Exporter failures
 * are recorded on the exporters, never as a failure of this job (which would back the others off).
 */
export function exportersJob(exporters: ExportersService): JobDefinition {
  return {
    name: EXPORTERS_JOB,
    schedule: ['* * * * *'],
    timeoutMs: DEFAULT_RUN_TIMEOUT_MS + 60_000,
    async isDue({ now }) {
      return (await exporters.due(now)).length > 0;
    },
    run: (context) => exporters.runDue(context.now),
  };
}
