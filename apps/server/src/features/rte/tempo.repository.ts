import { isTempoColour, type TempoColour } from '@med/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface StoredTempoDay {
  date: string;
  color: TempoColour;
  rte_updated_date: string | null;
  updated_at: string;
}

const BATCH = 400;

/** `tempo_days`: one row per Paris calendar date. */
export function createTempoRepository(db: Db) {
  const toDay = (row: {
    date: string;
    color: string;
    rte_updated_date: string | null;
    updated_at: string;
  }): StoredTempoDay | null => (isTempoColour(row.color) ? { ...row, color: row.color } : null);

  return {
    /** Upserts colours; `updated_at` moves only when the colour or RTE's publication instant changes. */
    async upsert(
      days: { date: string; color: TempoColour; rteUpdatedDate: string | null }[],
      now = new Date(),
    ): Promise<void> {
      const updatedAt = now.toISOString();
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < days.length; i += BATCH) {
          const rows = days.slice(i, i + BATCH).map((day) => ({
            date: day.date,
            color: day.color,
            rte_updated_date: day.rteUpdatedDate,
            updated_at: updatedAt,
          }));
          await trx
            .insertInto('tempo_days')
            .values(rows)
            .onConflict((conflict) =>
              conflict
                .column('date')
                .doUpdateSet((eb) => ({
                  color: eb.ref('excluded.color'),
                  rte_updated_date: eb.ref('excluded.rte_updated_date'),
                  updated_at: eb.ref('excluded.updated_at'),
                }))
                .where(
                  sql<boolean>`tempo_days.color <> excluded.color or coalesce(tempo_days.rte_updated_date, '') <> coalesce(excluded.rte_updated_date, '')`,
                ),
            )
            .execute();
        }
      });
    },

    /** Days of `[start, end]` (inclusive), oldest first. */
    async range(start: string, end: string): Promise<StoredTempoDay[]> {
      const rows = await db
        .selectFrom('tempo_days')
        .selectAll()
        .where('date', '>=', start)
        .where('date', '<=', end)
        .orderBy('date')
        .execute();
      return rows.map(toDay).filter((day): day is StoredTempoDay => day !== null);
    },

    async get(date: string): Promise<StoredTempoDay | undefined> {
      const row = await db.selectFrom('tempo_days').selectAll().where('date', '=', date).executeTakeFirst();
      return (row && toDay(row)) ?? undefined;
    },

    /** Deletes the days before `date` (every day when `date` is null); returns how many. */
    async deleteBefore(date: string | null): Promise<number> {
      const query = db.deleteFrom('tempo_days');
      const result = await (date === null ? query : query.where('date', '<', date)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async count(): Promise<{ days: number; last: string | null }> {
      const row = await db
        .selectFrom('tempo_days')
        .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.max('date').as('last')])
        .executeTakeFirstOrThrow();
      return { days: Number(row.n), last: row.last ?? null };
    },
  };
}
export type TempoRepository = ReturnType<typeof createTempoRepository>;
