import type { EnergyOffer, Pdl } from '@med/contracts';
import { groupByProvider, offerKeyOf, providerSlugOf, type ProviderOffers } from '../offers/offerCatalogue.ts';

/** What the meter card's offer form holds: provider → offer → power. */
export interface OfferChoice {
  providerId: string;
  offerKey: string;
  powerKva: number | null;
}

// The contract's option names an Enedis tariff option, which the regulated offer (EDF Tarif Bleu) sells:
// that provider comes first when the form starts from the contract.
const REGULATED_PROVIDER_SLUG = 'edf';

/**
 * Providers and offers the form may offer: with the meter's subscribed power known, only offers sold at
 * that power (the server refuses any other, OFFER_POWER_MISMATCH); otherwise every offer.
 */
export function choosableOffers(current: readonly EnergyOffer[], powerKva: number | null): ProviderOffers[] {
  const sold = powerKva === null ? current : current.filter((record) => record.power_kva === powerKva);
  return groupByProvider(sold);
}

/** Powers the form offers for an offer: the meter's own when Enedis gave it, else the offer's. */
export function powerOptions(providers: readonly ProviderOffers[], choice: OfferChoice, meterPower: number | null) {
  if (meterPower !== null) {
    return [meterPower];
  }
  const offer = providers.flatMap((provider) => provider.offers).find((entry) => entry.key === choice.offerKey);
  return offer?.powers ?? [];
}

/**
 * Where the form starts: the meter's selected offer when it has one; otherwise the contract's option at
 * the subscribed power, from the regulated provider first. Null when nothing in the catalogue fits.
 */
export function initialChoice(
  pdl: Pick<Pdl, 'pricing_option' | 'subscribed_power'>,
  providers: readonly ProviderOffers[],
  selected: EnergyOffer | undefined,
): OfferChoice | null {
  if (selected) {
    return {
      providerId: selected.provider_id,
      offerKey: offerKeyOf(selected.series_key),
      powerKva: pdl.subscribed_power ?? selected.power_kva,
    };
  }
  const offers = providers.flatMap((provider) => provider.offers);
  const ofOption = offers.filter((offer) => offer.offerType === pdl.pricing_option);
  const start =
    ofOption.find((offer) => providerSlugOf(offer.key) === REGULATED_PROVIDER_SLUG) ?? ofOption[0] ?? offers[0];
  if (!start) {
    return null;
  }
  const power = pdl.subscribed_power ?? (start.powers.includes(6) ? 6 : (start.powers[0] ?? null)); // 6 kVA: the most common
  return { providerId: start.providerId, offerKey: start.key, powerKva: power };
}

/** Moving to another provider or offer keeps the power when the new offer sells it. */
export function changeProvider(providers: readonly ProviderOffers[], choice: OfferChoice, providerId: string) {
  const provider = providers.find((entry) => entry.providerId === providerId);
  const first = provider?.offers[0];
  return first ? changeOffer(providers, { ...choice, providerId }, first.key) : choice;
}

export function changeOffer(providers: readonly ProviderOffers[], choice: OfferChoice, offerKey: string): OfferChoice {
  const offer = providers.flatMap((provider) => provider.offers).find((entry) => entry.key === offerKey);
  if (!offer) {
    return choice;
  }
  const powerKva =
    choice.powerKva !== null && offer.powers.includes(choice.powerKva) ? choice.powerKva : (offer.powers[0] ?? null);
  return { providerId: offer.providerId, offerKey, powerKva };
}

/** The catalogue record in force today for the choice (what PATCH selected-offer receives). */
export function recordOfChoice(current: readonly EnergyOffer[], choice: OfferChoice): EnergyOffer | undefined {
  if (choice.powerKva === null) {
    return undefined;
  }
  const series = `${choice.offerKey}:${String(choice.powerKva)}`;
  return current.find((record) => record.series_key === series);
}
