import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.ts';
import { autoIncrementId } from './portable.ts';

/**
 * Data sharing's audit trail: one row per read an administrator made of a user's meter data through
 * `X-Impersonate-User-Id`. The owner sees it in Settings; it goes with the owner's account (cascade).
 * The reader's address is copied: the trail must still say who read after that account is deleted.
 */
export function sharedDataReads(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await autoIncrementId(db.schema.createTable('shared_data_reads'), dialect)
        .addColumn('owner_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
        .addColumn('reader_id', 'text', (col) => col.references('users.id').onDelete('set null'))
        .addColumn('reader_email', 'text', (col) => col.notNull())
        /** The route pattern read (`/api/enedis/consumption/daily/:pdl`). */
        .addColumn('route', 'text', (col) => col.notNull())
        .addColumn('usage_point_id', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('shared_data_reads_owner_idx')
        .on('shared_data_reads')
        .columns(['owner_id', 'created_at'])
        .execute();
    },
  };
}
