import type { Db } from '../../db/database.ts';
import type { JobDefinition } from '../../jobs/scheduler.ts';
import { pruneRevokedTokens } from './sessions.repository.ts';

/** Daily: forgets revoked tokens that have expired since, so the table holds live revocations only. */
export function sessionsCleanupJob(db: Db): JobDefinition {
  return {
    name: 'sessions-cleanup',
    schedule: ['45 3 * * *'],
    jitterMs: 60_000,
    run: async ({ now }) => `deleted ${await pruneRevokedTokens(db, now)} expired revoked token(s)`,
  };
}
