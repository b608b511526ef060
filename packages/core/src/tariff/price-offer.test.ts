/**
 * Hand-computed costs (issue 10, "Tests"). Prices are test values; every expected figure is worked out
 * in the comment above it, to the cent, with rounding only at the end (halves away from zero).
 */
import { describe, expect, it } from 'vitest';
import { toTempoCalendar } from '../tempo/colours.ts';
import { priceOffer } from './price-offer.ts';
import { flat, prepared, record } from './test-fixtures.ts';
import type { TariffContext } from './types.ts';

const at6kva: TariffContext = { powers: [{ start: '2000-01-01', end: null, value: 6 }] };
const band = (cost: { bands: { band: string; kwh: number; energy_eur: number }[] }, name: string) =>
  cost.bands.find((entry) => entry.band === name);

describe('BASE across the 2025-08-01 price change', () => {
  const before = record('BASE', 6, '2025-02-01', '2025-07-31', 12.03, { base: 0.2016 });
  const after = record('BASE', 6, '2025-08-01', null, 15.47, { base: 0.1952 });

  it('prices each day with the record valid on its local date', () => {
    // 1,000 W flat = 24 kWh a day. Energy 24 × 0.2016 + 24 × 0.1952 = 4.8384 + 4.6848 = 9.5232.
    // Subscription (12.03 + 15.47) × 12 / 365 = 330 / 365 = 0.904109…; total 10.427309… → 10.43.
    const cost = priceOffer([before, after], prepared('2025-07-31', '2025-08-02', flat(1000)), at6kva, {
      breakdown: true,
      intervals: true,
    });
    expect(cost).toMatchObject({ kwh: 48, energy_eur: 9.52, subscription_eur: 0.9, total_eur: 10.43, days: 2 });
    expect(cost.records.map((use) => [use.record_id, use.first_date, use.days, use.energy_eur])).toEqual([
      [before.id, '2025-07-31', 1, 4.84],
      [after.id, '2025-08-01', 1, 4.68],
    ]);
    expect(cost.daily?.map((day) => [day.date, day.record_id, day.total_eur])).toEqual([
      ['2025-07-31', before.id, 5.23], // 4.8384 + 12.03 × 12 / 365 (0.395507…) = 5.233907…
      ['2025-08-01', after.id, 5.19], // 4.6848 + 15.47 × 12 / 365 (0.508603…) = 5.193403…
    ]);
    // The half-hour before midnight keeps the old record, the one after takes the new one.
    const lines = cost.intervals ?? [];
    expect(lines).toHaveLength(96);
    expect(lines[47]).toMatchObject({ record_id: before.id, band: 'base', kwh: 0.5, price_eur_per_kwh: 0.2016 });
    expect(lines[48]).toMatchObject({ record_id: after.id, band: 'base', kwh: 0.5, price_eur_per_kwh: 0.1952 });
    expect(cost.estimates).toEqual([]);
    expect(cost.uncovered).toEqual([]);
  });
});

