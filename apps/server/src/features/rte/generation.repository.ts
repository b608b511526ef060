import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { countSlots, deleteSlotsBefore } from './slot-tables.ts';
import type { NewSlot } from './consumption.repository.ts';

export interface GenerationRow {
  production_type: string;
  forecast_type: string;
  start_date: string;
  end_date: string;
  value: number;
  updated_date: string | null;
}

const BATCH = 250;

/** `generation_forecast`: SOLAR and WIND (onshore + offshore) forecasts in MW per forecast type and slot. */
export function createGenerationRepository(db: Db) {
  const columns = ['production_type', 'forecast_type', 'start_date', 'end_date', 'value', 'updated_date'] as const;
  return {
    async upsert(
      series: { productionType: string; forecastType: string; values: NewSlot[] }[],
      now = new Date(),
    ): Promise<number> {
      const at = now.toISOString();
      const rows = series.flatMap((entry) =>
        entry.values.map((slot) => ({
          production_type: entry.productionType,
          forecast_type: entry.forecastType,
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
            .insertInto('generation_forecast')
            .values(rows.slice(i, i + BATCH))
            .onConflict((conflict) =>
              conflict.columns(['production_type', 'forecast_type', 'start_date']).doUpdateSet((eb) => ({
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

    /** Slots starting in `[startIso, endIso)`, optionally filtered, by type then time. */
    range(
      startIso: string,
      endIso: string,
      filter: { productionTypes?: readonly string[]; forecastTypes?: readonly string[] } = {},
    ): Promise<GenerationRow[]> {
      let query = db
        .selectFrom('generation_forecast')
        .select(columns)
        .where('start_date', '>=', startIso)
        .where('start_date', '<', endIso);
      if (filter.productionTypes) {
        query = query.where('production_type', 'in', [...filter.productionTypes]);
      }
      if (filter.forecastTypes) {
        query = query.where('forecast_type', 'in', [...filter.forecastTypes]);
      }
      return query.orderBy('production_type').orderBy('forecast_type').orderBy('start_date').execute();
    },

    /** Mean MW of a production type over slots starting in `[startIso, endIso)`, or null without data. */
    async average(productionType: string, startIso: string, endIso: string): Promise<number | null> {
      const row = await db
        .selectFrom('generation_forecast')
        .select(sql<string | number | null>`avg(value)`.as('mean'))
        .where('production_type', '=', productionType)
        .where('start_date', '>=', startIso)
        .where('start_date', '<', endIso)
        .executeTakeFirst();
      return row?.mean === null || row?.mean === undefined ? null : Number(row.mean);
    },

    count: () => countSlots(db, 'generation_forecast'),

    deleteBefore: (iso: string) => deleteSlotsBefore(db, 'generation_forecast', iso),
  };
}
export type GenerationRepository = ReturnType<typeof createGenerationRepository>;
