import { describe, expect, it } from 'vitest';
import { buildPdl } from '../pdl/pdl.fixture.ts';
import { balancePairBlocked, balancePairOf, blockedMetersOf } from './balancePairs.ts';

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

describe('consent of a balance pair', () => {
  const production = pdl('2', { has_consumption: false, has_production: true });
  const consumption = pdl('1', { linked_production_pdl_id: '2' });

  it('reads a pair only when both meters have a live consent', () => {
    expect(balancePairBlocked(consumption, [consumption, production])).toBeNull();
    expect(blockedMetersOf({ consumption, production })).toEqual([]);
  });

  it('names the meters without one, and the state of the first', () => {
    const revoked = { ...production, consent_status: 'revoked' as const };
    const pending = { ...consumption, consent_status: 'pending' as const };
    expect(balancePairBlocked(consumption, [consumption, revoked])).toBe('revoked');
    expect(balancePairBlocked(pending, [pending, revoked])).toBe('pending');
    expect(blockedMetersOf({ consumption: pending, production: revoked })).toEqual([pending, revoked]);
  });

  it('counts a meter that measures both directions once', () => {
    const both = pdl('3', { has_production: true, consent_status: 'expired' });
    expect(blockedMetersOf({ consumption: both, production: both })).toEqual([both]);
    expect(balancePairBlocked(both, [both])).toBe('expired');
  });
});
