import { describe, expect, it } from 'vitest';
import { offerRecord } from '../offers/offers.fixture.ts';
import {
  changeOffer,
  changeProvider,
  choosableOffers,
  initialChoice,
  powerOptions,
  recordOfChoice,
} from './offerChoice.ts';

describe('meter card offer choice', () => {
  const current = [
    offerRecord('alpiq:stable:HC_HP:12:2025-01-01'),
    offerRecord('edf:tarif-bleu:BASE:6:2025-08-01'),
    offerRecord('edf:tarif-bleu:HC_HP:6:2025-08-01'),
    offerRecord('edf:tarif-bleu:HC_HP:12:2025-08-01'),
    offerRecord('edf:tempo:TEMPO:9:2025-08-01'),
  ];

  it('only offers what is sold at the meter’s power (the server refuses any other)', () => {
    const providers = choosableOffers(current, 12);
    expect(providers.flatMap((provider) => provider.offers.map((offer) => offer.key))).toEqual([
      'alpiq:stable:HC_HP',
      'edf:tarif-bleu:HC_HP',
    ]);
    expect(choosableOffers(current, null).flatMap((provider) => provider.offers)).toHaveLength(4);
  });

  it('starts from the contract: its option at its power, from the regulated provider first', () => {
    const providers = choosableOffers(current, 12);
    const choice = initialChoice({ pricing_option: 'HC_HP', subscribed_power: 12 }, providers, undefined);
    expect(choice).toEqual({ providerId: 'prov-edf', offerKey: 'edf:tarif-bleu:HC_HP', powerKva: 12 });
    expect(recordOfChoice(current, choice!)?.record_id).toBe('edf:tarif-bleu:HC_HP:12:2025-08-01');
    expect(powerOptions(providers, choice!, 12)).toEqual([12]);
  });

  it('starts from the selected offer when there is one, even a closed record', () => {
    const closed = offerRecord('alpiq:stable:HC_HP:12:2024-01-01', { valid_to: '2024-12-31' });
    const choice = initialChoice(
      { pricing_option: 'BASE', subscribed_power: 12 },
      choosableOffers(current, 12),
      closed,
    );
    expect(choice).toEqual({ providerId: 'prov-alpiq', offerKey: 'alpiq:stable:HC_HP', powerKva: 12 });
    expect(recordOfChoice(current, choice!)?.record_id).toBe('alpiq:stable:HC_HP:12:2025-01-01');
  });

  it('with no power known, offers the offer’s powers and keeps the power across changes when sold', () => {
    const providers = choosableOffers(current, null);
    const choice = initialChoice({ pricing_option: 'HC_HP', subscribed_power: null }, providers, undefined);
    expect(choice).toEqual({ providerId: 'prov-edf', offerKey: 'edf:tarif-bleu:HC_HP', powerKva: 6 });
    expect(powerOptions(providers, choice!, null)).toEqual([6, 12]);
    const base = changeOffer(providers, choice!, 'edf:tarif-bleu:BASE');
    expect(base.powerKva).toBe(6);
    const tempo = changeOffer(providers, base, 'edf:tempo:TEMPO');
    expect(tempo.powerKva).toBe(9);
    expect(changeProvider(providers, tempo, 'prov-alpiq')).toEqual({
      providerId: 'prov-alpiq',
      offerKey: 'alpiq:stable:HC_HP',
      powerKva: 12,
    });
  });

  it('has nothing to start from when the catalogue sells nothing at the power', () => {
    expect(
      initialChoice({ pricing_option: 'BASE', subscribed_power: 36 }, choosableOffers(current, 36), undefined),
    ).toBeNull();
  });
});
