import type { Kysely } from 'kysely';

/**
 * Access tokens revoked before their expiry (logout). A row lives until the token would have expired
 * anyway (`expires_at`), then the sessions cleanup job deletes it. In the database rather than the
 * cache: a revocation must survive a restart and be seen by every instance, also without Valkey.
 */
export function revokedTokens() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('revoked_tokens')
        .addColumn('jti', 'text', (col) => col.primaryKey())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addColumn('revoked_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('revoked_tokens_expires_idx').on('revoked_tokens').column('expires_at').execute();
    },
  };
}
