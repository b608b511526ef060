import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, ExporterConfigsTable } from '../../db/database.ts';

export type ExporterRow = Selectable<ExporterConfigsTable>;
export type NewExporterRow = Insertable<ExporterConfigsTable>;
export type ExporterRowUpdate = Updateable<ExporterConfigsTable>;

export async function listExporters(db: Db): Promise<ExporterRow[]> {
  return db.selectFrom('exporter_configs').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function findExporter(db: Db, id: string): Promise<ExporterRow | undefined> {
  return db.selectFrom('exporter_configs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findExporterByName(db: Db, name: string): Promise<ExporterRow | undefined> {
  return db.selectFrom('exporter_configs').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertExporter(db: Db, row: NewExporterRow): Promise<void> {
  await db.insertInto('exporter_configs').values(row).execute();
}

export async function updateExporter(db: Db, id: string, changes: ExporterRowUpdate): Promise<void> {
  await db.updateTable('exporter_configs').set(changes).where('id', '=', id).execute();
}

export async function deleteExporter(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('exporter_configs').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Enabled, scheduled exporters whose next run is due at `now` (a NULL next run has never run: due). */
export async function dueExporters(db: Db, now: Date): Promise<ExporterRow[]> {
  return db
    .selectFrom('exporter_configs')
    .selectAll()
    .where('is_enabled', '=', true)
    .where('export_interval_minutes', 'is not', null)
    .where((eb) => eb.or([eb('next_export_at', 'is', null), eb('next_export_at', '<=', now.toISOString())]))
    .orderBy('next_export_at')
    .execute();
}

/** Records a finished run: outcome, counters, next run. `export_count` grows by one. */
export async function recordRun(
  db: Db,
  id: string,
  outcome: {
    status: 'success' | 'failure';
    at: string;
    summary: string | null;
    error: string | null;
    consecutiveFailures: number;
    nextExportAt: string | null;
    memo?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('exporter_configs')
    .set((eb) => ({
      last_export_at: outcome.at,
      last_export_status: outcome.status,
      last_export_summary: outcome.summary,
      last_export_error: outcome.error,
      consecutive_failures: outcome.consecutiveFailures,
      next_export_at: outcome.nextExportAt,
      export_count: eb('export_count', '+', 1),
      ...(outcome.status === 'success' ? { last_success_at: outcome.at } : {}),
      ...(outcome.memo !== undefined ? { memo: outcome.memo } : {}),
    }))
    .where('id', '=', id)
    .execute();
}
