import { describe, expect, it } from 'vitest';
import { groupOffers, offerKeyOf, simulate } from './simulate.ts';
import { flat, prepared, record } from './test-fixtures.ts';
import type { TariffContext } from './types.ts';

const context: TariffContext = {
  powers: [{ start: '2000-01-01', end: null, value: 6 }],
  offpeak: [{ start: '2000-01-01', end: null, value: ['22:00-06:00'] }],
};
const offers = groupOffers([
  record('BASE', 6, '2025-01-01', null, 12, { base: 0.2 }, 'simple'),
  record('HC_HP', 6, '2025-01-01', null, 12.5, { hp: 0.23, hc: 0.15 }, 'nights'),
  // Sold for 9 kVA only: it cannot price a 6 kVA meter.
  record('BASE', 9, '2025-01-01', null, 10, { base: 0.1 }, 'big'),
]);
const period = ['2025-06-01', '2025-07-01'] as const;

describe('simulator', () => {
  it('ranks a flat profile: BASE before HC_HP', () => {
    // 30 days × 24 kWh at 1,000 W. BASE: 720 × 0.2 = 144 + 12 × 12 × 30 / 365 (11.835616…) = 155.835616… → 155.84.
    // HC_HP: 30 × (16 × 0.23 + 8 × 0.15) = 146.4 + 12.5 × 12 × 30 / 365 (12.328767…) = 158.728767… → 158.73.
    const result = simulate(offers, prepared(...period, flat(1000)), context, 'test:simple:BASE');
    expect(result.ranked.map((entry) => [entry.key, entry.rank, entry.cost.total_eur, entry.difference_eur])).toEqual([
      ['test:simple:BASE', 1, 155.84, 0],
      ['test:nights:HC_HP', 2, 158.73, 2.89],
    ]);
    expect(result.incomplete.map((entry) => [entry.key, entry.cost.uncovered[0]?.reason])).toEqual([
      ['test:big:BASE', 'NO_PRICE_RECORD'],
    ]);
    expect(result.reference_total_eur).toBe(155.84);
  });

  it('ranks a night-heavy profile: HC_HP before BASE, with the saving against the current offer', () => {
    // 2,000 W from 22:00 to 06:00 (16 kWh) and 250 W otherwise (4 kWh) per day.
    // BASE: 30 × 20 × 0.2 = 120 + 11.835616… = 131.835616… → 131.84.
    // HC_HP: 30 × (4 × 0.23 + 16 × 0.15) = 99.6 + 12.328767… = 111.928767… → 111.93; saving 19.91.
    const nightHeavy = (hour: number) => (hour >= 22 || hour < 6 ? 2000 : 250);
    const result = simulate(offers, prepared(...period, nightHeavy), context, 'test:simple:BASE');
    expect(result.ranked.map((entry) => [entry.key, entry.cost.total_eur, entry.difference_eur])).toEqual([
      ['test:nights:HC_HP', 111.93, -19.91],
      ['test:simple:BASE', 131.84, 0],
    ]);
  });

  it('gives no difference without a reference offer', () => {
    const result = simulate(offers, prepared(...period, flat(1000)), context);
    expect(result.ranked.every((entry) => entry.difference_eur === null)).toBe(true);
    expect(offerKeyOf('edf:tarif-bleu:TEMPO:6:2025-08-01')).toBe('edf:tarif-bleu:TEMPO');
  });
});
