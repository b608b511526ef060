import { describe, expect, it } from 'vitest';
import { emptyDraft, parseDecimal, toContributionInput } from './contributionDraft.ts';

describe('the contribute form draft', () => {
  it('reads decimals typed with a comma or a point, and nothing as NaN (never a silent 0)', () => {
    expect(parseDecimal('0,2016')).toBe(0.2016);
    expect(parseDecimal(' 13.1 ')).toBe(13.1);
    expect(parseDecimal('')).toBeNaN();
    expect(parseDecimal('abc')).toBeNaN();
  });

  it('sends a price change with the offer record, the prices of the option and the sheet link', () => {
    const draft = {
      ...emptyDraft('2026-12-03'),
      type: 'UPDATE_OFFER' as const,
      offerId: 'offer-1',
      offerName: 'Simple',
      offerType: 'HC_HP' as const,
      subscription: '13,10',
      prices: { hp: '0,25', hc: '0.2', base: '9' },
      priceSheetUrl: ' https://example.org/grille.pdf ',
    };
    expect(toContributionInput(draft)).toEqual({
      contribution_type: 'UPDATE_OFFER',
      existing_offer_id: 'offer-1',
      offer_name: 'Simple',
      offer_type: 'HC_HP',
      // Only the keys of the option go: a key left over from another option is dropped.
      power_variants: [{ power_kva: 6, subscription_price: 13.1, prices: { hp: 0.25, hc: 0.2 } }],
      valid_from: '2026-12-03',
      price_sheet_url: 'https://example.org/grille.pdf',
      description: null,
    });
  });

  it('sends a new offer with its provider', () => {
    const input = toContributionInput({
      ...emptyDraft('2026-12-03'),
      type: 'NEW_OFFER',
      providerId: 'p1',
      offerName: 'X',
    });
    expect(input).toMatchObject({ contribution_type: 'NEW_OFFER', existing_provider_id: 'p1', offer_type: 'BASE' });
    expect(input.power_variants[0]?.prices).toEqual({ base: Number.NaN });
  });
});
