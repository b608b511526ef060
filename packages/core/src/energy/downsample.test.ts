import { describe, expect, it } from 'vitest';
import { addDays } from '../time/calendar.ts';
import { curveWindowPoints, downsampleCurve, minMaxIndices } from './downsample.ts';
import { toEnergySlots, type EnergySlot } from './slots.ts';
import { dayReadings } from './test-fixtures.ts';

/** Two years of 30-min slots (35,040 with both DST days each year) with a daily evening peak. */
function twoYears(): EnergySlot[] {
  const readings = [];
  for (let date = '2024-12-01'; date < '2026-12-01'; date = addDays(date, 1)) {
    readings.push(...dayReadings(date, (index) => (index === 38 ? 6000 : 300 + (index % 7) * 10)));
  }
  return toEnergySlots(readings).slots;
}

describe('minMaxIndices', () => {
  it('keeps the minimum and maximum of each bucket, in order, with the first and last point', () => {
    const values = [5, 1, 9, 4, 4, 4, 2, 8, 3, 7];
    expect(minMaxIndices(values, 0, 10, 2)).toEqual([0, 1, 2, 6, 7, 9]);
  });

  it('keeps everything when there are no more than two points per bucket', () => {
    expect(minMaxIndices([1, 2, 3, 4], 0, 4, 2)).toEqual([0, 1, 2, 3]);
    expect(minMaxIndices([1, 2, 3, 4], 1, 3, 50)).toEqual([1, 2]);
    expect(minMaxIndices([], 0, 0, 10)).toEqual([]);
  });

  it('never picks NaN as an extreme', () => {
    const values = [1, Number.NaN, Number.NaN, Number.NaN, 3, 0, Number.NaN, Number.NaN, Number.NaN, Number.NaN];
    const kept = minMaxIndices(values, 0, 10, 2);
    expect(kept).toContain(4);
    expect(kept).toContain(5);
  });
});

describe('downsampleCurve', () => {
  const slots = twoYears();

  it('has two years of 30-min slots to work on', () => {
    expect(slots).toHaveLength(35_040);
  });

  it('reduces 35,040 points to the budget and keeps every daily peak', () => {
    const { points, sampled } = downsampleCurve(slots, 2000);
    expect(sampled).toBe(true);
    expect(points.length).toBeLessThanOrEqual(2000);
    expect(points.length).toBeGreaterThan(1000);
    const highest = Math.max(...points.map(([, watts]) => watts ?? 0));
    expect(highest).toBe(6000);
    // The buckets hold ~35 points (under a day): each day's 6 kW peak is one of the points kept.
    const peaks = new Set(points.filter(([, watts]) => watts === 6000).map(([start]) => start));
    expect(peaks.size).toBe(730);
    // Real readings at their own instants, in time order.
    const bySTart = new Map(slots.map((slot) => [slot.start, slot.watts]));
    for (const [start, watts] of points) {
      expect(bySTart.get(start)).toBe(watts);
    }
    expect(points.every(([start], index) => index === 0 || start > (points[index - 1]?.[0] ?? 0))).toBe(true);
  });

  it('keeps every slot of a short curve and says so', () => {
    const week = slots.slice(0, 336);
    const { points, sampled } = downsampleCurve(week, 2000);
    expect(sampled).toBe(false);
    expect(points).toEqual(week.map((slot) => [slot.start, slot.watts]));
  });

  it('breaks the line over a missing day instead of bridging it', () => {
    const withHole = slots.filter((slot) => slot.date !== '2025-06-10');
    const { points } = downsampleCurve(withHole, 2000);
    const breaks = points.filter(([, watts]) => watts === null);
    expect(breaks).toEqual([[Date.parse('2025-06-09T22:00:00Z'), null]]);
    expect(points.length).toBeLessThanOrEqual(2000);
  });
});

describe('curveWindowPoints', () => {
  const slots = twoYears();
  const overview = downsampleCurve(slots, 2000);

  it('is the overview when nothing is zoomed', () => {
    expect(curveWindowPoints(slots, overview, null, 2000)).toBe(overview);
  });

  it('shows every half-hour of a zoomed day, and the overview around it', () => {
    const from = Date.parse('2025-06-09T22:00:00Z');
    const to = Date.parse('2025-06-10T21:30:00Z');
    const { points, sampled } = curveWindowPoints(slots, overview, { from, to }, 2000);
    expect(sampled).toBe(false);
    const inside = points.filter(([start]) => start >= from && start <= to);
    expect(inside).toHaveLength(48);
    expect(points.filter(([start]) => start < from).length).toBeGreaterThan(100);
    expect(points.filter(([start]) => start > to).length).toBeGreaterThan(100);
    expect(points.every(([start], index) => index === 0 || start > (points[index - 1]?.[0] ?? 0))).toBe(true);
  });

  it('reduces a zoomed year again to the budget, with finer buckets than the overview', () => {
    const from = Date.parse('2025-01-01T00:00:00Z');
    const to = Date.parse('2025-12-31T23:30:00Z');
    const { points, sampled } = curveWindowPoints(slots, overview, { from, to }, 2000);
    expect(sampled).toBe(true);
    const inside = points.filter(([start]) => start >= from && start <= to);
    expect(inside.length).toBeGreaterThan(1500);
    expect(inside.length).toBeLessThanOrEqual(2002);
  });
});
