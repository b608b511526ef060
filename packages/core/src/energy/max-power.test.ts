import { describe, expect, it } from 'vitest';
import { dailyMaxPower, subscribedVa } from './max-power.ts';

describe('daily max power', () => {
  it('keeps the Paris date and time of each peak, sorted', () => {
    expect(
      dailyMaxPower([
        { date: '2025-10-27T19:12:00+01:00', value: 5200 },
        { date: '2025-10-26T02:40:00+01:00', value: 6100 },
        { date: 'bad', value: 1 },
      ]),
    ).toEqual([
      { date: '2025-10-26', va: 6100, time: '02:40' },
      { date: '2025-10-27', va: 5200, time: '19:12' },
    ]);
  });

  it('turns kVA into the VA reference', () => {
    expect(subscribedVa(6)).toBe(6000);
    expect(subscribedVa(null)).toBeNull();
    expect(subscribedVa(0)).toBeNull();
  });
});
