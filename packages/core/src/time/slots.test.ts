import { describe, expect, it } from 'vitest';
import { parisDate } from './paris.ts';
import { parisDayLengthMinutes, parseIsoDuration, slotStartsOfDay, slotsInDay } from './slots.ts';

describe('slotsInDay', () => {
  it('counts 48 half-hours on an ordinary day and 46/50 on DST days', () => {
    expect(slotsInDay('2025-06-15', 30)).toBe(48);
    expect(slotsInDay('2025-03-30', 30)).toBe(46);
    expect(slotsInDay('2025-10-26', 30)).toBe(50);
    expect(slotsInDay('2026-03-29', 30)).toBe(46);
    expect(slotsInDay('2026-10-25', 30)).toBe(50);
  });

  it('works for other steps', () => {
    expect(slotsInDay('2025-06-15', 10)).toBe(144);
    expect(slotsInDay('2025-10-26', 60)).toBe(25);
    expect(slotsInDay('2025-03-30', 15)).toBe(92);
    expect(parisDayLengthMinutes('2025-03-30')).toBe(1380);
  });

  it('refuses a step that does not divide the day', () => {
    expect(() => slotsInDay('2025-06-15', 7)).toThrow(RangeError);
    expect(() => slotsInDay('2025-06-15', 0)).toThrow(RangeError);
  });
});

describe('slotStartsOfDay', () => {
  it('starts at local midnight and stays inside the local day', () => {
    const starts = slotStartsOfDay('2025-01-10', 30);
    expect(starts[0]?.toISOString()).toBe('2025-01-09T23:00:00.000Z');
    expect(starts.at(-1)?.toISOString()).toBe('2025-01-10T22:30:00.000Z');
    expect(new Set(starts.map(parisDate))).toEqual(new Set(['2025-01-10']));
  });

  it('covers the short March day without the skipped hour', () => {
    const starts = slotStartsOfDay('2025-03-30', 30).map((d) => d.toISOString());
    expect(starts).toHaveLength(46);
    expect(starts[0]).toBe('2025-03-29T23:00:00.000Z');
    // 01:30 local (+01:00) is followed by 03:00 local (+02:00): consecutive instants.
    expect(starts.slice(3, 5)).toEqual(['2025-03-30T00:30:00.000Z', '2025-03-30T01:00:00.000Z']);
    expect(starts.at(-1)).toBe('2025-03-30T21:30:00.000Z');
  });

  it('covers the long October day with the repeated hour', () => {
    const starts = slotStartsOfDay('2026-10-25', 30);
    expect(starts).toHaveLength(50);
    expect(starts[0]?.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(starts.at(-1)?.toISOString()).toBe('2026-10-25T22:30:00.000Z');
    for (let i = 1; i < starts.length; i++) {
      expect((starts[i]?.getTime() ?? 0) - (starts[i - 1]?.getTime() ?? 0)).toBe(1_800_000);
    }
  });
});

describe('parseIsoDuration', () => {
  it('reads minutes from any time duration', () => {
    expect(parseIsoDuration('PT30M')).toBe(30);
    expect(parseIsoDuration('PT10M')).toBe(10);
    expect(parseIsoDuration('PT15M')).toBe(15);
    expect(parseIsoDuration('PT20M')).toBe(20);
    expect(parseIsoDuration('PT60M')).toBe(60);
    expect(parseIsoDuration('PT1H')).toBe(60);
    expect(parseIsoDuration('PT1H30M')).toBe(90);
    expect(parseIsoDuration('P1D')).toBe(1440);
    expect(parseIsoDuration('PT30S')).toBe(0.5);
  });

  it('rejects garbage and calendar units', () => {
    expect(() => parseIsoDuration('30')).toThrow(RangeError);
    expect(() => parseIsoDuration('P1M')).toThrow(RangeError);
    expect(() => parseIsoDuration('')).toThrow(RangeError);
  });
});
