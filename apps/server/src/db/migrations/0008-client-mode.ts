import type { Kysely } from 'kysely';

/**
 * Client mode (SERVER_MODE=false): one household's readings, synced from a gateway and kept forever.
 * Every reading table is keyed by its natural identity (meter, direction, day or interval start), so the
 * sync writes with upserts: replaying a chunk after a crash or a retry never duplicates a row. Instants
 * are ISO UTC text like everywhere else; `day` is the Paris calendar day a reading belongs to.
 * Created in both modes (one migration set); a gateway simply leaves them empty.
 */
export function clientMode() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('client_meters')
        .addColumn('usage_point_id', 'text', (col) => col.primaryKey())
        /** The gateway's `/api/pdl` item as JSON (name, power, options, flags, activation date…). */
        .addColumn('pdl', 'text', (col) => col.notNull())
        .addColumn('contract', 'text')
        .addColumn('address', 'text')
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('client_daily')
        .addColumn('usage_point_id', 'text', (col) => col.notNull())
        .addColumn('direction', 'text', (col) => col.notNull())
        .addColumn('day', 'text', (col) => col.notNull())
        .addColumn('value_wh', 'integer', (col) => col.notNull())
        .addPrimaryKeyConstraint('client_daily_pk', ['usage_point_id', 'direction', 'day'])
        .execute();

      await db.schema
        .createTable('client_curve')
        .addColumn('usage_point_id', 'text', (col) => col.notNull())
        .addColumn('direction', 'text', (col) => col.notNull())
        /** Interval start, ISO UTC. */
        .addColumn('start_at', 'text', (col) => col.notNull())
        .addColumn('day', 'text', (col) => col.notNull())
        .addColumn('minutes', 'integer', (col) => col.notNull())
        .addColumn('value_w', 'integer', (col) => col.notNull())
        .addPrimaryKeyConstraint('client_curve_pk', ['usage_point_id', 'direction', 'start_at'])
        .execute();
      await db.schema
        .createIndex('client_curve_day_idx')
        .on('client_curve')
        .columns(['usage_point_id', 'direction', 'day'])
        .execute();

      await db.schema
        .createTable('client_max_power')
        .addColumn('usage_point_id', 'text', (col) => col.notNull())
        .addColumn('day', 'text', (col) => col.notNull())
        .addColumn('value_va', 'integer', (col) => col.notNull())
        /** When the maximum was reached, ISO UTC. */
        .addColumn('at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('client_max_power_pk', ['usage_point_id', 'day'])
        .execute();

      /** One row per meter and data set: what the Sync page shows and what the next run resumes from. */
      await db.schema
        .createTable('client_sync_state')
        .addColumn('usage_point_id', 'text', (col) => col.notNull())
        .addColumn('dataset', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('last_attempt_at', 'text')
        .addColumn('last_success_at', 'text')
        .addColumn('error', 'text')
        .addColumn('error_code', 'text')
        .addPrimaryKeyConstraint('client_sync_state_pk', ['usage_point_id', 'dataset'])
        .execute();
    },
  };
}
