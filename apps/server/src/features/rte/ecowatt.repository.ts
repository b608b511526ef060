import type { Db } from '../../db/database.ts';
import type { EcowattDay } from './rte-api.ts';

export interface StoredEcowattDay {
  periode: string;
  generation_datetime: string;
  dvalue: number;
  message: string;
  values: number[];
  created_at: string;
  updated_at: string;
}

function parseValues(text: string): number[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map(Number) : [];
  } catch {
    return [];
  }
}

/** `ecowatt`: one row per Paris date (`periode`), replaced by every newer file from RTE. */
export function createEcowattRepository(db: Db) {
  const select = () => db.selectFrom('ecowatt').selectAll();
  const toDay = (row: Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>): StoredEcowattDay => ({
    periode: row.periode,
    generation_datetime: row.generation_datetime,
    dvalue: Number(row.dvalue),
    message: row.message,
    values: parseValues(row.hourly_values),
    created_at: row.created_at,
    updated_at: row.updated_at,
  });

  return {
    /** Upserts the days of one RTE file; `updated_at` records when we fetched it (the scheduler reads it). */
    async upsert(days: EcowattDay[], now = new Date()): Promise<void> {
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        for (const day of days) {
          const row = {
            periode: day.periode,
            generation_datetime: day.generation,
            dvalue: day.dvalue,
            message: day.message,
            hourly_values: JSON.stringify(day.hourly),
            created_at: at,
            updated_at: at,
          };
          await trx
            .insertInto('ecowatt')
            .values(row)
            .onConflict((conflict) =>
              conflict.column('periode').doUpdateSet({
                generation_datetime: row.generation_datetime,
                dvalue: row.dvalue,
                message: row.message,
                hourly_values: row.hourly_values,
                updated_at: at,
              }),
            )
            .execute();
        }
      });
    },

    async get(periode: string): Promise<StoredEcowattDay | undefined> {
      const row = await select().where('periode', '=', periode).executeTakeFirst();
      return row ? toDay(row) : undefined;
    },

    /** Days of `[start, end]` (inclusive), oldest first. */
    async range(start: string, end: string): Promise<StoredEcowattDay[]> {
      const rows = await select()
        .where('periode', '>=', start)
        .where('periode', '<=', end)
        .orderBy('periode')
        .execute();
      return rows.map(toDay);
    },

    /** Latest RTE file instant and our latest fetch among the stored days. */
    async freshness(): Promise<{
      generation: string | null;
      fetched: string | null;
      days: number;
      last: string | null;
    }> {
      const row = await db
        .selectFrom('ecowatt')
        .select((eb) => [
          eb.fn.max('generation_datetime').as('generation'),
          eb.fn.max('updated_at').as('fetched'),
          eb.fn.countAll<string | number>().as('n'),
          eb.fn.max('periode').as('last'),
        ])
        .executeTakeFirstOrThrow();
      return {
        generation: row.generation ?? null,
        fetched: row.fetched ?? null,
        days: Number(row.n),
        last: row.last ?? null,
      };
    },
  };
}
export type EcowattRepository = ReturnType<typeof createEcowattRepository>;
