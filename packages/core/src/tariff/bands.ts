/**
 * Price bands of each offer type: the data set's price keys, from their one source, `PRICE_KEYS` in
 * `@med/contracts` (which validates records with them). A band index is the position in this list, so
 * per-day sums are small arrays instead of maps.
 */
import { OFFER_TYPES, PRICE_KEYS } from '@med/contracts';
import type { OfferType } from './types.ts';

export const OFFER_BANDS: typeof PRICE_KEYS = PRICE_KEYS;

export { OFFER_TYPES };

export function isOfferType(value: string): value is OfferType {
  return Object.hasOwn(OFFER_BANDS, value);
}

/** Index of `band` among the bands of `type`; throws on a key the type does not have (a bug, not data). */
export function bandIndex(type: OfferType, band: string): number {
  const index = (OFFER_BANDS[type] as readonly string[]).indexOf(band);
  if (index < 0) {
    throw new RangeError(`offer type ${type} has no price key "${band}"`);
  }
  return index;
}
