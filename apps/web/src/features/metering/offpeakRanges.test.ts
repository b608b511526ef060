import { describe, expect, it } from 'vitest';
import { offpeakRangesOf } from './offpeakRanges.ts';

describe('offpeakRangesOf', () => {
  it('uses the contract ranges, else 22:00-06:00', () => {
    expect(offpeakRangesOf({ offpeak_hours: { ranges: ['01:30-07:30', '12:30-14:30'] } })).toEqual({
      ranges: ['01:30-07:30', '12:30-14:30'],
      source: 'contract',
    });
    expect(offpeakRangesOf({ offpeak_hours: null })).toEqual({ ranges: ['22:00-06:00'], source: 'default' });
    expect(offpeakRangesOf({ offpeak_hours: { ranges: [] } })).toEqual({ ranges: ['22:00-06:00'], source: 'default' });
  });
});
