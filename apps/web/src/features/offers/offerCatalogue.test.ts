import { describe, expect, it } from 'vitest';
import {
  changedPriceKeys,
  groupByOffer,
  groupByProvider,
  offerKeyOf,
  priceHistory,
  recordOn,
} from './offerCatalogue.ts';
import { offerRecord } from './offers.fixture.ts';

describe('offers catalogue view logic', () => {
  const old6 = offerRecord('edf:tarif-bleu:BASE:6:2024-02-01', { valid_to: '2025-07-31', prices: { base: 0.2516 } });
  const new6 = offerRecord('edf:tarif-bleu:BASE:6:2025-08-01', { prices: { base: 0.1952 } });
  const new9 = offerRecord('edf:tarif-bleu:BASE:9:2025-08-01');
  const hc6 = offerRecord('edf:tarif-bleu:HC_HP:6:2025-08-01', { prices: { hp: 0.2, hc: 0.15 } });
  const alpiq = offerRecord('alpiq:stable:BASE:6:2025-01-01');

  it('names an offer by its series key without the power', () => {
    expect(offerKeyOf('edf:tarif-bleu:BASE:6')).toBe('edf:tarif-bleu:BASE');
  });

  it('groups records by offer (powers ascending, newest period first) and offers by provider', () => {
    const offers = groupByOffer([new9, old6, hc6, new6, alpiq]);
    expect(offers.map((offer) => offer.key)).toEqual([
      'alpiq:stable:BASE',
      'edf:tarif-bleu:BASE',
      'edf:tarif-bleu:HC_HP',
    ]);
    const base = offers[1];
    expect(base?.powers).toEqual([6, 9]);
    expect(base?.records.map((record) => record.record_id)).toEqual([new6.record_id, old6.record_id, new9.record_id]);
    expect(priceHistory(base!, 6)).toEqual([new6, old6]);
    expect(
      groupByProvider([new9, alpiq, hc6]).map((provider) => [provider.providerName, provider.offers.length]),
    ).toEqual([
      ['ALPIQ', 1],
      ['EDF', 2],
    ]);
  });

  it('marks what a price change changed', () => {
    expect([...changedPriceKeys(new6, old6)]).toEqual(['base']);
    expect(changedPriceKeys(old6, undefined).size).toBe(0);
    const dearer = offerRecord('edf:tarif-bleu:BASE:6:2026-02-01', {
      subscription_price: 12,
      prices: { base: 0.1952 },
    });
    expect([...changedPriceKeys(dearer, new6)]).toEqual(['subscription']);
  });

  it('shows the record in force, else the next announced, else the last one', () => {
    const history = [new6, old6];
    expect(recordOn(history, '2025-07-31')).toEqual({ record: old6, standing: 'current' });
    expect(recordOn(history, '2025-08-01')).toEqual({ record: new6, standing: 'current' });
    expect(recordOn(history, '2024-01-01')).toEqual({ record: old6, standing: 'upcoming' });
    expect(recordOn([old6], '2025-08-01')).toEqual({ record: old6, standing: 'withdrawn' });
    expect(recordOn([], '2025-08-01')).toBeNull();
  });
});
