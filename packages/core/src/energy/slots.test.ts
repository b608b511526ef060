import { describe, expect, it } from 'vitest';
import { slotsBetween, toEnergySlots, wattsToWh } from './slots.ts';
import { dayReadings } from './test-fixtures.ts';

describe('wattsToWh', () => {
  it('is W × minutes / 60', () => {
    expect(wattsToWh(1000, 30)).toBe(500);
    expect(wattsToWh(1000, 60)).toBe(1000);
    expect(wattsToWh(600, 10)).toBe(100);
    expect(wattsToWh(2, 30)).toBe(1);
  });
});

describe('toEnergySlots', () => {
  it('reads the interval start, its Paris wall clock and the energy', () => {
    const { slots, skipped } = toEnergySlots([
      { date: '2025-01-10T23:30:00+01:00', value: 1200, interval_length: 'PT30M' },
    ]);
    expect(skipped).toBe(0);
    expect(slots).toEqual([
      {
        start: Date.parse('2025-01-10T22:30:00Z'),
        minutes: 30,
        watts: 1200,
        wh: 600,
        date: '2025-01-10',
        minuteOfDay: 23 * 60 + 30,
      },
    ]);
  });

  it('tells the two 02:30 of the October day apart by their offset', () => {
    const { slots } = toEnergySlots([
      { date: '2025-10-26T02:30:00+02:00', value: 100 },
      { date: '2025-10-26T02:30:00+01:00', value: 200 },
    ]);
    expect(slots).toHaveLength(2);
    expect(slots[1]!.start - slots[0]!.start).toBe(3_600_000);
    expect(slots.map((slot) => slot.minuteOfDay)).toEqual([150, 150]);
  });

  it('converts a UTC stamp to the Paris wall clock and defaults to 30-min intervals', () => {
    const { slots } = toEnergySlots([{ date: '2025-07-01T22:00:00Z', value: 100 }]);
    expect(slots[0]).toMatchObject({ date: '2025-07-02', minuteOfDay: 0, minutes: 30, wh: 50 });
  });

  it('reads other interval lengths', () => {
    const { slots } = toEnergySlots([{ date: '2025-07-01T10:00:00+02:00', value: 600, interval_length: 'PT10M' }]);
    expect(slots[0]).toMatchObject({ minutes: 10, wh: 100 });
  });

  it('skips unreadable points, sorts and removes duplicates', () => {
    const { slots, skipped } = toEnergySlots([
      { date: '2025-07-01T10:30:00+02:00', value: 2 },
      { date: '2025-07-01 10:00:00', value: 1 },
      { date: '2025-07-01T10:00:00+02:00', value: Number.NaN },
      { date: '2025-07-01T10:00:00+02:00', value: 4, interval_length: 'P1M' },
      { date: '2025-07-01T10:00:00+02:00', value: 6 },
      { date: '2025-07-01T10:00:00+02:00', value: 8 },
    ]);
    expect(skipped).toBe(3);
    expect(slots.map((slot) => slot.watts)).toEqual([8, 2]);
  });

  it('gives 46 and 50 slots on the DST days', () => {
    expect(toEnergySlots(dayReadings('2025-03-30', () => 100)).slots).toHaveLength(46);
    expect(toEnergySlots(dayReadings('2025-10-26', () => 100)).slots).toHaveLength(50);
  });
});

describe('slotsBetween', () => {
  it('keeps the slots of [start, end) by Paris date', () => {
    const { slots } = toEnergySlots([
      ...dayReadings('2025-01-01', () => 1),
      ...dayReadings('2025-01-02', () => 2),
      ...dayReadings('2025-01-03', () => 3),
    ]);
    const middle = slotsBetween(slots, '2025-01-02', '2025-01-03');
    expect(middle).toHaveLength(48);
    expect(new Set(middle.map((slot) => slot.watts))).toEqual(new Set([2]));
    expect(slotsBetween(slots, '2024-01-01', '2024-02-01')).toEqual([]);
    expect(slotsBetween(slots, '2024-01-01', '2030-01-01')).toHaveLength(144);
  });
});
