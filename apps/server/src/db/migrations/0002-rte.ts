import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.ts';
import { autoIncrementId } from './portable.ts';

/**
 * RTE data (Tempo days, EcoWatt signals, national consumption, generation forecasts) and the
 * bookkeeping of scheduled jobs. Slot instants are ISO UTC text like every other instant, so they sort
 * and compare the same way on both dialects; upserts key on the natural unique columns.
 */
export function rte(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('tempo_days')
        .addColumn('date', 'text', (col) => col.primaryKey())
        .addColumn('color', 'text', (col) => col.notNull())
        .addColumn('rte_updated_date', 'text')
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('ecowatt')
        .addColumn('periode', 'text', (col) => col.primaryKey())
        .addColumn('generation_datetime', 'text', (col) => col.notNull())
        .addColumn('dvalue', 'integer', (col) => col.notNull())
        .addColumn('message', 'text', (col) => col.notNull())
        .addColumn('hourly_values', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();

      await autoIncrementId(db.schema.createTable('consumption_france'), dialect)
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('start_date', 'text', (col) => col.notNull())
        .addColumn('end_date', 'text', (col) => col.notNull())
        .addColumn('value', 'integer', (col) => col.notNull())
        .addColumn('updated_date', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('consumption_france_type_start_uq', ['type', 'start_date'])
        .execute();
      await db.schema
        .createIndex('consumption_france_start_idx')
        .on('consumption_france')
        .column('start_date')
        .execute();

      await autoIncrementId(db.schema.createTable('generation_forecast'), dialect)
        .addColumn('production_type', 'text', (col) => col.notNull())
        .addColumn('forecast_type', 'text', (col) => col.notNull())
        .addColumn('start_date', 'text', (col) => col.notNull())
        .addColumn('end_date', 'text', (col) => col.notNull())
        .addColumn('value', 'integer', (col) => col.notNull())
        .addColumn('updated_date', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('generation_forecast_type_start_uq', ['production_type', 'forecast_type', 'start_date'])
        .execute();
      await db.schema
        .createIndex('generation_forecast_start_idx')
        .on('generation_forecast')
        .column('start_date')
        .execute();

      // One row per job: what the scheduler needs to decide (last slot done, backoff) and what admins see.
      await db.schema
        .createTable('job_state')
        .addColumn('job', 'text', (col) => col.primaryKey())
        .addColumn('last_slot', 'text')
        .addColumn('last_run_at', 'text')
        .addColumn('last_success_at', 'text')
        .addColumn('last_outcome', 'text')
        .addColumn('last_error', 'text')
        .addColumn('consecutive_failures', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text')
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();

      // History of runs (one row per attempt), pruned by the cleanup job.
      await autoIncrementId(db.schema.createTable('job_runs'), dialect)
        .addColumn('job', 'text', (col) => col.notNull())
        .addColumn('slot', 'text', (col) => col.notNull())
        .addColumn('instance', 'text', (col) => col.notNull())
        .addColumn('outcome', 'text', (col) => col.notNull())
        .addColumn('detail', 'text')
        .addColumn('started_at', 'text', (col) => col.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('job_runs_job_started_idx').on('job_runs').columns(['job', 'started_at']).execute();
    },
  };
}
