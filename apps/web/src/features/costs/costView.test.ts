import type { CostsResponse } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { costPeriods, daysTable, isPartialMonth, monthsTable, monthsWithDays, priceChangeDates } from './costView.ts';

const amounts = (kwh: number, energy: number, subscription: number, total: number) => ({
  kwh,
  energy_eur: energy,
  subscription_eur: subscription,
  total_eur: total,
  bands: [
    { band: 'hp', kwh: kwh / 2, energy_eur: energy / 2 },
    { band: 'hc', kwh: kwh / 2, energy_eur: energy / 2 },
  ],
});

const record = (id: string, first: string) => ({
  record_id: id,
  power_kva: 6,
  first_date: first,
  last_date: first,
  days: 1,
  valid_from: first,
  valid_to: null,
  subscription_eur_per_month: 15,
  prices: { hp: 0.2, hc: 0.15 },
  ...amounts(1, 1, 1, 2),
});

describe('costs view logic', () => {
  it('offers the last 12 months and each calendar year in Enedis’ 36 months, clipped and marked partial', () => {
    expect(costPeriods('2026-12-03', null)).toEqual([
      { id: 'rolling', start: '2025-12-03', end: '2026-12-03', partial: false },
      { id: '2026', start: '2026-01-01', end: '2026-12-03', partial: true },
      { id: '2025', start: '2025-01-01', end: '2026-01-01', partial: false },
      { id: '2024', start: '2024-01-01', end: '2025-01-01', partial: false },
      // The history starts the day after 36 months back: the server refuses anything earlier.
      { id: '2023', start: '2023-12-04', end: '2024-01-01', partial: true },
    ]);
    // A meter switched on last spring: nothing before, and the rolling year is cut too.
    expect(costPeriods('2026-12-03', '2026-04-15')).toEqual([
      { id: 'rolling', start: '2026-04-15', end: '2026-12-03', partial: true },
      { id: '2026', start: '2026-04-15', end: '2026-12-03', partial: true },
    ]);
    // On 1 January the running year has no day yet.
    expect(costPeriods('2027-01-01', null).map((period) => period.id)).toEqual(['rolling', '2026', '2025', '2024']);
  });

  it('marks the days new prices start, never the first day of the period', () => {
    const cost = { price_records: [record('a', '2025-02-01'), record('b', '2025-08-01'), record('c', '2026-02-01')] };
    expect(priceChangeDates(cost)).toEqual(['2025-08-01', '2026-02-01']);
    expect(priceChangeDates({ price_records: [record('a', '2025-02-01')] })).toEqual([]);
  });

  it('calls a month partial when it has fewer days than the calendar (February of a leap year too)', () => {
    expect(isPartialMonth({ month: '2024-02', days: 29 })).toBe(false);
    expect(isPartialMonth({ month: '2024-02', days: 28 })).toBe(true);
    expect(isPartialMonth({ month: '2025-02', days: 28 })).toBe(false);
  });

  it('downloads months and days exactly as the API priced them, band by band', () => {
    const cost = {
      ...amounts(30, 6, 4, 10),
      months: [{ month: '2025-01', days: 31, ...amounts(30, 6, 4, 10) }],
      daily: [
        {
          date: '2025-01-31',
          record_id: 'edf:x:HC_HP:6:2025-01-01',
          power_kva: 6,
          source: 'curve' as const,
          estimates: [],
          ...amounts(1, 0.2, 0.13, 0.33),
        },
      ],
    } as unknown as CostsResponse;
    const labels = {
      period: 'Mois',
      days: 'Jours',
      kwh: 'kWh',
      energy: 'Énergie',
      subscription: 'Abonnement',
      total: 'Total',
      band: (band: string) => band.toUpperCase(),
    };
    const months = monthsTable(cost, labels);
    expect(months.columns.map((column) => column.key)).toEqual([
      'month',
      'days',
      'kwh',
      'energy_eur',
      'subscription_eur',
      'total_eur',
      'hp_kwh',
      'hp_eur',
      'hc_kwh',
      'hc_eur',
    ]);
    expect(months.rows).toEqual([
      {
        month: '2025-01',
        days: 31,
        kwh: 30,
        energy_eur: 6,
        subscription_eur: 4,
        total_eur: 10,
        hp_kwh: 15,
        hp_eur: 3,
        hc_kwh: 15,
        hc_eur: 3,
      },
    ]);
    const days = daysTable(cost, { ...labels, record: 'Grille' });
    expect(days.rows[0]).toMatchObject({ date: '2025-01-31', total_eur: 0.33, record_id: 'edf:x:HC_HP:6:2025-01-01' });
    expect(monthsWithDays(cost)).toEqual(['2025-01']);
  });
});
