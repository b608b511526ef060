import { addDays, eachDay, tempoDayBounds, type TempoColour } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumptionRepository, type NewSlot } from '../src/features/rte/consumption.repository.ts';
import { createGenerationRepository } from '../src/features/rte/generation.repository.ts';
import { createTempoRepository } from '../src/features/rte/tempo.repository.ts';
import { createTempoService } from '../src/features/rte/tempo.service.ts';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const HOUR = 3_600_000;

function flat(from: Date, to: Date, value: number, stepMinutes: number): NewSlot[] {
  const slots: NewSlot[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += stepMinutes * 60_000) {
    slots.push({ start: new Date(t), end: new Date(t + stepMinutes * 60_000), value, updated: null });
  }
  return slots;
}

/**
 * The forecast read path on a real database: stored Tempo days, consumption and generation rows go
 * through the repositories' SQL, and every number below is computed by hand in the comments.
 */
describe.each(backends)('Tempo season counters and forecast inputs from stored data on $name', (backend) => {
  let server: TestServer;
  const now = new Date('2026-01-14T12:00:00Z'); // Wednesday 13:00 Paris

  beforeAll(async () => {
    server = await startTestServer(backend);
    const db = server.deps.db;
    const tempo = createTempoRepository(db);
    const consumption = createConsumptionRepository(db);
    const generation = createGenerationRepository(db);

    // Season 2025-2026 up to 14 January: 136 days, of which 10 white and 5 red, so 121 blue.
    const whites = new Set([...eachDay('2025-11-24', '2025-11-29'), ...eachDay('2025-12-15', '2025-12-20')]);
    const reds = new Set(['2025-12-01', '2025-12-02', '2025-12-03', '2026-01-05', '2026-01-06']);
    const colour = (date: string): TempoColour => (whites.has(date) ? 'WHITE' : reds.has(date) ? 'RED' : 'BLUE');
    // The previous season's last day must not count in this one.
    await tempo.upsert([
      { date: '2025-08-31', color: 'RED', rteUpdatedDate: null },
      ...eachDay('2025-09-01', '2026-01-15').map((date) => ({ date, color: colour(date), rteUpdatedDate: null })),
    ]);
    await db.deleteFrom('tempo_days').where('date', '=', '2026-01-15').execute(); // tomorrow: not published yet

    const d1 = tempoDayBounds('2026-01-15');
    const d2 = tempoDayBounds('2026-01-16');
    await consumption.upsert([
      {
        type: 'ID',
        values: [
          ...flat(d1.start, new Date(d1.start.getTime() + 12 * HOUR), 68_000, 15),
          ...flat(new Date(d1.start.getTime() + 12 * HOUR), d1.end, 72_000, 15),
        ],
      },
      { type: 'WEEKLY', values: [...flat(d1.start, d1.end, 50_000, 30), ...flat(d2.start, d2.end, 60_000, 30)] },
      // Realised values never enter a forecast.
      { type: 'REALISED', values: flat(d1.start, d1.end, 99_000, 15) },
    ]);
    await generation.upsert([
      {
        productionType: 'SOLAR',
        forecastType: 'ID',
        values: [
          ...flat(d1.start, new Date(d1.start.getTime() + 12 * HOUR), 2000, 30),
          ...flat(new Date(d1.start.getTime() + 12 * HOUR), d1.end, 0, 30),
        ],
      },
      { productionType: 'WIND', forecastType: 'D-1', values: flat(d1.start, d1.end, 6000, 30) },
      // The 7 days before `now`: solar 1500, wind 4500 on average.
      {
        productionType: 'SOLAR',
        forecastType: 'ID',
        values: flat(new Date(now.getTime() - 7 * 24 * HOUR), now, 1500, 30),
      },
      {
        productionType: 'WIND',
        forecastType: 'ID',
        values: flat(new Date(now.getTime() - 7 * 24 * HOUR), now, 4500, 30),
      },
    ]);
  });
  afterAll(async () => server.close());

  it('counts the season and forecasts the next two days', async () => {
    const db = server.deps.db;
    const service = createTempoService({
      tempo: createTempoRepository(db),
      consumption: createConsumptionRepository(db),
      generation: createGenerationRepository(db),
      api: server.deps.rte.api,
      log: server.app.log,
    });
    const result = await service.forecast(2, now);
    // Counters on 14 January (JourTempo 136): blue 121/300 → 179 left, white 10/43 → 33, red 5/22 → 17.
    // Thresholds that day: Seuil_BR = 4 − 0.015·136 − 0.026·50 = 0.66; Seuil_R = 3.15 − 1.36 − 0.031·17 = 1.263.
    expect(result.season).toBe('2025-2026');
    expect(result.season_stats).toMatchObject({
      day_in_season: 136,
      days_in_season: 365,
      blue_used: 121,
      blue_remaining: 179,
      white_used: 10,
      white_remaining: 33,
      red_used: 5,
      red_remaining: 17,
    });
    expect(result.season_stats.thresholds.white_red).toBeCloseTo(0.66, 10);
    expect(result.season_stats.thresholds.red).toBeCloseTo(1.263, 10);

    const [thursday, friday] = result.forecasts;
    // 15 January: consumption ID (12 h × 68 000 + 12 h × 72 000) / 24 = 70 000, solar ID 1000, wind D-1 6000
    // → net 63 000 → x = 1.0; P(red) = σ((1 − 1.253)/0.2) = 0.22, P(white) = 0.78·σ(1.775) = 0.667.
    expect(thursday).toMatchObject({
      date: '2026-01-15',
      normalized_consumption: 1,
      probability_red: 22,
      probability_white: 66.7,
      most_likely: 'WHITE',
      factors: { consumption_mw: 70_000, solar_mw: 1000, wind_mw: 6000, net_consumption_mw: 63_000 },
    });
    // 16 January: WEEKLY 60 000 − 7-day solar 1500 − 7-day wind 4500 = 54 000 → x = −0.125 → blue 0.979.
    expect(friday).toMatchObject({
      date: '2026-01-16',
      normalized_consumption: -0.125,
      probability_blue: 97.9,
      factors: {
        consumption_source: 'WEEKLY',
        generation_source: 'recent_average',
        solar_mw: 1500,
        wind_mw: 4500,
        white_remaining: 32,
      },
    });
  });

  it('today: the calendar colour and the colour in force under the 06:00 rule', async () => {
    const service = createTempoService({
      tempo: createTempoRepository(server.deps.db),
      consumption: createConsumptionRepository(server.deps.db),
      generation: createGenerationRepository(server.deps.db),
      api: server.deps.rte.api,
      log: server.app.log,
    });
    // 3 December is red, 4 December blue: at 05:59 Paris on the 4th the calendar says blue, but the red tariff
    // day of the 3rd runs until 06:00.
    const early = await service.today(new Date('2025-12-04T04:59:00Z'));
    expect(early).toMatchObject({
      date: '2025-12-04',
      color: 'BLUE',
      tariff_day_in_force: {
        date: '2025-12-03',
        color: 'RED',
        starts_at: '2025-12-03T06:00:00+01:00',
        ends_at: '2025-12-04T06:00:00+01:00',
      },
      tomorrow: { date: '2025-12-05', color: 'BLUE' },
    });
    const later = await service.today(new Date('2025-12-04T05:00:00Z'));
    expect(later.tariff_day_in_force).toMatchObject({ date: '2025-12-04', color: 'BLUE' });
    expect(addDays(later.date, 1)).toBe(later.tomorrow.date);
  });
});
