import type { Pdl } from '@med/contracts';
import type { Db } from '../../db/database.ts';

export interface ClientMeter {
  usagePointId: string;
  pdl: Pdl;
  contract: unknown;
  address: unknown;
  updatedAt: string;
}

function parse(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

/** The gateway's meter list replaces the local one: meters gone from it are forgotten (their readings stay). */
export async function replaceMeters(db: Db, pdls: readonly Pdl[], now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const pdl of pdls) {
      await trx
        .insertInto('client_meters')
        .values({ usage_point_id: pdl.usage_point_id, pdl: JSON.stringify(pdl), updated_at: now.toISOString() })
        .onConflict((conflict) =>
          conflict.column('usage_point_id').doUpdateSet((eb) => ({
            pdl: eb.ref('excluded.pdl'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    const kept = pdls.map((pdl) => pdl.usage_point_id);
    let removal = trx.deleteFrom('client_meters');
    if (kept.length > 0) {
      removal = removal.where('usage_point_id', 'not in', kept);
    }
    await removal.execute();
  });
}

export async function listMeters(db: Db): Promise<ClientMeter[]> {
  const rows = await db.selectFrom('client_meters').selectAll().orderBy('usage_point_id').execute();
  return rows.map((row) => {
    const pdl = JSON.parse(row.pdl) as Pdl;
    return {
      usagePointId: row.usage_point_id,
      // An offer chosen on this client wins over the gateway's choice (migration 0012).
      pdl: row.selected_offer_set_at === null ? pdl : { ...pdl, selected_offer_id: row.selected_offer_id },
      contract: parse(row.contract),
      address: parse(row.address),
      updatedAt: row.updated_at,
    };
  });
}

/** Records the offer chosen on this client for a meter (null: none); false when the meter is not stored. */
export async function selectMeterOffer(
  db: Db,
  usagePointId: string,
  offerId: string | null,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('client_meters')
    .set({ selected_offer_id: offerId, selected_offer_set_at: now.toISOString() })
    .where('usage_point_id', '=', usagePointId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findMeter(db: Db, usagePointId: string): Promise<ClientMeter | undefined> {
  return (await listMeters(db)).find((meter) => meter.usagePointId === usagePointId);
}

export async function saveCustomerDocument(
  db: Db,
  usagePointId: string,
  kind: 'contract' | 'address',
  document: unknown,
): Promise<void> {
  await db
    .updateTable('client_meters')
    .set(kind === 'contract' ? { contract: JSON.stringify(document) } : { address: JSON.stringify(document) })
    .where('usage_point_id', '=', usagePointId)
    .execute();
}
