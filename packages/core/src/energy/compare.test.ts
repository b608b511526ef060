import { describe, expect, it } from 'vitest';
import { monthlyTotals } from './aggregate.ts';
import {
  alignShifted,
  compareYears,
  curveViewRange,
  indexByWallClock,
  OVERLAY_SHIFT_DAYS,
  stepAnchor,
} from './compare.ts';
import { toEnergySlots } from './slots.ts';
import { dayReadings } from './test-fixtures.ts';

describe('compareYears', () => {
  it('aligns each month of N with the same month of N-1', () => {
    const monthly = monthlyTotals([
      { date: '2024-01-05', wh: 10 },
      { date: '2024-03-01', wh: 30 },
      { date: '2025-01-07', wh: 11 },
      { date: '2025-02-01', wh: 20 },
    ]);
    const rows = compareYears(monthly, 2025);
    expect(rows).toHaveLength(12);
    expect(rows.slice(0, 3)).toEqual([
      { month: 1, current: 11, previous: 10, currentDays: 1, previousDays: 1 },
      { month: 2, current: 20, previous: null, currentDays: 1, previousDays: 0 },
      { month: 3, current: null, previous: 30, currentDays: 0, previousDays: 1 },
    ]);
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
