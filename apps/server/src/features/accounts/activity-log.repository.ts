import type { Db } from '../../db/database.ts';

/**
 * Deletes activity rows (logins, sign-ups, password changes, with the client's IP) created before
 * `beforeIso`: kept only as long as they serve security reviews (ACTIVITY_LOG_RETENTION_DAYS).
 */
export async function deleteActivityBefore(db: Db, beforeIso: string): Promise<number> {
  const result = await db.deleteFrom('activity_log').where('created_at', '<', beforeIso).executeTakeFirst();
  return Number(result.numDeletedRows);
}
