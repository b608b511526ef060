import type { SimulatorResponse } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { bestSaving, offerTypesOf, standingOf } from './simulatorView.ts';

type Offer = SimulatorResponse['offers'][number];

const offer = (key: string, type: Offer['offer']['offer_type'], difference: number | null) =>
  ({ offer: { key, offer_type: type }, difference_eur: difference }) as unknown as Offer;

describe('simulator view logic', () => {
  const current = offer('edf:tarif-bleu:HC_HP', 'HC_HP', 0);
  const cheaper = offer('alpiq:stable:BASE', 'BASE', -42.5);
  const cheapest = offer('edf:tempo:TEMPO', 'TEMPO', -120.1);
  const dearer = offer('mint:x:BASE', 'BASE', 10);

  it('tells each offer’s standing against the current one from the API’s difference', () => {
    expect(standingOf(current, 'edf:tarif-bleu:HC_HP')).toBe('current');
    expect(standingOf(cheaper, 'edf:tarif-bleu:HC_HP')).toBe('saving');
    expect(standingOf(dearer, 'edf:tarif-bleu:HC_HP')).toBe('dearer');
    expect(standingOf(offer('a:b:BASE', 'BASE', 0), 'edf:tarif-bleu:HC_HP')).toBe('same');
    expect(standingOf(offer('a:b:BASE', 'BASE', null), null)).toBe('unknown');
  });

  it('finds the best saving, none when nothing is cheaper', () => {
    const result = { offers: [cheapest, cheaper, current, dearer], selected_offer_key: 'edf:tarif-bleu:HC_HP' };
    expect(bestSaving(result)).toBe(cheapest);
    expect(bestSaving({ offers: [current, dearer], selected_offer_key: 'edf:tarif-bleu:HC_HP' })).toBeNull();
    expect(offerTypesOf(result)).toEqual(['TEMPO', 'BASE', 'HC_HP']);
  });
});
