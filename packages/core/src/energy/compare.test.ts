import { describe, expect, it } from 'vitest';
import { addDays } from '../time/calendar.ts';
import type { DailyEnergy } from './aggregate.ts';
import {
  alignShifted,
  compareYears,
  compareYearTotals,
  curveViewRange,
  indexByWallClock,
  isPartialBar,
  OVERLAY_SHIFT_DAYS,
  stepAnchor,
} from './compare.ts';
import { toEnergySlots } from './slots.ts';
import { dayReadings } from './test-fixtures.ts';

/** Every day of `[start, end)` at `wh` Wh. */
function days(start: string, end: string, wh: number): DailyEnergy[] {
  const out: DailyEnergy[] = [];
  for (let date = start; date < end; date = addDays(date, 1)) {
    out.push({ date, wh });
  }
  return out;
}

describe('compareYears', () => {
  it('compares two complete months whole, even a leap February against a common one', () => {
    const daily = [...days('2024-02-01', '2024-03-01', 10), ...days('2025-02-01', '2025-03-01', 11)];
    const february = compareYears(daily, 2025)[1];
    expect(february).toEqual({
      month: 2,
      current: 28 * 11,
      previous: 29 * 10,
      currentDays: 28,
      previousDays: 29,
      daysInMonth: 28,
      previousDaysInMonth: 29,
      basis: 'whole',
      comparedDays: 0,
    });
    expect(february && [isPartialBar(february, 'current'), isPartialBar(february, 'previous')]).toEqual([false, false]);
  });

  it('sets a December holding two days against the same two days of the December before', () => {
    const daily = [...days('2024-12-01', '2025-01-01', 100), ...days('2025-12-01', '2025-12-03', 120)];
    const december = compareYears(daily, 2025)[11];
    expect(december).toMatchObject({
      current: 240,
      previous: 200,
      currentDays: 2,
      previousDays: 31,
      basis: 'sameDays',
      comparedDays: 2,
    });
    expect(december && [isPartialBar(december, 'current'), isPartialBar(december, 'previous')]).toEqual([true, true]);
  });

  it('compares only the days both years have when the history starts mid-month', () => {
    const daily = [...days('2024-06-20', '2024-07-01', 5), ...days('2025-06-01', '2025-07-01', 7)];
    expect(compareYears(daily, 2025)[5]).toMatchObject({
      current: 77,
      previous: 55,
      basis: 'sameDays',
      comparedDays: 11,
    });
  });

  it('shows a month without counterpart as it is, not compared', () => {
    const daily = [
      ...days('2024-03-01', '2024-04-01', 3),
      ...days('2025-01-01', '2025-01-11', 4),
      ...days('2024-01-20', '2024-01-22', 1),
    ];
    const rows = compareYears(daily, 2025);
    expect(rows).toHaveLength(12);
    // January: 1–10 in 2025, 20–21 in 2024: no day in common.
    expect(rows[0]).toMatchObject({ current: 40, previous: 2, basis: 'unmatched', comparedDays: 0 });
    expect(rows[0] && [isPartialBar(rows[0], 'current'), isPartialBar(rows[0], 'previous')]).toEqual([true, true]);
    // March: only 2024 has data, a whole month.
    expect(rows[2]).toMatchObject({ current: null, previous: 93, basis: 'unmatched' });
    expect(rows[2] && isPartialBar(rows[2], 'previous')).toBe(false);
    expect(rows[3]).toMatchObject({ current: null, previous: null, basis: 'unmatched' });
  });
});

describe('compareYearTotals', () => {
  it('sets the running year against the same days of the year before', () => {
    const daily = [...days('2024-01-01', '2025-01-01', 10), ...days('2025-01-01', '2025-12-03', 12)];
    expect(compareYearTotals(daily, 2025)).toEqual({
      current: 336 * 12,
      previous: 336 * 10,
      basis: 'sameDays',
      comparedDays: 336,
    });
  });

  it('compares two complete years whole (a leap year keeps its 29 February)', () => {
    const daily = [...days('2024-01-01', '2025-01-01', 10), ...days('2025-01-01', '2026-01-01', 12)];
    expect(compareYearTotals(daily, 2025)).toEqual({
      current: 365 * 12,
      previous: 366 * 10,
      basis: 'whole',
      comparedDays: 0,
    });
  });

  it('does not compare a first year with nothing before it', () => {
    expect(compareYearTotals(days('2025-03-01', '2025-03-03', 1), 2025)).toEqual({
      current: 2,
      previous: null,
      basis: 'unmatched',
      comparedDays: 0,
    });
  });
});

describe('load-curve overlays', () => {
  it('puts the same wall-clock time of the previous week against each slot', () => {
    const source = toEnergySlots([
      ...dayReadings('2025-06-02', (index) => index),
      ...dayReadings('2025-06-09', () => 0),
    ]).slots;
    const view = source.filter((slot) => slot.date === '2025-06-09');
    const aligned = alignShifted(view, indexByWallClock(source), OVERLAY_SHIFT_DAYS.previousWeek);
    expect(aligned.map((slot) => slot?.watts)).toEqual(Array.from({ length: 48 }, (_, index) => index));
  });

  it('aligns by wall clock across a DST change (the week after the October day)', () => {
    // 2025-10-26 has 50 slots; the week after has 48. 08:00 must meet 08:00.
    const previous = toEnergySlots(dayReadings('2025-10-26', (_index, start) => start.getTime())).slots;
    const view = toEnergySlots(dayReadings('2025-11-02', () => 0)).slots;
    const aligned = alignShifted(view, indexByWallClock(previous), 7);
    const at8 = view.findIndex((slot) => slot.minuteOfDay === 8 * 60);
    expect(aligned[at8]?.minuteOfDay).toBe(8 * 60);
    expect(aligned[at8]?.date).toBe('2025-10-26');
    expect(aligned.filter((slot) => slot === null)).toHaveLength(0);
  });

  it('matches the two occurrences of the repeated hour in order, and leaves the skipped March hour empty', () => {
    const october = toEnergySlots(dayReadings('2025-10-26', (index) => index)).slots;
    const nextYear = toEnergySlots(dayReadings('2026-10-25', () => 0)).slots;
    const aligned = alignShifted(nextYear, indexByWallClock(october), 364);
    expect(aligned.map((slot) => slot?.watts)).toEqual(Array.from({ length: 50 }, (_, index) => index));

    const march = toEnergySlots(dayReadings('2025-03-30', () => 1)).slots; // no 02:xx
    const week = toEnergySlots(dayReadings('2025-04-06', () => 0)).slots;
    const fromMarch = alignShifted(week, indexByWallClock(march), 7);
    expect(fromMarch.filter((slot) => slot === null)).toHaveLength(2);
  });

  it('uses 52 weeks for the previous year (same weekday)', () => {
    expect(OVERLAY_SHIFT_DAYS.previousYear % 7).toBe(0);
  });
});

describe('curve view ranges', () => {
  it('is one day or the Monday-to-Sunday week', () => {
    expect(curveViewRange('day', '2025-06-11')).toEqual({ start: '2025-06-11', end: '2025-06-12' });
    expect(curveViewRange('week', '2025-06-11')).toEqual({ start: '2025-06-09', end: '2025-06-16' });
    expect(curveViewRange('week', '2025-06-15')).toEqual({ start: '2025-06-09', end: '2025-06-16' });
    expect(stepAnchor('day', '2025-03-01', -1)).toBe('2025-02-28');
    expect(stepAnchor('week', '2025-06-11', 1)).toBe('2025-06-18');
  });
});
