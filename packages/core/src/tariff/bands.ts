/**
 * Price bands of each offer type: the data set's price keys (README "Price keys per offer_type"; the
 * same lists as `PRICE_KEYS` in `@med/contracts`, which validates records). A band index is the
 * position in this list, so per-day sums are small arrays instead of maps.
 */
import type { OfferType } from './types.ts';

export const OFFER_BANDS = {
  BASE: ['base'],
  HC_HP: ['hp', 'hc'],
  TEMPO: ['tempo_blue_hc', 'tempo_blue_hp', 'tempo_white_hc', 'tempo_white_hp', 'tempo_red_hc', 'tempo_red_hp'],
  EJP: ['ejp_normal', 'ejp_peak'],
  BASE_WEEKEND: ['base', 'base_weekend'],
  HC_WEEKEND: ['hp', 'hc', 'hp_weekend', 'hc_weekend'],
  HC_NUIT_WEEKEND: ['hp', 'hc'],
  SEASONAL: ['hc_winter', 'hp_winter', 'hc_summer', 'hp_summer'],
  ZEN_FLEX: ['zen_flex_eco_hc', 'zen_flex_eco_hp', 'zen_flex_sobriety_hc', 'zen_flex_sobriety_hp'],
} as const satisfies Record<OfferType, readonly string[]>;

export const OFFER_TYPES = Object.keys(OFFER_BANDS) as OfferType[];

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
