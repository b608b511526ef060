import {
  OFFER_TYPES,
  PRICE_KEYS,
  type ContributionInput,
  type ContributionType,
  type EnergyOffer,
  type OfferType,
} from '@med/contracts';

/** The contribute form's fields, as typed (numbers stay text until sent, so a half-typed price is kept). */
export interface ContributionDraft {
  type: Extract<ContributionType, 'UPDATE_OFFER' | 'NEW_OFFER'>;
  providerId: string;
  /** UPDATE_OFFER: the record (option × power) whose prices change. */
  offerId: string;
  offerName: string;
  offerType: OfferType;
  powerKva: number;
  validFrom: string;
  subscription: string;
  prices: Record<string, string>;
  priceSheetUrl: string;
  description: string;
}

export function emptyDraft(today: string): ContributionDraft {
  return {
    type: 'UPDATE_OFFER',
    providerId: '',
    offerId: '',
    offerName: '',
    offerType: OFFER_TYPES[0],
    powerKva: 6,
    validFrom: today,
    subscription: '',
    prices: {},
    priceSheetUrl: '',
    description: '',
  };
}

/** Picking the offer whose prices change fills its name, option and power, and today's prices to edit. */
export function draftFromOffer(draft: ContributionDraft, offer: EnergyOffer): ContributionDraft {
  return {
    ...draft,
    offerId: offer.id,
    offerName: offer.name,
    offerType: offer.offer_type,
    powerKva: offer.power_kva,
    subscription: String(offer.subscription_price),
    prices: Object.fromEntries(Object.entries(offer.prices).map(([key, value]) => [key, String(value)])),
  };
}

/** A decimal typed the French way (comma) or the English way (point); NaN when it is not a number. */
export function parseDecimal(text: string): number {
  const normalised = text.trim().replace(',', '.');
  return normalised === '' ? Number.NaN : Number(normalised);
}

/**
 * The API request for this draft. The server validates everything again (422 naming the field); numbers that
 * do not parse are sent as they are so that its message, not a silent 0, tells the contributor.
 */
export function toContributionInput(draft: ContributionDraft): ContributionInput {
  const prices = Object.fromEntries(
    PRICE_KEYS[draft.offerType].map((key) => [key, parseDecimal(draft.prices[key] ?? '')]),
  );
  const common = {
    offer_name: draft.offerName.trim(),
    offer_type: draft.offerType,
    power_variants: [{ power_kva: draft.powerKva, subscription_price: parseDecimal(draft.subscription), prices }],
    valid_from: draft.validFrom,
    price_sheet_url: draft.priceSheetUrl.trim() === '' ? null : draft.priceSheetUrl.trim(),
    description: draft.description.trim() === '' ? null : draft.description.trim(),
  };
  return draft.type === 'UPDATE_OFFER'
    ? { contribution_type: 'UPDATE_OFFER', existing_offer_id: draft.offerId, ...common }
    : { contribution_type: 'NEW_OFFER', existing_provider_id: draft.providerId, ...common };
}
