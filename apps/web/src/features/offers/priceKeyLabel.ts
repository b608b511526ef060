import type { TFunction } from 'i18next';
import { frOffers } from './offers.fr.ts';

type PriceKeyLabel = keyof typeof frOffers.offers.priceKeys;

function isLabelled(key: string): key is PriceKeyLabel {
  return Object.hasOwn(frOffers.offers.priceKeys, key);
}

/** The name of a price key (a band of the costs API); the key itself for one the app does not know yet. */
export function priceKeyLabel(t: TFunction, key: string): string {
  return isLabelled(key) ? t(`offers.priceKeys.${key}`) : key;
}
