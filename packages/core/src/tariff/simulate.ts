/**
 * The simulator: every offer of a catalogue priced over the same prepared consumption, ranked by total.
 * An offer that cannot price every day of the period (not sold for that power, or a gap in its price
 * history) is listed apart as incomplete: a partial total would rank falsely cheap.
 */
import { priceOffer, type OfferCost } from './price-offer.ts';
import type { PreparedConsumption } from './prepare.ts';
import type { PriceRecord, TariffContext } from './types.ts';

/** The records of one offer: provider, offer name and option, every power and validity period. */
export interface OfferRecords {
  /** Stable key of the offer (the first three parts of its record ids: `provider:offer-slug:TYPE`). */
  key: string;
  records: readonly PriceRecord[];
}

export interface RankedOffer {
  key: string;
  rank: number;
  cost: OfferCost;
  /** This offer's total minus the reference offer's total, EUR (negative = saving); null without a reference. */
  difference_eur: number | null;
}

export interface Simulation {
  ranked: RankedOffer[];
  /** Offers that cannot price the whole period, with the reason in `cost.uncovered`. */
  incomplete: { key: string; cost: OfferCost }[];
  /** The reference offer's total, EUR, when it could price the whole period. */
  reference_total_eur: number | null;
}

/** `provider:offer-slug:TYPE` of a record id `provider:offer-slug:TYPE:kva:valid_from`. */
export function offerKeyOf(recordId: string): string {
  return recordId.split(':').slice(0, 3).join(':');
}

/** Groups records into offers by the key of their ids, in first-seen order. */
export function groupOffers(records: readonly PriceRecord[]): OfferRecords[] {
  const groups = new Map<string, PriceRecord[]>();
  for (const record of records) {
    const key = offerKeyOf(record.id);
    const group = groups.get(key);
    if (group) {
      group.push(record);
    } else {
      groups.set(key, [record]);
    }
  }
  return [...groups].map(([key, group]) => ({ key, records: group }));
}

/** Ranks `offers` by total over `consumption`; ties keep the catalogue order. */
export function simulate(
  offers: readonly OfferRecords[],
  consumption: PreparedConsumption,
  context: TariffContext,
  referenceKey?: string,
): Simulation {
  const complete: { key: string; cost: OfferCost }[] = [];
  const incomplete: { key: string; cost: OfferCost }[] = [];
  for (const offer of offers) {
    const cost = priceOffer(offer.records, consumption, context);
    (cost.uncovered.length === 0 ? complete : incomplete).push({ key: offer.key, cost });
  }
  complete.sort((a, b) => a.cost.total_eur - b.cost.total_eur);
  const reference = complete.find((entry) => entry.key === referenceKey);
  const referenceTotal = reference ? reference.cost.total_eur : null;
  return {
    ranked: complete.map((entry, index) => ({
      key: entry.key,
      rank: index + 1,
      cost: entry.cost,
      difference_eur: referenceTotal === null ? null : Math.round((entry.cost.total_eur - referenceTotal) * 100) / 100,
    })),
    incomplete,
    reference_total_eur: referenceTotal,
  };
}
