import { describe, expect, it } from 'vitest';
import { buildPdl } from '../pdl/pdl.fixture.ts';
import { balancePairOf } from './balancePairs.ts';

const pdl = buildPdl;

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
