import { offerKeyOf } from '@med/core';
import { toBool, type Db } from '../../db/database.ts';
import type { OfferRow } from '../offers/catalogue.repository.ts';
import { rowToRecord } from '../offers/offer.mapper.ts';
import type { CatalogueOffer, OfferCatalogue } from './costs.service.ts';

type ListedRow = OfferRow & { provider_name: string };

/** Listed records (not withdrawn) of listed providers, with the provider's name. */
function listedRows(db: Db) {
  return db
    .selectFrom('energy_offers')
    .innerJoin('energy_providers', 'energy_providers.id', 'energy_offers.provider_id')
    .selectAll('energy_offers')
    .select('energy_providers.name as provider_name')
    .where('energy_offers.is_active', '=', true)
    .where('energy_providers.is_active', '=', true);
}

/**
 * One offer (provider × offer name × option) across powers and price periods, named by `named`: the
 * catalogue row a caller chose, or the latest row of the power being simulated.
 */
function toOffer(named: ListedRow, rows: readonly ListedRow[]): CatalogueOffer {
  return {
    offer: {
      id: named.id,
      key: offerKeyOf(named.record_id),
      record_id: named.record_id,
      provider: named.provider_name,
      name: named.name,
      offer_type: rowToRecord(named).offer_type,
    },
    records: rows.map(rowToRecord),
    lowConfidence: rows.some((row) => row.power_kva === named.power_kva && row.confidence === 'low'),
  };
}

/** The offers catalogue (migration 0007, decision 0011) as the costs read it. */
export function createOfferCatalogue(db: Db): OfferCatalogue {
  return {
    async offerOf(offerId) {
      const named = await listedRows(db).where('energy_offers.id', '=', offerId).executeTakeFirst();
      if (!named || !toBool(named.is_active)) {
        return null;
      }
      const key = offerKeyOf(named.record_id);
      const rows = await listedRows(db)
        .where('energy_offers.provider_id', '=', named.provider_id)
        .where('energy_offers.offer_type', '=', named.offer_type)
        .orderBy('energy_offers.valid_from')
        .execute();
      return toOffer(
        named,
        rows.filter((row) => offerKeyOf(row.record_id) === key),
      );
    },

    async offersFor(powerKva) {
      const rows = await listedRows(db).orderBy('energy_offers.valid_from').execute();
      const byKey = new Map<string, ListedRow[]>();
      for (const row of rows) {
        const key = offerKeyOf(row.record_id);
        byKey.set(key, [...(byKey.get(key) ?? []), row]);
      }
      const offers: CatalogueOffer[] = [];
      for (const group of byKey.values()) {
        // Named by its latest period at this power: the row a user would select.
        const named = group.filter((row) => row.power_kva === powerKva).at(-1);
        if (named) {
          offers.push(toOffer(named, group));
        }
      }
      return offers;
    },
  };
}
