import type { Db } from '../../db/database.ts';

export type SyncStatus = 'ok' | 'partial' | 'error' | 'quota_exceeded' | 'running';

export interface SyncStateRow {
  usagePointId: string;
  dataset: string;
  status: SyncStatus;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  error: string | null;
  errorCode: string | null;
}

export async function readSyncStates(db: Db, usagePointId?: string): Promise<SyncStateRow[]> {
  let query = db.selectFrom('client_sync_state').selectAll();
  if (usagePointId !== undefined) {
    query = query.where('usage_point_id', '=', usagePointId);
  }
  const rows = await query.orderBy('usage_point_id').orderBy('dataset').execute();
  return rows.map((row) => ({
    usagePointId: row.usage_point_id,
    dataset: row.dataset,
    status: row.status as SyncStatus,
    lastAttemptAt: row.last_attempt_at,
    lastSuccessAt: row.last_success_at,
    error: row.error,
    errorCode: row.error_code,
  }));
}

/** Records one data set's outcome; a success keeps no error, a failure keeps the last success. */
export async function recordSyncState(
  db: Db,
  state: { usagePointId: string; dataset: string; status: SyncStatus; at: Date; error?: string; errorCode?: string },
): Promise<void> {
  const at = state.at.toISOString();
  const succeeded = state.status === 'ok' || state.status === 'partial';
  await db
    .insertInto('client_sync_state')
    .values({
      usage_point_id: state.usagePointId,
      dataset: state.dataset,
      status: state.status,
      last_attempt_at: at,
      last_success_at: succeeded ? at : null,
      error: state.error ?? null,
      error_code: state.errorCode ?? null,
    })
    .onConflict((conflict) =>
      conflict.columns(['usage_point_id', 'dataset']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        last_attempt_at: eb.ref('excluded.last_attempt_at'),
        last_success_at: succeeded ? eb.ref('excluded.last_success_at') : eb.ref('client_sync_state.last_success_at'),
        error: eb.ref('excluded.error'),
        error_code: eb.ref('excluded.error_code'),
      })),
    )
    .execute();
}
