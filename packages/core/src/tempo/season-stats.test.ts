import { describe, expect, it } from 'vitest';
import { addDays } from '../time/index.ts';
import type { TempoDay } from './colours.ts';
import { normaliseNetConsumption, RTE_2016_NORMALISATION, seasonStats, tempoThresholds } from './season-stats.ts';

describe('tempoThresholds', () => {
  it('applies RTE formulas', () => {
    // JourTempo 100, 30 white and 15 red left:
    //   Seuil_BR = 4 − 0.015·100 − 0.026·(30 + 15) = 4 − 1.5 − 1.17 = 1.33
    //   Seuil_R  = 3.15 − 0.01·100 − 0.031·15     = 3.15 − 1 − 0.465 = 1.685
    const t = tempoThresholds(100, 30, 15);
    expect(t.white_red).toBeCloseTo(1.33, 10);
    expect(t.red).toBeCloseTo(1.685, 10);
  });

  it('starts high on 1 September with full stock', () => {
    // Seuil_BR = 4 − 0.015 − 0.026·65 = 2.295; Seuil_R = 3.15 − 0.01 − 0.031·22 = 2.458
    const t = tempoThresholds(1, 43, 22);
    expect(t.white_red).toBeCloseTo(2.295, 10);
    expect(t.red).toBeCloseTo(2.458, 10);
  });
});

describe('normaliseNetConsumption', () => {
  it('uses (net − 55 000) / 8 000 by default', () => {
    expect(normaliseNetConsumption(63_000)).toBe(1); // (63 000 − 55 000) / 8 000
    expect(normaliseNetConsumption(51_000)).toBe(-0.5); // (51 000 − 55 000) / 8 000
  });

  it('can use RTE 2016 calibration', () => {
    expect(normaliseNetConsumption(50_370, RTE_2016_NORMALISATION)).toBe(2); // 4 320 / 2 160
  });
});

describe('seasonStats', () => {
  // 2025-09-01 … 2025-12-31 = 122 stored days: 10 red, 20 white, 92 blue.
  const days: TempoDay[] = Array.from({ length: 122 }, (_, i) => ({
    date: addDays('2025-09-01', i),
    colour: i < 10 ? 'RED' : i < 30 ? 'WHITE' : 'BLUE',
  }));

  it('counts used and remaining days and the thresholds of today', () => {
    const stats = seasonStats('2025-2026', days, '2026-01-01');
    expect(stats).toMatchObject({
      season: '2025-2026',
      day_in_season: 123,
      days_in_season: 365,
      blue_used: 92,
      blue_remaining: 208, // 300 − 92
      white_used: 20,
      white_remaining: 23,
      red_used: 10,
      red_remaining: 12,
    });
    // Seuil_BR = 4 − 0.015·123 − 0.026·(23 + 12) = 4 − 1.845 − 0.91 = 1.245
    // Seuil_R  = 3.15 − 0.01·123 − 0.031·12     = 3.15 − 1.23 − 0.372 = 1.548
    expect(stats.thresholds.white_red).toBeCloseTo(1.245, 10);
    expect(stats.thresholds.red).toBeCloseTo(1.548, 10);
  });

  it('ignores days of other seasons and duplicates, and accepts a calendar map', () => {
    const withNoise: TempoDay[] = [
      ...days,
      { date: '2025-08-31', colour: 'RED' },
      { date: '2025-09-01', colour: 'RED' },
    ];
    expect(seasonStats('2025-2026', withNoise, '2026-01-01').red_used).toBe(10);
    const map = new Map(days.map((d) => [d.date, d.colour] as const));
    expect(seasonStats('2025-2026', map, '2026-01-01').white_used).toBe(20);
  });

  it('never reports a negative remaining stock', () => {
    const tooManyReds: TempoDay[] = Array.from({ length: 25 }, (_, i) => ({
      date: addDays('2025-11-03', i),
      colour: 'RED',
    }));
    expect(seasonStats('2025-2026', tooManyReds, '2025-12-01').red_remaining).toBe(0);
  });

  it('refuses a today outside the season', () => {
    expect(() => seasonStats('2025-2026', days, '2026-09-01')).toThrow(RangeError);
  });
});
