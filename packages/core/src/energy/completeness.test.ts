import { describe, expect, it } from 'vitest';
import { dayCoverage, daysInMonth, daysInYear, periodCoverage } from './completeness.ts';
import { toEnergySlots } from './slots.ts';
import { dayReadings } from './test-fixtures.ts';

const slotsOf = (...days: ReturnType<typeof dayReadings>[]) => toEnergySlots(days.flat()).slots;

describe('dayCoverage', () => {
  it('knows a whole day has 48 half-hours, 46 on the March DST day and 50 on the October one', () => {
    const coverage = dayCoverage(
      slotsOf(
        dayReadings('2025-03-30', () => 1),
        dayReadings('2025-06-02', () => 1),
        dayReadings('2025-10-26', () => 1),
      ),
    );
    expect(coverage).toEqual([
      { date: '2025-03-30', slots: 46, expectedSlots: 46, complete: true },
      { date: '2025-06-02', slots: 48, expectedSlots: 48, complete: true },
      { date: '2025-10-26', slots: 50, expectedSlots: 50, complete: true },
    ]);
  });

  it('flags a day with a missing half-hour, and 48 half-hours on the October day, as partial', () => {
    const june = dayReadings('2025-06-02', () => 1).slice(0, 47);
    const october = dayReadings('2025-10-26', () => 1).slice(0, 48);
    expect(dayCoverage(slotsOf(june, october))).toEqual([
      { date: '2025-06-02', slots: 47, expectedSlots: 48, complete: false },
      { date: '2025-10-26', slots: 48, expectedSlots: 50, complete: false },
    ]);
  });

  it('counts covered minutes whatever the step (hourly and 10-minute curves)', () => {
    const coverage = dayCoverage(
      slotsOf(
        dayReadings('2025-03-30', () => 1, 60),
        dayReadings('2025-06-02', () => 1, 10),
      ),
    );
    expect(coverage).toEqual([
      { date: '2025-03-30', slots: 23, expectedSlots: 23, complete: true },
      { date: '2025-06-02', slots: 144, expectedSlots: 144, complete: true },
    ]);
  });

  it('is empty without slots', () => {
    expect(dayCoverage([])).toEqual([]);
  });
});

describe('periodCoverage', () => {
  it('calls a month with two days of data partial, and a full month whole', () => {
    const november = Array.from({ length: 30 }, (_, index) => ({
      date: `2025-11-${String(index + 1).padStart(2, '0')}`,
    }));
    const months = periodCoverage([...november, { date: '2025-12-01' }, { date: '2025-12-02' }], 'month');
    expect(months).toEqual([
      { period: '2025-11', days: 30, completeDays: 30, daysInPeriod: 30, partial: false },
      { period: '2025-12', days: 2, completeDays: 2, daysInPeriod: 31, partial: true },
    ]);
  });

  it('calls a month partial when one of its curve days is incomplete', () => {
    const days = Array.from({ length: 28 }, (_, index) => ({
      date: `2026-02-${String(index + 1).padStart(2, '0')}`,
      complete: index !== 10,
    }));
    expect(periodCoverage(days, 'month')).toEqual([
      { period: '2026-02', days: 28, completeDays: 27, daysInPeriod: 28, partial: true },
    ]);
  });

  it('groups years (366 days in a leap year)', () => {
    expect(periodCoverage([{ date: '2024-02-29' }, { date: '2025-01-01' }], 'year')).toEqual([
      { period: '2024', days: 1, completeDays: 1, daysInPeriod: 366, partial: true },
      { period: '2025', days: 1, completeDays: 1, daysInPeriod: 365, partial: true },
    ]);
  });

  it('knows the calendar', () => {
    expect([daysInMonth('2024-02'), daysInMonth('2025-02'), daysInMonth('2025-12'), daysInMonth('2025-04')]).toEqual([
      29, 28, 31, 30,
    ]);
    expect([daysInYear('2024'), daysInYear('2025'), daysInYear('2000'), daysInYear('2100')]).toEqual([
      366, 365, 366, 365,
    ]);
  });
});
