import type { Db } from '../../db/database.ts';
import { countSlots, deleteSlotsBefore } from './slot-tables.ts';

export interface ConsumptionRow {
  type: string;
  start_date: string;
  end_date: string;
  value: number;
  updated_date: string | null;
}

export interface NewSlot {
  start: Date;
  end: Date;
  value: number;
  updated: Date | null;
}

const BATCH = 250;

/** `consumption_france`: national consumption (MW) per type and slot, slots as ISO UTC instants. */
export function createConsumptionRepository(db: Db) {
  return {
    async upsert(series: { type: string; values: NewSlot[] }[], now = new Date()): Promise<number> {
      const at = now.toISOString();
      const rows = series.flatMap((entry) =>
        entry.values.map((slot) => ({
          type: entry.type,
          start_date: slot.start.toISOString(),
          end_date: slot.end.toISOString(),
          value: Math.round(slot.value),
          updated_date: slot.updated?.toISOString() ?? null,
          created_at: at,
          updated_at: at,
        })),
      );
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += BATCH) {
          await trx
            .insertInto('consumption_france')
            .values(rows.slice(i, i + BATCH))
            .onConflict((conflict) =>
              conflict.columns(['type', 'start_date']).doUpdateSet((eb) => ({
                end_date: eb.ref('excluded.end_date'),
                value: eb.ref('excluded.value'),
                updated_date: eb.ref('excluded.updated_date'),
                updated_at: eb.ref('excluded.updated_at'),
              })),
            )
            .execute();
        }
      });
      return rows.length;
    },

    /** Slots starting in `[startIso, endIso)`, by type then time. */
    range(startIso: string, endIso: string, types?: readonly string[]): Promise<ConsumptionRow[]> {
      let query = db
        .selectFrom('consumption_france')
        .select(['type', 'start_date', 'end_date', 'value', 'updated_date'])
        .where('start_date', '>=', startIso)
        .where('start_date', '<', endIso);
      if (types) {
        query = query.where('type', 'in', [...types]);
      }
      return query.orderBy('type').orderBy('start_date').execute();
    },

    /** Newest slot of `type` starting at or after `sinceIso`. */
    latest(type: string, sinceIso: string): Promise<ConsumptionRow | undefined> {
      return db
        .selectFrom('consumption_france')
        .select(['type', 'start_date', 'end_date', 'value', 'updated_date'])
        .where('type', '=', type)
        .where('start_date', '>=', sinceIso)
        .orderBy('start_date', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    /** When we last stored a slot of `type` (our clock), or null. */
    async lastStoredAt(type: string): Promise<string | null> {
      const row = await db
        .selectFrom('consumption_france')
        .select((eb) => eb.fn.max('updated_at').as('at'))
        .where('type', '=', type)
        .executeTakeFirst();
      return row?.at ?? null;
    },

    count: () => countSlots(db, 'consumption_france'),

    deleteBefore: (iso: string) => deleteSlotsBefore(db, 'consumption_france', iso),
  };
}
export type ConsumptionRepository = ReturnType<typeof createConsumptionRepository>;
