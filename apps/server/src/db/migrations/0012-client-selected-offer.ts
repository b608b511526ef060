import type { Kysely } from 'kysely';

/**
 * A meter's offer chosen on the local client (client mode's `PATCH /api/pdl/{id}/selected-offer`). The
 * meter list is replaced by the gateway's at each sync, so the choice lives beside it: once made locally
 * (`selected_offer_set_at` not null), `selected_offer_id` — null included, "no offer" — wins over the
 * gateway's.
 */
export function clientSelectedOffer() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('client_meters').addColumn('selected_offer_id', 'text').execute();
      await db.schema.alterTable('client_meters').addColumn('selected_offer_set_at', 'text').execute();
    },
  };
}
