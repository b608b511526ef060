import { describe, expect, it } from 'vitest';
import {
  dayInSeason,
  seasonBounds,
  seasonDates,
  seasonDay,
  seasonOf,
  seasonQuotas,
  seasonStartYear,
  shiftSeason,
} from './season.ts';

describe('Tempo seasons', () => {
  it('runs from 1 September to 31 August', () => {
    expect(seasonOf('2025-09-01')).toBe('2025-2026');
    expect(seasonOf('2026-08-31')).toBe('2025-2026');
    expect(seasonOf('2025-08-31')).toBe('2024-2025');
    expect(seasonOf('2026-01-15')).toBe('2025-2026');
  });

  it('has 366 days when it contains 29 February', () => {
    expect(seasonBounds('2023-2024')).toEqual({
      season: '2023-2024',
      firstDay: '2023-09-01',
      lastDay: '2024-08-31',
      dayCount: 366,
    });
    expect(seasonBounds('2025-2026').dayCount).toBe(365);
    expect(seasonDates('2023-2024')).toHaveLength(366);
    expect(seasonDates('2025-2026')[0]).toBe('2025-09-01');
    expect(seasonDates('2025-2026').at(-1)).toBe('2026-08-31');
  });

  it('gives blue the rest of the season: 300, or 301 in a leap season', () => {
    expect(seasonQuotas('2024-2025')).toEqual({ BLUE: 300, WHITE: 43, RED: 22 });
    expect(seasonQuotas('2023-2024')).toEqual({ BLUE: 301, WHITE: 43, RED: 22 });
    expect(seasonQuotas('2027-2028').BLUE).toBe(301);
  });

  it('numbers JourTempo from 1 on 1 September', () => {
    expect(dayInSeason('2025-09-01')).toBe(1);
    // 30 (Sep) + 31 (Oct) + 30 (Nov) + 31 (Dec) = 122 days before 1 January.
    expect(dayInSeason('2026-01-01')).toBe(123);
    expect(dayInSeason('2026-08-31')).toBe(365);
    expect(dayInSeason('2024-08-31')).toBe(366);
    expect(seasonDay('2025-2026', 123)).toBe('2026-01-01');
  });

  it('rejects malformed labels and dates', () => {
    expect(() => seasonStartYear('2025-2027')).toThrow(RangeError);
    expect(() => seasonStartYear('2025')).toThrow(RangeError);
    expect(() => seasonOf('2025-02-30')).toThrow(RangeError);
    expect(shiftSeason('2025-2026', -1)).toBe('2024-2025');
  });
});
