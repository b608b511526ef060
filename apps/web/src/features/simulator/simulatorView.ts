import type { SimulatorResponse } from '@med/contracts';

type SimulatedOffer = SimulatorResponse['offers'][number];

/** How an offer stands against the meter's current one (the API gives the difference; nothing is recomputed). */
export type Standing = 'current' | 'saving' | 'dearer' | 'same' | 'unknown';

export function standingOf(offer: SimulatedOffer, selectedKey: string | null): Standing {
  if (selectedKey !== null && offer.offer.key === selectedKey) {
    return 'current';
  }
  if (offer.difference_eur === null) {
    return 'unknown';
  }
  return offer.difference_eur < 0 ? 'saving' : offer.difference_eur > 0 ? 'dearer' : 'same';
}

/** The best saving against the current offer, if any offer is cheaper. */
export function bestSaving(result: Pick<SimulatorResponse, 'offers' | 'selected_offer_key'>): SimulatedOffer | null {
  const cheaper = result.offers.filter((offer) => standingOf(offer, result.selected_offer_key) === 'saving');
  return cheaper.reduce<SimulatedOffer | null>(
    (best, offer) => (best === null || (offer.difference_eur ?? 0) < (best.difference_eur ?? 0) ? offer : best),
    null,
  );
}

/** Offer types present in the ranking, for the filter (in ranking order of first appearance). */
export function offerTypesOf(result: Pick<SimulatorResponse, 'offers'>): string[] {
  return [...new Set(result.offers.map((offer) => offer.offer.offer_type))];
}
