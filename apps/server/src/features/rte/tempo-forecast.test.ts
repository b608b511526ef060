import { addDays, eachDay, tempoDayBounds, type TempoColour } from '@med/core';
import { describe, expect, it } from 'vitest';
import { forecastTempo, redEligibleDaysLeft, windowMean, type SourcedSlot } from './tempo-forecast.ts';

const HOUR = 3_600_000;

/** Blue from 1 September to `until`, except the listed days. */
function calendar(
  seasonStart: string,
  until: string,
  overrides: Record<string, TempoColour>,
): Map<string, TempoColour> {
  return new Map(eachDay(seasonStart, addDays(until, 1)).map((date) => [date, overrides[date] ?? 'BLUE']));
}

/** Constant `value` from `from` to `to` in `stepMinutes` slots. */
function flat(from: number, to: number, value: number, source: string, stepMinutes = 15): SourcedSlot[] {
  const slots: SourcedSlot[] = [];
  for (let t = from; t < to; t += stepMinutes * 60_000) {
    slots.push({ start: t, end: t + stepMinutes * 60_000, value, source });
  }
  return slots;
}

describe('windowMean', () => {
  const { start, end } = tempoDayBounds('2026-01-15');
  const from = start.getTime();
  const to = end.getTime();

  it('takes each 15-minute cell from the freshest source and weights by time', () => {
    // 12 h at 68 000 then 12 h at 72 000 (ID) → 70 000; WEEKLY at 50 000 everywhere loses to ID.
    const slots = [
      ...flat(from, from + 12 * HOUR, 68_000, 'ID'),
      ...flat(from + 12 * HOUR, to, 72_000, 'ID'),
      ...flat(from, to, 50_000, 'WEEKLY', 30),
    ];
    expect(windowMean(slots, from, to, ['ID', 'WEEKLY'])).toEqual({ mean: 70_000, coverage: 1, sources: ['ID'] });
  });

  it('fills gaps from a lower-ranked source and reports both', () => {
    // ID covers the first 6 h at 60 000, WEEKLY the rest at 64 000: (6·60 000 + 18·64 000) / 24 = 63 000.
    const slots = [...flat(from, from + 6 * HOUR, 60_000, 'ID'), ...flat(from, to, 64_000, 'WEEKLY', 30)];
    expect(windowMean(slots, from, to, ['ID', 'WEEKLY'])).toEqual({
      mean: 63_000,
      coverage: 1,
      sources: ['ID', 'WEEKLY'],
    });
  });

  it('is null below half coverage and ignores unknown sources', () => {
    expect(windowMean(flat(from, from + 11 * HOUR, 60_000, 'ID'), from, to, ['ID'])).toBeNull();
    expect(windowMean(flat(from, to, 60_000, 'REALISED'), from, to, ['ID'])).toBeNull();
    expect(windowMean(flat(from, from + 12 * HOUR, 60_000, 'ID'), from, to, ['ID'])).toMatchObject({
      mean: 60_000,
      coverage: 0.5,
    });
  });

  it('handles the 23-hour tariff day of the spring DST change', () => {
    const dst = tempoDayBounds('2026-03-28'); // 28 March 06:00 → 29 March 06:00 loses an hour
    expect(dst.end.getTime() - dst.start.getTime()).toBe(23 * HOUR);
    expect(
      windowMean(flat(dst.start.getTime(), dst.end.getTime(), 55_000, 'ID'), dst.start.getTime(), dst.end.getTime(), [
        'ID',
      ]),
    ).toEqual({ mean: 55_000, coverage: 1, sources: ['ID'] });
  });
});

