import { parisDayLengthMinutes, parisMidnightUtc } from '@med/core';
import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { insertBatches } from '../../db/insert-batches.ts';

export type Direction = 'consumption' | 'production';

export interface DailyRow {
  day: string;
  valueWh: number;
}
export interface CurveRow {
  /** Interval start, ISO UTC. */
  startAt: string;
  day: string;
  minutes: number;
  valueW: number;
}
export interface MaxPowerRow {
  day: string;
  valueVa: number;
  /** When the maximum was reached, ISO UTC. */
  at: string;
}

/**
 * Writes replace what is stored under the same natural key (a re-read day after Enedis corrected it, a
 * chunk replayed after a crash): one transaction per call, so a chunk is stored whole or not at all.
 */
/**
 * The interval starts of the Paris days `[start, end)`, as stored (ISO UTC text sorts like time): load-curve
 * day ranges are read through the primary key (meter, direction, start_at) — there is no index on `day`.
 */
export function curveStartRange(start: string, end: string): { from: string; to: string } {
  return { from: parisMidnightUtc(start).toISOString(), to: parisMidnightUtc(end).toISOString() };
}

export async function upsertDaily(db: Db, usagePointId: string, direction: Direction, rows: readonly DailyRow[]) {
  await db.transaction().execute(async (trx) => {
    for (const batch of insertBatches(rows)) {
      await trx
        .insertInto('client_daily')
        .values(batch.map((row) => ({ usage_point_id: usagePointId, direction, day: row.day, value_wh: row.valueWh })))
        .onConflict((conflict) =>
          conflict
            .columns(['usage_point_id', 'direction', 'day'])
            .doUpdateSet((eb) => ({ value_wh: eb.ref('excluded.value_wh') }))
            .where('client_daily.value_wh', '<>', (eb) => eb.ref('excluded.value_wh')),
        )
        .execute();
    }
  });
}

/**
 * The bulk of a sync (two years of 30-min points per direction): one statement per gateway answer,
 * the rows passed as one parameter (a JSON array read by `json_each` on SQLite, four arrays `unnest`ed on
 * PostgreSQL) rather than a multi-row VALUES of 6 parameters per row, whose building and parsing cost more
 * than the writing (bench/client-sync.ts).
 */
export async function upsertCurve(db: Db, usagePointId: string, direction: Direction, rows: readonly CurveRow[]) {
  if (rows.length === 0) {
    return;
  }
  // A replay (crash, re-read of recent days) mostly brings unchanged rows: rewriting them costs a new row
  // version and its index entries each (bench/client-sync.ts, PostgreSQL replay: 36k → 100k rows/s).
  const onConflict = sql`ON CONFLICT (usage_point_id, direction, start_at) DO UPDATE
    SET day = excluded.day, minutes = excluded.minutes, value_w = excluded.value_w
    WHERE client_curve.minutes <> excluded.minutes OR client_curve.value_w <> excluded.value_w`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`INSERT INTO client_curve (usage_point_id, direction, start_at, day, minutes, value_w)
      SELECT ${usagePointId}, ${direction}, t.s, t.d, t.m, t.v
      FROM unnest(${rows.map((row) => row.startAt)}::text[], ${rows.map((row) => row.day)}::text[],
        ${rows.map((row) => row.minutes)}::int[], ${rows.map((row) => row.valueW)}::int[]) AS t(s, d, m, v)
      ${onConflict}`.execute(db);
    return;
  }
  const packed = JSON.stringify(rows.map((row) => [row.startAt, row.day, row.minutes, row.valueW]));
  // `WHERE true`: SQLite needs it to read ON CONFLICT after INSERT … SELECT.
  await sql`INSERT INTO client_curve (usage_point_id, direction, start_at, day, minutes, value_w)
    SELECT ${usagePointId}, ${direction}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3
    FROM json_each(${packed}) AS j WHERE true
    ${onConflict}`.execute(db);
}

export async function upsertMaxPower(db: Db, usagePointId: string, rows: readonly MaxPowerRow[]) {
  await db.transaction().execute(async (trx) => {
    for (const batch of insertBatches(rows)) {
      await trx
        .insertInto('client_max_power')
        .values(batch.map((row) => ({ usage_point_id: usagePointId, day: row.day, value_va: row.valueVa, at: row.at })))
        .onConflict((conflict) =>
          conflict
            .columns(['usage_point_id', 'day'])
            .doUpdateSet((eb) => ({ value_va: eb.ref('excluded.value_va'), at: eb.ref('excluded.at') }))
            .where((eb) =>
              eb.or([
                eb('client_max_power.value_va', '<>', eb.ref('excluded.value_va')),
                eb('client_max_power.at', '<>', eb.ref('excluded.at')),
              ]),
            ),
        )
        .execute();
    }
  });
}

