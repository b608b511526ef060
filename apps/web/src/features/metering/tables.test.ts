import {
  balanceDays,
  fillDays,
  monthlyBalance,
  toEnergySlots,
  toCsv,
  CSV_FORMATS,
  type MonthComparison,
} from '@med/core';
import { describe, expect, it } from 'vitest';
import {
  balanceTable,
  curveTable,
  dailyTable,
  maxPowerTable,
  monthlyComparisonTable,
  offpeakTable,
  yearTotalsTable,
} from './tables.ts';

describe('chart tables', () => {
  it('daily: ISO dates and kWh rounded to the Wh', () => {
    const table = dailyTable(
      fillDays([
        { date: '2025-01-01', wh: 12_345.4 },
        { date: '2025-01-03', wh: 999.6 },
      ]),
      { date: 'Date', energy: 'Énergie (kWh)' },
    );
    expect(table.rows).toEqual([
      { date: '2025-01-01', kwh: 12.345 },
      { date: '2025-01-02', kwh: null },
      { date: '2025-01-03', kwh: 1 },
    ]);
    expect(toCsv(table, CSV_FORMATS.fr)).toBe(
      '\uFEFFDate;Énergie (kWh)\r\n2025-01-01;12,345\r\n2025-01-02;\r\n2025-01-03;1\r\n',
    );
  });

  it('year totals keep coverage', () => {
    const table = yearTotalsTable(
      [
        {
          period: '2025',
          wh: 1_000_000,
          days: 300,
          daysInPeriod: 365,
          firstDate: '2025-01-01',
          lastDate: '2025-10-27',
        },
      ],
      {
        year: 'y',
        energy: 'e',
        days: 'd',
        first: 'f',
        last: 'l',
      },
    );
    expect(table.rows[0]).toEqual({
      year: '2025',
      kwh: 1000,
      days: 300,
      first_date: '2025-01-01',
      last_date: '2025-10-27',
    });
  });

  it('N vs N-1: month of N, both values, the days compared and the change', () => {
    const base = { daysInMonth: 31, previousDaysInMonth: 31, comparedDays: 0 };
    const rows: MonthComparison[] = [
      { ...base, month: 1, current: 1100, previous: 1000, currentDays: 31, previousDays: 31, basis: 'whole' },
      { ...base, month: 2, current: null, previous: 500, currentDays: 0, previousDays: 28, basis: 'unmatched' },
      {
        ...base,
        month: 12,
        current: 240,
        previous: 200,
        currentDays: 2,
        previousDays: 31,
        basis: 'sameDays',
        comparedDays: 2,
      },
    ];
    const labels = { month: 'm', current: 'c', previous: 'p', change: 'x', comparedDays: 'd' };
    expect(monthlyComparisonTable(rows, 2025, labels).rows).toEqual([
      { month: '2025-01', kwh: 1.1, kwh_previous_year: 1, days_compared: 31, change_percent: 10 },
      { month: '2025-02', kwh: null, kwh_previous_year: 0.5, days_compared: null, change_percent: null },
      { month: '2025-12', kwh: 0.24, kwh_previous_year: 0.2, days_compared: 2, change_percent: 20 },
    ]);
  });

  it('curve: interval starts with the Paris offset, W, Wh and each overlay shown', () => {
    const { slots } = toEnergySlots([
      { date: '2025-10-26T02:30:00+02:00', value: 1000 },
      { date: '2025-10-26T02:30:00+01:00', value: 500 },
    ]);
    const table = curveTable(
      slots,
      [{ key: 'previous_week_w', label: 'Semaine précédente (W)', slots: [slots[1] ?? null, null] }],
      { start: 'Début', power: 'W', energy: 'Wh' },
    );
    expect(table.columns.map((column) => column.key)).toEqual(['start', 'w', 'wh', 'previous_week_w']);
    expect(table.rows).toEqual([
      { start: '2025-10-26T02:30:00+02:00', w: 1000, wh: 500, previous_week_w: 500 },
      { start: '2025-10-26T02:30:00+01:00', w: 500, wh: 250, previous_week_w: null },
    ]);
  });

  it('HC/HP per month with the HC share', () => {
    expect(
      offpeakTable([{ month: '2025-01', hcWh: 2500, hpWh: 7500, days: 31 }], {
        month: 'm',
        hc: 'hc',
        hp: 'hp',
        share: 's',
        days: 'd',
      }).rows,
    ).toEqual([{ month: '2025-01', hc_kwh: 2.5, hp_kwh: 7.5, hc_share_percent: 25, days: 31 }]);
  });

  it('max power with the subscribed reference', () => {
    expect(
      maxPowerTable([{ date: '2025-01-01', time: '19:02', va: 5400 }], 6000, {
        date: 'd',
        time: 't',
        power: 'p',
        subscribed: 's',
      }).rows,
    ).toEqual([{ date: '2025-01-01', time: '19:02', va: 5400, subscribed_va: 6000 }]);
  });

  it('balance per month', () => {
    const months = monthlyBalance(
      balanceDays({
        consumptionDaily: [{ date: '2025-06-01', wh: 10_000 }],
        productionDaily: [{ date: '2025-06-01', wh: 4000 }],
      }),
    );
    const table = balanceTable(months, {
      month: 'm',
      consumption: 'c',
      production: 'p',
      net: 'n',
      selfConsumed: 's',
      selfConsumption: 'sc',
      selfSufficiency: 'ss',
      method: 'x',
    });
    expect(table.rows).toEqual([
      {
        month: '2025-06',
        consumption_kwh: 10,
        production_kwh: 4,
        net_kwh: -6,
        self_consumed_kwh: 4,
        self_consumption_percent: 100,
        self_sufficiency_percent: 40,
        method: 'days',
      },
    ]);
  });
});
