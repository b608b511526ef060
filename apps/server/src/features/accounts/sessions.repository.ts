import type { Db, UserRow } from '../../db/database.ts';

/** Revokes one access token until it expires. Revoking it again changes nothing. */
export async function revokeToken(db: Db, jti: string, expiresAt: Date, now: Date): Promise<void> {
  await db
    .insertInto('revoked_tokens')
    .values({ jti, expires_at: expiresAt.toISOString(), revoked_at: now.toISOString() })
    .onConflict((oc) => oc.column('jti').doNothing())
    .execute();
}

/**
 * The user a token names, unless the token was revoked: one query, so checking revocation adds no
 * round trip to authenticating a request.
 */
export function findUserUnlessRevoked(db: Db, userId: string, jti: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('revoked_tokens').select('jti').where('jti', '=', jti))))
    .executeTakeFirst();
}

/** Deletes revocations of tokens that have expired since (they are refused for their expiry anyway). */
export async function pruneRevokedTokens(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('revoked_tokens').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
