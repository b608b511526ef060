import type { Db, MailOutboxTable } from '../db/database.ts';
import type { Selectable } from 'kysely';

export type MailOutboxRow = Selectable<MailOutboxTable>;

export async function insertMailJob(
  db: Db,
  row: { id: string; kind: string; payload: string; run_at: string; created_at: string },
): Promise<void> {
  await db.insertInto('mail_outbox').values(row).execute();
}

/** Ids of jobs due at `now` that no worker holds (never held, or its lease ran out: the worker died). */
export async function findDueMailJobIds(db: Db, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select('id')
    .where('run_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .orderBy('run_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Takes a due job for one worker until `leaseUntil` and counts the attempt. A conditional update, so
 * of several instances racing for one row exactly one gets it (on both dialects, without row locks).
 */
export async function claimMailJob(
  db: Db,
  id: string,
  now: string,
  leaseUntil: string,
): Promise<MailOutboxRow | undefined> {
  const claimed = await db
    .updateTable('mail_outbox')
    .set((eb) => ({ locked_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('run_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) {
    return undefined;
  }
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteMailJob(db: Db, id: string): Promise<void> {
  await db.deleteFrom('mail_outbox').where('id', '=', id).execute();
}

/** Releases a failed job for another attempt at `runAt`. */
export async function rescheduleMailJob(db: Db, id: string, runAt: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ run_at: runAt, locked_until: null }).where('id', '=', id).execute();
}