describe('HC_HP with two windows on both DST nights', () => {
  // 23:00–05:00 and 13:00–15:00: 8 hours on an ordinary day.
  const offpeak: TariffContext = {
    ...at6kva,
    offpeak: [{ start: '2000-01-01', end: null, value: ['23:00-05:00', '13:00-15:00'] }],
  };
  const hcHp = record('HC_HP', 6, '2025-01-01', null, 12, { hp: 0.27, hc: 0.2068 });

  it('counts a 5-hour night into the March Sunday (the local 02:00 hour does not exist)', () => {
    const consumption = prepared('2025-03-29', '2025-03-31', flat(1000));
    expect(consumption.days.map((day) => day.curveTo - day.curveFrom)).toEqual([48, 46]);
    // Saturday: HC 00–05, 13–15, 23–24 = 8 h; HP 16 h. Sunday (23 h): HC 4 + 2 + 1 = 7 h; HP 16 h.
    // HC 15 kWh × 0.2068 = 3.102; HP 32 kWh × 0.27 = 8.64; energy 11.742.
    // Subscription 2 × 12 × 12 / 365 = 0.789041…; total 12.531041… → 12.53.
    const cost = priceOffer([hcHp], consumption, offpeak, { breakdown: true });
    expect(band(cost, 'hc')).toEqual({ band: 'hc', kwh: 15, energy_eur: 3.1 });
    expect(band(cost, 'hp')).toEqual({ band: 'hp', kwh: 32, energy_eur: 8.64 });
    expect(cost).toMatchObject({ energy_eur: 11.74, subscription_eur: 0.79, total_eur: 12.53 });
    // The Saturday 23:00 → Sunday 05:00 night holds 1 + 4 = 5 real hours.
    expect(cost.daily?.map((day) => band(day, 'hc')?.kwh)).toEqual([8, 7]);
  });

  it('counts a 7-hour night into the October Sunday (the local 02:00 hour happens twice)', () => {
    const consumption = prepared('2025-10-25', '2025-10-27', flat(1000));
    expect(consumption.days.map((day) => day.curveTo - day.curveFrom)).toEqual([48, 50]);
    // Sunday (25 h): HC 6 + 2 + 1 = 9 h. HC 17 kWh × 0.2068 = 3.5156; HP 32 × 0.27 = 8.64; energy 12.1556.
    // Total 12.1556 + 0.789041… = 12.944641… → 12.94.
    const cost = priceOffer([hcHp], consumption, offpeak, { breakdown: true });
    expect(cost.daily?.map((day) => band(day, 'hc')?.kwh)).toEqual([8, 9]);
    expect(cost).toMatchObject({ kwh: 49, energy_eur: 12.16, total_eur: 12.94 });
  });

  it('splits a half-hour across a window edge by minutes (22:50–06:50) and flags unknown windows', () => {
    const odd: TariffContext = { ...at6kva, offpeak: [{ start: '2000-01-01', end: null, value: ['22:50-06:50'] }] };
    // 1,200 W at 22:30–23:00 only: 20 min HP (400 Wh) and 10 min HC (200 Wh).
    const consumption = prepared('2025-06-02', '2025-06-03', (hour, minute) =>
      hour === 22 && minute === 30 ? 1200 : 0,
    );
    const cost = priceOffer([hcHp], consumption, odd);
    expect(band(cost, 'hp')?.kwh).toBe(0.4);
    expect(band(cost, 'hc')?.kwh).toBe(0.2);
    expect(cost.estimates).toEqual([]);
    const unknown = priceOffer([hcHp], consumption, at6kva);
    expect(unknown.estimates).toEqual([{ reason: 'HC_WINDOWS_UNKNOWN', dates: ['2025-06-02'] }]);
  });

  it('follows the windows of the contract period in force on each date', () => {
    const changed: TariffContext = {
      ...at6kva,
      offpeak: [
        { start: '2000-01-01', end: '2025-11-02', value: ['22:00-06:00'] },
        { start: '2025-11-02', end: null, value: ['02:00-07:00', '13:00-16:00'] },
      ],
    };
    // 1,000 W only at 22:00–23:00: HC under the old windows, HP under the new ones.
    const cost = priceOffer(
      [hcHp],
      prepared('2025-11-01', '2025-11-03', (hour) => (hour === 22 ? 1000 : 0)),
      changed,
      {
        breakdown: true,
      },
    );
    expect(cost.daily?.map((day) => [band(day, 'hc')?.kwh, band(day, 'hp')?.kwh])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});

describe('Tempo', () => {
  const tempo = record('TEMPO', 6, '2024-11-01', null, 15.5, {
    tempo_blue_hc: 0.1288,
    tempo_blue_hp: 0.1552,
    tempo_white_hc: 0.1447,
    tempo_white_hp: 0.1792,
    tempo_red_hc: 0.1518,
    tempo_red_hp: 0.6586,
  });

  it('prices a red day with 00:00–06:00 at the previous (white) day and fixed 22:00–06:00 HC', () => {
    const context: TariffContext = {
      ...at6kva,
      tempo: toTempoCalendar({ '2025-01-14': 'WHITE', '2025-01-15': 'RED' }),
    };
    // 2025-01-15, 1,000 W: white HC 00–06 = 6 kWh × 0.1447 = 0.8682; red HP 06–22 = 16 × 0.6586 = 10.5376;
    // red HC 22–24 = 2 × 0.1518 = 0.3036. Energy 11.7094; subscription 15.5 × 12 / 365 = 0.509589…;
    // total 12.218989… → 12.22. The contract's own windows do not matter for Tempo.
    const withWindows = {
      ...context,
      offpeak: [{ start: '2000-01-01', end: null, value: ['01:00-07:00', '12:00-14:00'] }],
    };
    for (const ctx of [context, withWindows]) {
      const cost = priceOffer([tempo], prepared('2025-01-15', '2025-01-16', flat(1000)), ctx);
      expect(cost.bands.filter((entry) => entry.kwh > 0)).toEqual([
        { band: 'tempo_white_hc', kwh: 6, energy_eur: 0.87 },
        { band: 'tempo_red_hc', kwh: 2, energy_eur: 0.3 },
        { band: 'tempo_red_hp', kwh: 16, energy_eur: 10.54 },
      ]);
      expect(cost).toMatchObject({ energy_eur: 11.71, subscription_eur: 0.51, total_eur: 12.22, estimates: [] });
    }
  });

  it('flags a tariff day whose colour is not published instead of guessing silently', () => {
    const context: TariffContext = { ...at6kva, tempo: toTempoCalendar({ '2025-01-14': 'WHITE' }) };
    const cost = priceOffer([tempo], prepared('2025-01-15', '2025-01-16', flat(1000)), context);
    expect(cost.estimates).toEqual([{ reason: 'TEMPO_COLOUR_UNKNOWN', dates: ['2025-01-15'] }]);
    expect(band(cost, 'tempo_blue_hp')?.kwh).toBe(16);
  });

  it('refuses a power the offer is not sold for (no 24 kVA Tempo)', () => {
    const cost = priceOffer([tempo], prepared('2025-01-15', '2025-01-16', flat(1000)), {
      powers: [{ start: '2000-01-01', end: null, value: 24 }],
    });
    expect(cost.uncovered).toEqual([{ reason: 'NO_PRICE_RECORD', dates: ['2025-01-15'] }]);
    expect(cost.days).toBe(0);
  });
});

describe('EJP', () => {
  const ejp = record('EJP', 9, '2026-02-01', null, 17.89, { ejp_normal: 0.1781, ejp_peak: 0.344 });
  const at9kva: TariffContext = { powers: [{ start: '2000-01-01', end: null, value: 9 }] };

  it('prices 07:00 → 01:00 of a published peak day at the peak price', () => {
    const context: TariffContext = {
      ...at9kva,
      ejpPeakDays: { start: '2025-11-01', end: '2026-04-01', days: new Set(['2026-02-09']) },
    };
    // Monday 2026-02-09 peak, 1,000 W. Peak: Mon 07–24 (17 h) + Tue 00–01 (1 h) = 18 kWh × 0.344 = 6.192.
    // Normal: 7 + 23 = 30 kWh × 0.1781 = 5.343. Energy 11.535 exactly → 11.54 (half away from zero).
    // Subscription 2 × 17.89 × 12 / 365 = 1.176328…; total 12.711328… → 12.71.
    const cost = priceOffer([ejp], prepared('2026-02-09', '2026-02-11', flat(1000)), context);
    expect(band(cost, 'ejp_peak')?.kwh).toBe(18);
    expect(band(cost, 'ejp_normal')?.kwh).toBe(30);
    expect(cost).toMatchObject({ energy_eur: 11.54, subscription_eur: 1.18, total_eur: 12.71, estimates: [] });
  });

  it('flags winter days without a calendar (priced at the normal price), not summer days', () => {
    const winter = priceOffer([ejp], prepared('2026-02-09', '2026-02-10', flat(1000)), at9kva);
    expect(winter.estimates).toEqual([{ reason: 'EJP_CALENDAR_MISSING', dates: ['2026-02-09'] }]);
    expect(band(winter, 'ejp_peak')?.kwh).toBe(0);
    const summer = priceOffer([ejp], prepared('2026-06-09', '2026-06-10', flat(1000)), at9kva);
    expect(summer.estimates).toEqual([]);
  });
});

describe('Zen Flex', () => {
  const zen = record(
    'ZEN_FLEX',
    6,
    '2026-02-01',
    null,
    15,
    { zen_flex_eco_hc: 0.1, zen_flex_eco_hp: 0.2, zen_flex_sobriety_hc: 0.2, zen_flex_sobriety_hp: 0.7 },
    'zen-flex',
    { default: ['00:00-08:00', '13:00-18:00', '20:00-24:00'] },
  );

  it('prices a sobriety day and an eco day with HP 08–13 and 18–20', () => {
    const context: TariffContext = {
      ...at6kva,
      zenFlexSobrietyDays: { start: '2026-01-01', end: '2027-01-01', days: new Set(['2026-02-10']) },
    };
    // 1,000 W. Sobriety 2026-02-10: HC 17 kWh × 0.2 = 3.4, HP 7 × 0.7 = 4.9. Eco 2026-02-11: 17 × 0.1 + 7 × 0.2 = 3.1.
    const cost = priceOffer([zen], prepared('2026-02-10', '2026-02-12', flat(1000)), context, { breakdown: true });
    expect(cost.daily?.map((day) => day.energy_eur)).toEqual([8.3, 3.1]);
    expect(cost.energy_eur).toBe(11.4);
    expect(cost.estimates).toEqual([]);
  });

  it('without a calendar prices eco days and says it is an estimate', () => {
    const cost = priceOffer([zen], prepared('2026-02-10', '2026-02-11', flat(1000)), at6kva);
    expect(cost.energy_eur).toBe(3.1);
    expect(cost.estimates).toEqual([{ reason: 'ZEN_FLEX_CALENDAR_MISSING', dates: ['2026-02-10'] }]);
  });
});

describe('week-end offer across a public holiday', () => {
  const weekend = record('BASE_WEEKEND', 6, '2025-01-01', null, 12, { base: 0.2, base_weekend: 0.15 });

  it('prices Thursday 1 May as a weekday, with the curve or with daily totals alike', () => {
    // Wed 30 Apr, Thu 1 May (holiday), Fri 2 May: 72 kWh × 0.2 = 14.4; Sat, Sun: 48 kWh × 0.15 = 7.2.
    const fromCurve = priceOffer([weekend], prepared('2025-04-30', '2025-05-05', flat(1000)), at6kva);
    expect(fromCurve.bands).toEqual([
      { band: 'base', kwh: 72, energy_eur: 14.4 },
      { band: 'base_weekend', kwh: 48, energy_eur: 7.2 },
    ]);
    const daily = ['2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04'].map((date) => ({
      date,
      wh: 24_000,
    }));
    const fromDaily = priceOffer([weekend], prepared('2025-04-30', '2025-05-05', null, daily), at6kva);
    expect(fromDaily.bands).toEqual(fromCurve.bands);
    expect(fromDaily.estimates).toEqual([]);
  });

  it('says when daily totals had to be split between HP and HC', () => {
    const hcWeekend = record('HC_WEEKEND', 6, '2025-01-01', null, 12, {
      hp: 0.25,
      hc: 0.2,
      hp_weekend: 0.15,
      hc_weekend: 0.15,
    });
    const context: TariffContext = { ...at6kva, offpeak: [{ start: '2000-01-01', end: null, value: ['22:00-06:00'] }] };
    // Friday 2 May: 24 kWh split 16 HP / 8 HC by hours (estimate); Saturday: one week-end price (exact).
    const daily = [
      { date: '2025-05-02', wh: 24_000 },
      { date: '2025-05-03', wh: 24_000 },
    ];
    const cost = priceOffer([hcWeekend], prepared('2025-05-02', '2025-05-04', null, daily), context);
    expect(cost.estimates).toEqual([{ reason: 'DAILY_DATA_SPLIT', dates: ['2025-05-02'] }]);
    expect(cost.bands.map((entry) => entry.kwh)).toEqual([16, 8, 0, 24]);
  });
});

describe('subscription', () => {
  const base = record('BASE', 6, '2020-01-01', null, 12, { base: 0.2 });
  const noConsumption = (start: string, end: string) => prepared(start, end, null);

  it('prorates a partial month by days: 12 × 12 × 20 / 365 = 7.890410… → 7.89', () => {
    const cost = priceOffer([base], noConsumption('2024-02-10', '2024-03-01'), at6kva);
    expect(cost).toMatchObject({ days: 20, subscription_eur: 7.89, total_eur: 7.89, energy_eur: 0 });
    expect(cost.estimates.map((estimate) => estimate.reason)).toContain('NO_CONSUMPTION_DATA');
  });

  it('charges a leap year 366 days: 144 × 366 / 365 = 144.394520… → 144.39; a common year 144.00', () => {
    expect(priceOffer([base], noConsumption('2024-01-01', '2025-01-01'), at6kva).subscription_eur).toBe(144.39);
    const common = priceOffer([base], noConsumption('2025-01-01', '2026-01-01'), at6kva, { breakdown: true });
    expect(common.subscription_eur).toBe(144);
    // Months are rounded on their own: 7 × 12.23 + 4 × 11.84 + 11.05 = 144.02, yet the year is 144.00.
    expect(common.months?.map((month) => month.subscription_eur)).toEqual([
      12.23, 11.05, 12.23, 11.84, 12.23, 11.84, 12.23, 12.23, 11.84, 12.23, 11.84, 12.23,
    ]);
  });
});

describe('power change mid-period', () => {
  it('switches to the record of the new power on the day the contract changes', () => {
    const six = record('BASE', 6, '2025-02-01', null, 12, { base: 0.2 });
    const nine = record('BASE', 9, '2025-02-01', null, 15, { base: 0.21 });
    const context: TariffContext = {
      powers: [
        { start: '2020-01-01', end: '2025-03-10', value: 6 },
        { start: '2025-03-10', end: null, value: 9 },
      ],
    };
    const daily = ['2025-03-08', '2025-03-09', '2025-03-10', '2025-03-11'].map((date) => ({ date, wh: 10_000 }));
    // Energy 20 kWh × 0.2 + 20 × 0.21 = 8.2; subscription (2 × 12 + 2 × 15) × 12 / 365 = 1.775342…;
    // total 9.975342… → 9.98.
    const cost = priceOffer([six, nine], prepared('2025-03-08', '2025-03-12', null, daily), context);
    expect(cost).toMatchObject({ energy_eur: 8.2, subscription_eur: 1.78, total_eur: 9.98, estimates: [] });
    expect(cost.records.map((use) => [use.record_id, use.power_kva, use.days])).toEqual([
      [six.id, 6, 2],
      [nine.id, 9, 2],
    ]);
  });

  it('reports days the contract gives no power for', () => {
    const six = record('BASE', 6, '2025-02-01', null, 12, { base: 0.2 });
    const cost = priceOffer([six], prepared('2025-03-08', '2025-03-10', null), {
      powers: [{ start: '2025-03-09', end: null, value: 6 }],
    });
    expect(cost.uncovered).toEqual([{ reason: 'POWER_UNKNOWN', dates: ['2025-03-08'] }]);
  });
});

describe('open-ended price records', () => {
  it('flags days priced six months or more after an open-ended record started, not before', () => {
    const open = record('BASE', 6, '2026-02-01', null, 12, { base: 0.2 });
    const cost = priceOffer([open], prepared('2026-07-31', '2026-08-02', flat(1000)), at6kva);
    expect(cost.estimates).toEqual([{ reason: 'PRICE_RECORD_MAY_BE_OUTDATED', dates: ['2026-08-01'] }]);
    const closed = record('BASE', 6, '2025-02-01', '2026-01-31', 12, { base: 0.2 });
    expect(priceOffer([closed], prepared('2025-12-01', '2025-12-02', flat(1000)), at6kva).estimates).toEqual([]);
  });
});