describe('forecastTempo, hand-computed', () => {
  // Season 2025-2026 stored up to Wednesday 2026-01-14: 136 days, 10 white, 5 red, 121 blue.
  const whites = [
    '2025-11-24',
    '2025-11-25',
    '2025-11-26',
    '2025-11-27',
    '2025-11-28',
    '2025-12-15',
    '2025-12-16',
    '2025-12-17',
    '2025-12-18',
    '2025-12-19',
  ];
  const reds = ['2025-12-01', '2025-12-02', '2025-12-03', '2026-01-05', '2026-01-06'];
  const stored = calendar(
    '2025-09-01',
    '2026-01-14',
    Object.fromEntries<TempoColour>([
      ...whites.map((d) => [d, 'WHITE'] as const),
      ...reds.map((d) => [d, 'RED'] as const),
    ]),
  );
  const d1 = tempoDayBounds('2026-01-15');
  const d2 = tempoDayBounds('2026-01-16');
  const d3 = tempoDayBounds('2026-01-17');
  const d4 = tempoDayBounds('2026-01-18');
  const input = {
    today: '2026-01-14',
    days: 4,
    stored,
    consumption: [
      ...flat(d1.start.getTime(), d1.start.getTime() + 12 * HOUR, 68_000, 'ID'),
      ...flat(d1.start.getTime() + 12 * HOUR, d1.end.getTime(), 72_000, 'ID'),
      ...flat(d1.start.getTime(), d1.end.getTime(), 50_000, 'WEEKLY', 30),
      ...flat(d2.start.getTime(), d2.end.getTime(), 60_000, 'WEEKLY', 30),
      ...flat(d3.start.getTime(), d4.end.getTime(), 75_000, 'WEEKLY', 30),
    ],
    solar: [
      ...flat(d1.start.getTime(), d1.start.getTime() + 12 * HOUR, 2000, 'ID', 30),
      ...flat(d1.start.getTime() + 12 * HOUR, d1.end.getTime(), 0, 'ID', 30),
    ],
    wind: [
      ...flat(d1.start.getTime(), d1.end.getTime(), 6000, 'D-1', 30),
      ...flat(d1.start.getTime(), d1.end.getTime(), 9999, 'CURRENT', 15),
    ],
    recentSolarMw: 1500,
    recentWindMw: 4500,
  };

  it('Thursday 15 January: inputs, thresholds and probabilities', () => {
    const [day] = forecastTempo(input);
    // JourTempo: 30 (Sep) + 31 (Oct) + 30 (Nov) + 31 (Dec) + 15 = 137. Stock left: white 43 − 10 = 33, red 22 − 5 = 17.
    // Seuil_BR = 4 − 0.015·137 − 0.026·(33 + 17) = 4 − 2.055 − 1.3 = 0.645
    // Seuil_R  = 3.15 − 0.01·137 − 0.031·17 = 3.15 − 1.37 − 0.527 = 1.253
    // Consumption (ID beats WEEKLY) = (12·68 000 + 12·72 000) / 24 = 70 000; solar (ID) = 12·2000 / 24 = 1000;
    // wind D-1 (beats CURRENT) = 6000 → net 63 000 → x = (63 000 − 55 000) / 8 000 = 1.0
    // P(red) = σ((1.0 − 1.253) / 0.2) = 1 / (1 + e^1.265) = 0.2201 → 0.22
    // P(white) = (1 − 0.2201) · σ((1.0 − 0.645) / 0.2) = 0.7799 · 1 / (1 + e^−1.775) = 0.7799 · 0.8551 = 0.6669 → 0.667
    // P(blue) = 1 − 0.22 − 0.667 = 0.113
    expect(day).toMatchObject({
      date: '2026-01-15',
      day_in_season: 137,
      threshold_white_red: 0.645,
      threshold_red: 1.253,
      normalized_consumption: 1,
      probability_red: 22,
      probability_white: 66.7,
      probability_blue: 11.3,
      most_likely: 'WHITE',
      confidence: 'medium',
      confidence_score: 0.667,
      forecast_type: 'forecast',
      factors: {
        consumption_mw: 70_000,
        consumption_source: 'ID',
        solar_mw: 1000,
        wind_mw: 6000,
        generation_source: 'forecast',
        net_consumption_mw: 63_000,
        white_remaining: 33,
        red_remaining: 17,
        white_allowed: true,
        red_allowed: true,
        red_forced_by_stock: false,
      },
    });
  });

  it('Friday 16 January: stock after a white Thursday, generation from the 7-day average', () => {
    const day = forecastTempo(input)[1];
    // Thursday's most likely colour (white) is spent: white 32, red 17; JourTempo 138.
    // Seuil_BR = 4 − 2.07 − 0.026·49 = 0.656; Seuil_R = 3.15 − 1.38 − 0.527 = 1.243
    // Consumption WEEKLY 60 000 − recent solar 1500 − recent wind 4500 = 54 000 → x = −0.125
    // P(red) = σ(−6.84) = 0.0011 → 0.001; P(white) = 0.9989 · σ(−3.905) = 0.0197 → 0.02; P(blue) = 0.979
    expect(day).toMatchObject({
      day_in_season: 138,
      threshold_white_red: 0.656,
      threshold_red: 1.243,
      normalized_consumption: -0.125,
      probability_red: 0.1,
      probability_white: 2,
      probability_blue: 97.9,
      most_likely: 'BLUE',
      factors: {
        consumption_source: 'WEEKLY',
        generation_source: 'recent_average',
        net_consumption_mw: 54_000,
        white_remaining: 32,
        red_remaining: 17,
      },
    });
  });

  it('the weekend: no red on Saturday, only blue on Sunday', () => {
    const [, , saturday, sunday] = forecastTempo(input);
    // Saturday: x = (75 000 − 6 000 − 55 000) / 8 000 = 1.75; Seuil_BR (JourTempo 139, 32 + 17 left) = 4 − 2.085 − 1.274 = 0.641
    // P(white) = σ((1.75 − 0.641) / 0.2) = σ(5.545) = 0.9961 → 0.996; red is not allowed on a Saturday.
    expect(saturday).toMatchObject({
      date: '2026-01-17',
      probability_red: 0,
      probability_white: 99.6,
      probability_blue: 0.4,
      most_likely: 'WHITE',
      factors: { red_allowed: false, white_allowed: true },
    });
    // Sunday: the same cold, yet blue is certain. Saturday's white is spent: Seuil_BR = 4 − 2.1 − 0.026·48 = 0.652.
    expect(sunday).toMatchObject({
      date: '2026-01-18',
      probability_red: 0,
      probability_white: 0,
      probability_blue: 100,
      most_likely: 'BLUE',
      threshold_white_red: 0.652,
      factors: { white_allowed: false },
    });
  });

  it('a day RTE already published is reported as such and consumes its stock', () => {
    const withRed = new Map(stored).set('2026-01-15', 'RED');
    const [published, friday] = forecastTempo({ ...input, stored: withRed });
    expect(published).toMatchObject({
      forecast_type: 'published',
      probability_red: 100,
      probability_white: 0,
      probability_blue: 0,
      most_likely: 'RED',
      confidence: 'high',
      confidence_score: 1,
    });
    // Friday now sees red 16 left: Seuil_R = 3.15 − 1.38 − 0.031·16 = 1.274.
    expect(friday).toMatchObject({ threshold_red: 1.274, factors: { red_remaining: 16, white_remaining: 33 } });
  });

  it('red is certain when the red days left fill the remaining red-eligible days', () => {
    // Friday 27 March 2026 with 19 red days spent: 3 left. Eligible from Monday 30 March: 30 and 31 March only.
    const redDays = [
      ...eachDay('2026-01-05', '2026-01-10'),
      ...eachDay('2026-01-12', '2026-01-17'),
      ...eachDay('2026-02-02', '2026-02-07'),
      ...eachDay('2026-02-09', '2026-02-14'),
    ].slice(0, 19);
    const march = calendar(
      '2025-09-01',
      '2026-03-27',
      Object.fromEntries<TempoColour>(redDays.map((d) => [d, 'RED'] as const)),
    );
    expect(redEligibleDaysLeft('2026-03-30')).toBe(2);
    const monday = tempoDayBounds('2026-03-30');
    const mild = flat(tempoDayBounds('2026-03-28').start.getTime(), monday.end.getTime(), 40_000, 'WEEKLY', 30);
    const [saturday, , mondayForecast] = forecastTempo({
      today: '2026-03-27',
      days: 3,
      stored: march,
      consumption: mild,
      solar: [],
      wind: [],
      recentSolarMw: 0,
      recentWindMw: 0,
    });
    expect(saturday?.probability_red).toBe(0);
    // x = (40 000 − 55 000) / 8 000 = −1.875: far below Seuil_R, yet the stock forces red.
    expect(mondayForecast).toMatchObject({
      date: '2026-03-30',
      normalized_consumption: -1.875,
      probability_red: 100,
      most_likely: 'RED',
      factors: { red_remaining: 3, red_forced_by_stock: true },
    });
  });

  it('an exhausted stock removes the colour whatever the consumption', () => {
    const allReds = eachDay('2025-12-01', '2026-01-14')
      .filter((d) => new Date(`${d}T12:00:00Z`).getUTCDay() % 6 !== 0)
      .slice(0, 22);
    const spent = calendar(
      '2025-09-01',
      '2026-01-14',
      Object.fromEntries<TempoColour>(allReds.map((d) => [d, 'RED'] as const)),
    );
    const [day] = forecastTempo({
      ...input,
      days: 1,
      stored: spent,
      consumption: flat(d1.start.getTime(), d1.end.getTime(), 90_000, 'ID'),
    });
    expect(day).toMatchObject({
      probability_red: 0,
      most_likely: 'WHITE',
      factors: { red_remaining: 0, red_allowed: false },
    });
  });

  it('without consumption data falls back to the stock prior', () => {
    const [day] = forecastTempo({ ...input, days: 1, consumption: [] });
    // 17 red left over 54 red-eligible days (15 Jan–31 Mar, weekdays, no holiday) → 0.315.
    expect(redEligibleDaysLeft('2026-01-15')).toBe(54);
    expect(day).toMatchObject({ forecast_type: 'no_data', normalized_consumption: null, probability_red: 31.5 });
  });
});
