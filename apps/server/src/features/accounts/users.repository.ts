import type { Db, NewUser, UserRow, UserUpdate } from '../../db/database.ts';
import { endOpenConsents } from '../consent/consent.repository.ts';

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByClientId(db: Db, clientId: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

/** Indexed lookup by the keyed hash of a client secret (API key authentication). */
export function findUserByClientSecretHash(db: Db, hash: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('client_secret_hash', '=', hash).executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: Db, id: string, changes: UserUpdate): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...changes, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Increments token_version so every JWT issued before now stops working. */
export async function revokeUserTokens(db: Db, id: string): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ token_version: eb('token_version', '+', 1), updated_at: new Date().toISOString() }))
    .where('id', '=', id)
    .execute();
}

/**
 * PDLs and email/reset tokens go with the user (ON DELETE CASCADE); consent records end. So does the user's activity log:
 * its rows (actions with IPs) are personal data with no use once the account is gone; the foreign key
 * alone would only blank `user_id` and keep them.
 */
export async function deleteUser(db: Db, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Consent records end here and stay, without their account, for the audit trail.
    await endOpenConsents(trx, { userId: id }, 'account_deleted', new Date().toISOString());
    await trx.deleteFrom('activity_log').where('user_id', '=', id).execute();
    await trx.deleteFrom('users').where('id', '=', id).execute();
  });
}

export type TokenTable = 'email_verification_tokens' | 'password_reset_tokens';

export async function insertUserToken(
  db: Db,
  table: TokenTable,
  row: { id: string; user_id: string; token_hash: string; expires_at: string },
): Promise<void> {
  await db
    .insertInto(table)
    .values({ ...row, created_at: new Date().toISOString() })
    .execute();
}

/** Deletes and returns the token row: a token works once, even under concurrent use. */
export async function consumeUserToken(db: Db, table: TokenTable, tokenHash: string) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom(table).selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    if (!row) {
      return undefined;
    }
    const deleted = await trx.deleteFrom(table).where('id', '=', row.id).executeTakeFirst();
    return Number(deleted.numDeletedRows) === 1 ? row : undefined;
  });
}

export async function deleteUserTokens(db: Db, table: TokenTable, userId: string): Promise<void> {
  await db.deleteFrom(table).where('user_id', '=', userId).execute();
}

export async function logActivity(
  db: Db,
  entry: { user_id: string | null; action: string; ip: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('activity_log')
    .values({
      user_id: entry.user_id,
      action: entry.action,
      ip: entry.ip,
      details: entry.details ? JSON.stringify(entry.details) : null,
      created_at: new Date().toISOString(),
    })
    .execute();
}
