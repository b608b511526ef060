import type { Db } from '../../db/database.ts';

/** The two RTE time-series tables, which share their bookkeeping queries. */
export type SlotTable = 'consumption_france' | 'generation_forecast';

/** Row count (admin status, fill checks). */
export async function countSlots(db: Db, table: SlotTable): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Retention: removes slots starting before `iso`. */
export async function deleteSlotsBefore(db: Db, table: SlotTable, iso: string): Promise<number> {
  const result = await db.deleteFrom(table).where('start_date', '<', iso).executeTakeFirst();
  return Number(result.numDeletedRows);
}
