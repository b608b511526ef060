import type { Kysely } from 'kysely';

/**
 * The housekeeping job deletes activity-log rows by age every day (ACTIVITY_LOG_RETENTION_DAYS): an index
 * on `created_at` keeps that delete from scanning the whole log, which grows with every login.
 */
export function activityLogRetention() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('activity_log_created_at_idx').on('activity_log').column('created_at').execute();
    },
  };
}
