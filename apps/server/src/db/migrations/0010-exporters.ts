import type { Kysely } from 'kysely';

/**
 * Client mode's exporters (decision 0015): one row per configured destination, several per type.
 * `settings` is the type's configuration without its secrets (JSON); `secrets` is an AES-256-GCM envelope
 * (base64) of the passwords and tokens, bound to the row id, so the database never holds them in clear.
 * The run bookkeeping (next run, last outcome, consecutive failures) drives the scheduled runs and their
 * backoff.
 */
export function exporters() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('exporter_configs')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('name', 'text', (col) => col.notNull().unique())
        .addColumn('export_type', 'text', (col) => col.notNull())
        .addColumn('settings', 'text', (col) => col.notNull())
        .addColumn('secrets', 'text')
        /** JSON array of usage point ids; NULL = every meter. */
        .addColumn('usage_point_ids', 'text')
        .addColumn('is_enabled', 'boolean', (col) => col.notNull())
        .addColumn('export_consumption', 'boolean', (col) => col.notNull())
        .addColumn('export_production', 'boolean', (col) => col.notNull())
        .addColumn('export_daily', 'boolean', (col) => col.notNull())
        .addColumn('export_detailed', 'boolean', (col) => col.notNull())
        /** NULL = manual only. */
        .addColumn('export_interval_minutes', 'integer')
        .addColumn('next_export_at', 'text')
        .addColumn('last_export_at', 'text')
        .addColumn('last_export_status', 'text')
        .addColumn('last_export_summary', 'text')
        .addColumn('last_export_error', 'text')
        .addColumn('last_success_at', 'text')
        /** The plug-in's memo of its last successful run (JSON), e.g. the discovery topics it published. */
        .addColumn('memo', 'text')
        .addColumn('consecutive_failures', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('export_count', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('exporter_configs_due_idx').on('exporter_configs').column('next_export_at').execute();
    },
  };
}