/** Days of `[start, end)` with their daily value stored (one value is the whole day). */
export async function dailyDays(db: Db, usagePointId: string, direction: Direction, start: string, end: string) {
  const rows = await db
    .selectFrom('client_daily')
    .select('day')
    .where('usage_point_id', '=', usagePointId)
    .where('direction', '=', direction)
    .where('day', '>=', start)
    .where('day', '<', end)
    .execute();
  return new Set(rows.map((row) => row.day));
}

export async function maxPowerDays(db: Db, usagePointId: string, start: string, end: string) {
  const rows = await db
    .selectFrom('client_max_power')
    .select('day')
    .where('usage_point_id', '=', usagePointId)
    .where('day', '>=', start)
    .where('day', '<', end)
    .execute();
  return new Set(rows.map((row) => row.day));
}

/**
 * Days of `[start, end)` whose stored intervals cover the whole Paris day: 1380, 1440 or 1500 minutes
 * (46, 48 or 50 half-hours on DST days, or the same span at the meter's own step). A day with some
 * points is not complete: it is fetched again.
 */
export async function completeCurveDays(
  db: Db,
  usagePointId: string,
  direction: Direction,
  start: string,
  end: string,
): Promise<Set<string>> {
  const range = curveStartRange(start, end);
  const rows = await db
    .selectFrom('client_curve')
    .select(['day', sql<number | string>`sum(minutes)`.as('minutes')])
    .where('usage_point_id', '=', usagePointId)
    .where('direction', '=', direction)
    .where('start_at', '>=', range.from)
    .where('start_at', '<', range.to)
    .groupBy('day')
    .execute();
  return new Set(rows.filter((row) => Number(row.minutes) === parisDayLengthMinutes(row.day)).map((row) => row.day));
}

export async function readDaily(db: Db, usagePointId: string, direction: Direction, start: string, end: string) {
  const rows = await db
    .selectFrom('client_daily')
    .select(['day', 'value_wh'])
    .where('usage_point_id', '=', usagePointId)
    .where('direction', '=', direction)
    .where('day', '>=', start)
    .where('day', '<', end)
    .orderBy('day')
    .execute();
  return rows.map((row): DailyRow => ({ day: row.day, valueWh: Number(row.value_wh) }));
}

export async function readCurve(db: Db, usagePointId: string, direction: Direction, start: string, end: string) {
  const range = curveStartRange(start, end);
  const rows = await db
    .selectFrom('client_curve')
    .select(['start_at', 'day', 'minutes', 'value_w'])
    .where('usage_point_id', '=', usagePointId)
    .where('direction', '=', direction)
    .where('start_at', '>=', range.from)
    .where('start_at', '<', range.to)
    .orderBy('start_at')
    .execute();
  return rows.map((row): CurveRow => ({
    startAt: row.start_at,
    day: row.day,
    minutes: Number(row.minutes),
    valueW: Number(row.value_w),
  }));
}

export async function readMaxPower(db: Db, usagePointId: string, start: string, end: string) {
  const rows = await db
    .selectFrom('client_max_power')
    .select(['day', 'value_va', 'at'])
    .where('usage_point_id', '=', usagePointId)
    .where('day', '>=', start)
    .where('day', '<', end)
    .orderBy('day')
    .execute();
  return rows.map((row): MaxPowerRow => ({ day: row.day, valueVa: Number(row.value_va), at: row.at }));
}

/** Records, oldest and newest day per stored data set of a meter (the Sync page). */
export async function datasetExtent(
  db: Db,
  table: 'client_daily' | 'client_curve' | 'client_max_power',
  usagePointId: string,
  direction: Direction | undefined,
): Promise<{ records: number; oldestDay: string | null; newestDay: string | null }> {
  let query = db
    .selectFrom(table)
    .select([
      sql<number | string>`count(*)`.as('records'),
      sql<string | null>`min(day)`.as('oldest'),
      sql<string | null>`max(day)`.as('newest'),
    ])
    .where('usage_point_id', '=', usagePointId);
  if (direction !== undefined && table !== 'client_max_power') {
    query = query.where(sql.ref('direction'), '=', direction);
  }
  const row = await query.executeTakeFirst();
  return { records: Number(row?.records ?? 0), oldestDay: row?.oldest ?? null, newestDay: row?.newest ?? null };
}
