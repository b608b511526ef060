import { describe, expect, it } from 'vitest';
import { energyCents, subscriptionCents, toMicroEuros, totalCents } from './money.ts';

describe('exact money', () => {
  it('reads prices from their decimal text, numbers and strings alike', () => {
    expect(toMicroEuros(0.1952)).toBe(195_200);
    expect(toMicroEuros('0.195200')).toBe(195_200);
    expect(toMicroEuros(0.123457)).toBe(123_457);
    expect(toMicroEuros(15)).toBe(15_000_000);
    // 0.1 + 0.2 in floating point is 0.30000000000000004: refused, never silently rounded.
    expect(() => toMicroEuros(0.1 + 0.2)).toThrow(RangeError);
    expect(() => toMicroEuros('1e-7')).toThrow(RangeError);
    expect(() => toMicroEuros(Number.NaN)).toThrow(RangeError);
  });

  it('rounds halves away from zero, once', () => {
    // 0.5 cent of energy = 5,000 µ€ = 300,000,000 energy units (× 60,000).
    expect(energyCents(300_000_000n)).toBe(1);
    expect(energyCents(299_999_999n)).toBe(0);
    expect(energyCents(-300_000_000n)).toBe(-1);
    // One day of 12 €/month: 12,000,000 × 12 units of 1/365 µ€ = 0.394520… € → 39 cents.
    expect(subscriptionCents(144_000_000n)).toBe(39);
    // 0.3 cent of energy + 0.2 cent of subscription = 0.5 cent → 1 cent in total, 0 for each part.
    const amount = { energy: 180_000_000n, subscription: 730_000n };
    expect([energyCents(amount.energy), subscriptionCents(amount.subscription), totalCents(amount)]).toEqual([0, 0, 1]);
  });
});
