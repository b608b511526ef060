import { describe, expect, it } from 'vitest';
import {
  dailyFromReadings,
  dailyFromSlots,
  fillDays,
  monthlyTotals,
  rollingYear,
  totalBetween,
  yearlyTotals,
} from './aggregate.ts';
import { toEnergySlots } from './slots.ts';
import { dayReadings } from './test-fixtures.ts';

describe('daily sums', () => {
  it('sums a curve per Paris day, the 23:30 slot in the day it starts', () => {
    const { slots } = toEnergySlots([
      ...dayReadings('2025-01-10', () => 1000),
      ...dayReadings('2025-01-11', () => 2000),
    ]);
    expect(dailyFromSlots(slots)).toEqual([
      { date: '2025-01-10', wh: 24_000 },
      { date: '2025-01-11', wh: 48_000 },
    ]);
  });

  it('adds up 46 slots in March and 50 in October', () => {
    expect(dailyFromSlots(toEnergySlots(dayReadings('2025-03-30', () => 1000)).slots)).toEqual([
      { date: '2025-03-30', wh: 23_000 },
    ]);
    expect(dailyFromSlots(toEnergySlots(dayReadings('2025-10-26', () => 1000)).slots)).toEqual([
      { date: '2025-10-26', wh: 25_000 },
    ]);
  });

  it('reads daily readings, sorted, last duplicate wins', () => {
    expect(
      dailyFromReadings([
        { date: '2025-01-02', value: 5 },
        { date: '2025-01-01', value: 3 },
        { date: '2025-01-02', value: 7 },
        { date: '2025-01-03', value: Number.NaN },
      ]),
    ).toEqual([
      { date: '2025-01-01', wh: 3 },
      { date: '2025-01-02', wh: 7 },
    ]);
  });
});

describe('monthly and yearly sums', () => {
  const daily = [
    { date: '2024-02-28', wh: 1 },
    { date: '2024-02-29', wh: 2 },
    { date: '2024-12-31', wh: 4 },
    { date: '2025-01-01', wh: 8 },
    { date: '2025-01-31', wh: 16 },
  ];

  it('groups by calendar month with coverage', () => {
    expect(monthlyTotals(daily)).toEqual([
      { period: '2024-02', wh: 3, days: 2, daysInPeriod: 29, firstDate: '2024-02-28', lastDate: '2024-02-29' },
      { period: '2024-12', wh: 4, days: 1, daysInPeriod: 31, firstDate: '2024-12-31', lastDate: '2024-12-31' },
      { period: '2025-01', wh: 24, days: 2, daysInPeriod: 31, firstDate: '2025-01-01', lastDate: '2025-01-31' },
    ]);
  });

  it('groups by calendar year (leap years have 366 days)', () => {
    expect(yearlyTotals(daily).map((year) => [year.period, year.wh, year.days, year.daysInPeriod])).toEqual([
      ['2024', 7, 3, 366],
      ['2025', 24, 2, 365],
    ]);
  });

  it('totals a [start, end) range and a rolling year', () => {
    expect(totalBetween(daily, '2024-02-29', '2025-01-01')).toEqual({ wh: 6, days: 2, expectedDays: 307 });
    expect(rollingYear('2025-06-01')).toEqual({ start: '2024-06-01', end: '2025-06-01' });
  });
});

describe('fillDays', () => {
  it('lists every day between the first and the last, null where there is no value', () => {
    const a = { date: '2025-02-27', wh: 1 };
    const b = { date: '2025-03-02', wh: 2 };
    expect(fillDays([a, b])).toEqual([
      { date: '2025-02-27', value: a },
      { date: '2025-02-28', value: null },
      { date: '2025-03-01', value: null },
      { date: '2025-03-02', value: b },
    ]);
    expect(fillDays([])).toEqual([]);
  });
});
