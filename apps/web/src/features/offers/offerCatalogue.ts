import { OFFER_TYPES, type EnergyOffer, type OfferType } from '@med/contracts';

/**
 * Pure view logic of the offers catalogue. The server sends one record per option × power × validity
 * period; the screens show an offer (`provider:offer-slug:OFFER_TYPE`, the key the costs API uses too)
 * with its powers, and a power with its price periods.
 */

/** `edf:tarif-bleu:BASE:6` → `edf:tarif-bleu:BASE`: the offer across powers and price changes. */
export function offerKeyOf(seriesKey: string): string {
  const cut = seriesKey.lastIndexOf(':');
  return cut < 0 ? seriesKey : seriesKey.slice(0, cut);
}

/** `edf:tarif-bleu:BASE:6:2025-08-01` → `edf`: the provider's slug that prefixes every record id. */
export function providerSlugOf(recordId: string): string {
  return recordId.split(':')[0] ?? '';
}

export interface CatalogueOffer {
  key: string;
  providerId: string;
  providerName: string;
  name: string;
  offerType: OfferType;
  /** Powers (kVA) the records cover, ascending. */
  powers: number[];
  /** Every record of the offer: by power ascending, then newest period first. */
  records: EnergyOffer[];
}

export interface ProviderOffers {
  providerId: string;
  providerName: string;
  offers: CatalogueOffer[];
}

const typeOrder = (type: OfferType) => OFFER_TYPES.indexOf(type);
const byText = (left: string, right: string) => left.localeCompare(right, 'fr');

function byPowerThenNewest(left: EnergyOffer, right: EnergyOffer): number {
  return left.power_kva - right.power_kva || byText(right.valid_from, left.valid_from);
}

/** Records grouped by offer, sorted by provider, name and option. */
export function groupByOffer(records: readonly EnergyOffer[]): CatalogueOffer[] {
  const groups = new Map<string, CatalogueOffer>();
  for (const record of records) {
    const key = offerKeyOf(record.series_key);
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        providerId: record.provider_id,
        providerName: record.provider_name,
        name: record.name,
        offerType: record.offer_type,
        powers: [],
        records: [],
      };
      groups.set(key, group);
    }
    group.records.push(record);
  }
  return [...groups.values()]
    .map((group) => {
      group.records.sort(byPowerThenNewest);
      group.powers = [...new Set(group.records.map((record) => record.power_kva))];
      return group;
    })
    .sort(
      (left, right) =>
        byText(left.providerName, right.providerName) ||
        byText(left.name, right.name) ||
        typeOrder(left.offerType) - typeOrder(right.offerType),
    );
}

/** Offers grouped by provider (providers by name). */
export function groupByProvider(records: readonly EnergyOffer[]): ProviderOffers[] {
  const providers = new Map<string, ProviderOffers>();
  for (const offer of groupByOffer(records)) {
    let provider = providers.get(offer.providerId);
    if (!provider) {
      provider = { providerId: offer.providerId, providerName: offer.providerName, offers: [] };
      providers.set(offer.providerId, provider);
    }
    provider.offers.push(offer);
  }
  return [...providers.values()];
}

/** The price periods of one power of an offer, newest first. */
export function priceHistory(offer: CatalogueOffer, powerKva: number): EnergyOffer[] {
  return offer.records.filter((record) => record.power_kva === powerKva);
}

/** Price keys that differ from the previous (older) period, to highlight what a price change changed. */
export function changedPriceKeys(record: EnergyOffer, older: EnergyOffer | undefined): Set<string> {
  const changed = new Set<string>();
  if (!older) {
    return changed;
  }
  for (const [key, price] of Object.entries(record.prices)) {
    if (older.prices[key] !== price) {
      changed.add(key);
    }
  }
  if (older.subscription_price !== record.subscription_price) {
    changed.add('subscription');
  }
  return changed;
}

export type RecordStanding = 'current' | 'withdrawn' | 'upcoming';

/**
 * The record to show for a power on `today` (Paris date): the one in force, else the next one announced,
 * else the last one (the offer is no longer sold).
 */
export function recordOn(
  records: readonly EnergyOffer[],
  today: string,
): { record: EnergyOffer; standing: RecordStanding } | null {
  const inForce = records.find(
    (record) => record.valid_from <= today && (record.valid_to === null || record.valid_to >= today),
  );
  if (inForce) {
    return { record: inForce, standing: 'current' };
  }
  const upcoming = records.filter((record) => record.valid_from > today).at(-1);
  if (upcoming) {
    return { record: upcoming, standing: 'upcoming' };
  }
  const last = records[0];
  return last ? { record: last, standing: 'withdrawn' } : null;
}
