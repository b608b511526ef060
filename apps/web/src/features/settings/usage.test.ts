import { describe, expect, it } from 'vitest';
import { usageRatio } from './usage.ts';

describe('usageRatio', () => {
  it('is the used share of the limit', () => {
    expect(usageRatio(25, 100)).toBe(0.25);
  });

  it('is clamped when over the limit', () => {
    expect(usageRatio(150, 100)).toBe(1);
  });

  it('is null without a limit and full with a zero limit', () => {
    expect(usageRatio(10, null)).toBeNull();
    expect(usageRatio(0, 0)).toBe(1);
  });
});
