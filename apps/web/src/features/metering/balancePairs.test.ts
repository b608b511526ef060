import type { Pdl } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { balancePairOf } from './balancePairs.ts';

function pdl(id: string, overrides: Partial<Pdl> = {}): Pdl {
  return {
    id,
    usage_point_id: id.padStart(14, '0'),
    name: null,
    created_at: '2025-01-01T00:00:00Z',
    display_order: null,
    subscribed_power: null,
    offpeak_hours: null,
    pricing_option: null,
    has_consumption: true,
    has_production: false,
    is_active: true,
    oldest_available_data_date: null,
    activation_date: null,
    linked_production_pdl_id: null,
    selected_offer_id: null,
    ...overrides,
  };
}

describe('balancePairOf', () => {
  it('pairs a meter that measures both directions with itself', () => {
    const both = pdl('1', { has_production: true });
    expect(balancePairOf(both, [both])).toEqual({ consumption: both, production: both });
  });

  it('pairs a consumption meter with its linked, active production meter', () => {
    const production = pdl('2', { has_consumption: false, has_production: true });
    const consumption = pdl('1', { linked_production_pdl_id: '2' });
    expect(balancePairOf(consumption, [consumption, production])).toEqual({ consumption, production });
    expect(balancePairOf(consumption, [consumption, { ...production, is_active: false }])).toBeNull();
    expect(balancePairOf(consumption, [consumption])).toBeNull();
  });

  it('ignores production-only, unlinked and inactive meters', () => {
    expect(balancePairOf(pdl('3', { has_consumption: false, has_production: true }), [])).toBeNull();
    expect(balancePairOf(pdl('4'), [])).toBeNull();
    expect(balancePairOf(pdl('5', { has_production: true, is_active: false }), [])).toBeNull();
  });
});
