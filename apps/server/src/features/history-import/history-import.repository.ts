/**
 * The client-mode reading tables as the history import sees them: what is stored over the days a file
 * covers, and inserts that never replace a stored row (`ON CONFLICT DO NOTHING`: the gateway's rows win,
 * and a sync writing the same key meanwhile is not undone).
 */
import type { CurveRow, DailyRow, MaxPowerRow, StoredCurveInterval } from '@med/core';
import type { Db } from '../../db/database.ts';
import { insertBatches } from '../../db/insert-batches.ts';
import { curveStartRange } from '../sync/client-data.repository.ts';

export type Direction = 'consumption' | 'production';

export async function storedCurve(
  db: Db,
  usagePointId: string,
  direction: Direction,
  start: string,
  end: string,
): Promise<StoredCurveInterval[]> {
  const range = curveStartRange(start, end);
  const rows = await db
    .selectFrom('client_curve')
    .select(['start_at', 'minutes', 'value_w'])
    .where('usage_point_id', '=', usagePointId)
    .where('direction', '=', direction)
    .where('start_at', '>=', range.from)
    .where('start_at', '<', range.to)
    .execute();
  return rows.map((row) => ({ startAt: row.start_at, minutes: Number(row.minutes), valueW: Number(row.value_w) }));
}

export async function storedDaily(
  db: Db,
  usagePointId: string,
  direction: Direction,
  start: string,
  end: string,
): Promise<DailyRow[]> {
  const rows = await db
    .selectFrom('client_daily')
    .select(['day', 'value_wh'])
    .where('usage_point_id', '=', usagePointId)
    .where('direction', '=', direction)
    .where('day', '>=', start)
    .where('day', '<', end)
    .execute();
  return rows.map((row) => ({ day: row.day, valueWh: Number(row.value_wh) }));
}

export async function storedMaxPower(db: Db, usagePointId: string, start: string, end: string): Promise<MaxPowerRow[]> {
  const rows = await db
    .selectFrom('client_max_power')
    .select(['day', 'value_va', 'at'])
    .where('usage_point_id', '=', usagePointId)
    .where('day', '>=', start)
    .where('day', '<', end)
    .execute();
  return rows.map((row) => ({ day: row.day, valueVa: Number(row.value_va), at: row.at }));
}

export async function insertCurve(db: Db, usagePointId: string, direction: Direction, rows: readonly CurveRow[]) {
  for (const batch of insertBatches(rows)) {
    await db
      .insertInto('client_curve')
      .values(
        batch.map((row) => ({
          usage_point_id: usagePointId,
          direction,
          start_at: row.startAt,
          day: row.day,
          minutes: row.minutes,
          value_w: row.valueW,
        })),
      )
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }
}

export async function insertDaily(db: Db, usagePointId: string, direction: Direction, rows: readonly DailyRow[]) {
  for (const batch of insertBatches(rows)) {
    await db
      .insertInto('client_daily')
      .values(batch.map((row) => ({ usage_point_id: usagePointId, direction, day: row.day, value_wh: row.valueWh })))
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }
}

export async function insertMaxPower(db: Db, usagePointId: string, rows: readonly MaxPowerRow[]) {
  for (const batch of insertBatches(rows)) {
    await db
      .insertInto('client_max_power')
      .values(batch.map((row) => ({ usage_point_id: usagePointId, day: row.day, value_va: row.valueVa, at: row.at })))
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }
}
