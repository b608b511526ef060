import type { Kysely } from 'kysely';

/**
 * The load curve is the bulk of a client's writes (two years of 30-min points per direction). Its second
 * index, on (meter, direction, day), doubled the index entries written per point; day ranges are now read
 * through the primary key as interval-start ranges (a Paris day is `[its midnight, the next midnight)` in
 * ISO UTC, and ISO UTC text sorts like time), so the index goes.
 */
export function clientCurveOneIndex() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('client_curve_day_idx').execute();
    },
  };
}
