import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, EnergyOffersTable, EnergyProvidersTable } from '../../db/database.ts';

export type ProviderRow = Selectable<EnergyProvidersTable>;
export type OfferRow = Selectable<EnergyOffersTable>;
export type NewOfferRow = Insertable<EnergyOffersTable>;
export type OfferRowUpdate = Updateable<EnergyOffersTable>;

/** Inserts stay under SQLite's 999 bound parameters (energy_offers has 22 columns). */
const INSERT_BATCH = 40;

export function findProviderById(db: Db, id: string): Promise<ProviderRow | undefined> {
  return db.selectFrom('energy_providers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findProviderBySlug(db: Db, slug: string): Promise<ProviderRow | undefined> {
  return db.selectFrom('energy_providers').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findProviderByName(db: Db, name: string): Promise<ProviderRow | undefined> {
  return db.selectFrom('energy_providers').selectAll().where('name', '=', name).executeTakeFirst();
}

export function listProviders(db: Db, options: { activeOnly: boolean }): Promise<ProviderRow[]> {
  let query = db.selectFrom('energy_providers').selectAll();
  if (options.activeOnly) {
    query = query.where('is_active', '=', true);
  }
  return query.orderBy('name').execute();
}

export async function insertProvider(db: Db, row: Insertable<EnergyProvidersTable>): Promise<void> {
  await db.insertInto('energy_providers').values(row).execute();
}

export async function updateProvider(db: Db, id: string, changes: Updateable<EnergyProvidersTable>): Promise<boolean> {
  const result = await db.updateTable('energy_providers').set(changes).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function findOfferById(db: Db, id: string): Promise<OfferRow | undefined> {
  return db.selectFrom('energy_offers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every record of a provider, withdrawn ones included (an import must not create them again). */
export function listProviderOffers(db: Db, providerId: string): Promise<OfferRow[]> {
  return db.selectFrom('energy_offers').selectAll().where('provider_id', '=', providerId).execute();
}

/** Every record of one offer option × power, oldest period first. */
export function listSeries(db: Db, seriesKey: string): Promise<OfferRow[]> {
  return db.selectFrom('energy_offers').selectAll().where('series_key', '=', seriesKey).orderBy('valid_from').execute();
}

/**
 * Listed offers with their provider's name: active records of active providers, by default only those
 * still in force on `today` (valid_to null or ≥ today), newest period first.
 */
export function listOffers(
  db: Db,
  filter: { providerId?: string | undefined; includeHistory: boolean; today: string },
): Promise<(OfferRow & { provider_name: string })[]> {
  let query = db
    .selectFrom('energy_offers')
    .innerJoin('energy_providers', 'energy_providers.id', 'energy_offers.provider_id')
    .selectAll('energy_offers')
    .select('energy_providers.name as provider_name')
    .where('energy_offers.is_active', '=', true)
    .where('energy_providers.is_active', '=', true);
  if (filter.providerId !== undefined) {
    query = query.where('energy_offers.provider_id', '=', filter.providerId);
  }
  if (!filter.includeHistory) {
    query = query.where((eb) =>
      eb.or([eb('energy_offers.valid_to', 'is', null), eb('energy_offers.valid_to', '>=', filter.today)]),
    );
  }
  return query
    .orderBy('energy_offers.valid_from', 'desc')
    .orderBy('energy_offers.name')
    .orderBy('energy_offers.offer_type')
    .orderBy('energy_offers.power_kva')
    .execute();
}

export async function insertOffers(db: Db, rows: NewOfferRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await db
      .insertInto('energy_offers')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
  }
}

export async function updateOffer(db: Db, id: string, changes: OfferRowUpdate): Promise<boolean> {
  const result = await db.updateTable('energy_offers').set(changes).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Withdraws every record of a provider (hidden from listings, kept for history). */
export async function withdrawProviderOffers(db: Db, providerId: string, now: string): Promise<void> {
  await db
    .updateTable('energy_offers')
    .set({ is_active: false, updated_at: now })
    .where('provider_id', '=', providerId)
    .execute();
}
