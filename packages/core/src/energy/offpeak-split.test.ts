import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFPEAK_RANGES } from '../offpeak.ts';
import {
  dailyOffpeakSplit,
  monthlyOffpeakSplit,
  offpeakPrefix,
  offpeakShare,
  totalOffpeakSplit,
} from './offpeak-split.ts';
import { toEnergySlots } from './slots.ts';
import { dayReadings } from './test-fixtures.ts';

describe('offpeakShare', () => {
  const prefix = offpeakPrefix(['22:00-06:00']);

  it('decides a 30-min slot by its start on a range that wraps midnight', () => {
    expect(offpeakShare({ minuteOfDay: 21 * 60 + 30, minutes: 30 }, prefix)).toBe(0);
    expect(offpeakShare({ minuteOfDay: 22 * 60, minutes: 30 }, prefix)).toBe(1);
    expect(offpeakShare({ minuteOfDay: 23 * 60 + 30, minutes: 30 }, prefix)).toBe(1);
    expect(offpeakShare({ minuteOfDay: 0, minutes: 30 }, prefix)).toBe(1);
    expect(offpeakShare({ minuteOfDay: 5 * 60 + 30, minutes: 30 }, prefix)).toBe(1);
    expect(offpeakShare({ minuteOfDay: 6 * 60, minutes: 30 }, prefix)).toBe(0);
  });

  it('prorates a slot that straddles a boundary, also across midnight', () => {
    expect(offpeakShare({ minuteOfDay: 21 * 60 + 30, minutes: 60 }, prefix)).toBe(0.5);
    const noon = offpeakPrefix(['00:15-12:00']);
    expect(offpeakShare({ minuteOfDay: 23 * 60 + 30, minutes: 60 }, noon)).toBe(0.25);
  });

  it('handles half-hour boundaries such as 01:30-07:30', () => {
    const split = offpeakPrefix(['01:30-07:30', '12:30-14:30']);
    expect(offpeakShare({ minuteOfDay: 60, minutes: 30 }, split)).toBe(0);
    expect(offpeakShare({ minuteOfDay: 90, minutes: 30 }, split)).toBe(1);
    expect(offpeakShare({ minuteOfDay: 7 * 60 + 30, minutes: 30 }, split)).toBe(0);
    expect(offpeakShare({ minuteOfDay: 12 * 60 + 30, minutes: 30 }, split)).toBe(1);
  });
});

describe('HC/HP split of a curve', () => {
  const flat = (date: string) => toEnergySlots(dayReadings(date, () => 1000)).slots;

  it('splits an ordinary day 8 h HC / 16 h HP with the default ranges', () => {
    expect(dailyOffpeakSplit(flat('2025-06-15'), DEFAULT_OFFPEAK_RANGES)).toEqual([
      { date: '2025-06-15', hcWh: 8000, hpWh: 16_000 },
    ]);
  });

  it('counts the missing March hour nowhere and the repeated October hour twice, as HC', () => {
    expect(dailyOffpeakSplit(flat('2025-03-30'), DEFAULT_OFFPEAK_RANGES)).toEqual([
      { date: '2025-03-30', hcWh: 7000, hpWh: 16_000 },
    ]);
    expect(dailyOffpeakSplit(flat('2025-10-26'), DEFAULT_OFFPEAK_RANGES)).toEqual([
      { date: '2025-10-26', hcWh: 9000, hpWh: 16_000 },
    ]);
  });

  it('puts the repeated hour in HP when it is outside the ranges', () => {
    expect(dailyOffpeakSplit(flat('2025-10-26'), ['12:00-20:00'])).toEqual([
      { date: '2025-10-26', hcWh: 8000, hpWh: 17_000 },
    ]);
  });

  it('uses the wall clock of the interval start, not UTC', () => {
    // 22:00 Paris in winter is 21:00 UTC: only the Paris clock makes it off-peak.
    const { slots } = toEnergySlots([
      { date: '2025-01-10T21:30:00+01:00', value: 1000 },
      { date: '2025-01-10T22:00:00+01:00', value: 1000 },
    ]);
    expect(totalOffpeakSplit(slots, DEFAULT_OFFPEAK_RANGES)).toEqual({ hcWh: 500, hpWh: 500 });
  });

  it('is all HP without ranges and sums months', () => {
    const days = dailyOffpeakSplit([...flat('2025-01-31'), ...flat('2025-02-01'), ...flat('2025-02-02')], []);
    expect(days.every((day) => day.hcWh === 0)).toBe(true);
    expect(
      monthlyOffpeakSplit(
        dailyOffpeakSplit(
          [...flat('2025-01-31'), ...flat('2025-02-01'), ...flat('2025-02-02')],
          DEFAULT_OFFPEAK_RANGES,
        ),
      ),
    ).toEqual([
      { month: '2025-01', hcWh: 8000, hpWh: 16_000, days: 1 },
      { month: '2025-02', hcWh: 16_000, hpWh: 32_000, days: 2 },
    ]);
  });
});
