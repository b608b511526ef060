import { describe, expect, it } from 'vitest';
import {
  formatDateWithParisOffset,
  parisDate,
  parisDayBounds,
  parisMidnightUtc,
  parisOffsetMinutes,
  parisToday,
  parisWallClock,
  parseDateWithOffset,
} from './paris.ts';

describe('Paris dates of instants', () => {
  it('switches to the next date at local midnight, not UTC midnight', () => {
    expect(parisDate(new Date('2025-01-01T22:59:59Z'))).toBe('2025-01-01');
    expect(parisDate(new Date('2025-01-01T23:00:00Z'))).toBe('2025-01-02');
    expect(parisDate(new Date('2025-07-01T21:59:59Z'))).toBe('2025-07-01');
    expect(parisDate(new Date('2025-07-01T22:00:00Z'))).toBe('2025-07-02');
    expect(parisToday(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });

  it('reads the wall clock including the offset', () => {
    expect(parisWallClock(new Date('2025-10-26T00:30:00Z'))).toEqual({
      date: '2025-10-26',
      hour: 2,
      minute: 30,
      second: 0,
      weekday: 7,
      offsetMinutes: 120,
    });
    expect(parisWallClock(new Date('2025-10-26T01:30:00Z'))).toMatchObject({ hour: 2, minute: 30, offsetMinutes: 60 });
    expect(parisOffsetMinutes(new Date('2025-03-30T01:00:00Z'))).toBe(120);
    expect(parisOffsetMinutes(new Date('2025-03-30T00:59:59Z'))).toBe(60);
  });
});

describe('local midnights', () => {
  it('gives the UTC instant of local midnight in winter and summer', () => {
    expect(parisMidnightUtc('2025-01-15').toISOString()).toBe('2025-01-14T23:00:00.000Z');
    expect(parisMidnightUtc('2025-07-15').toISOString()).toBe('2025-07-14T22:00:00.000Z');
  });

  it('makes DST days 23 and 25 hours long', () => {
    const hours = (date: string) => {
      const { start, end } = parisDayBounds(date);
      return (end.getTime() - start.getTime()) / 3_600_000;
    };
    expect(hours('2025-03-30')).toBe(23);
    expect(hours('2025-10-26')).toBe(25);
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2025-06-01')).toBe(24);
  });
});

describe('dates with offsets (Enedis contract dates)', () => {
  it('writes the offset in force on that date', () => {
    expect(formatDateWithParisOffset('2017-07-15')).toBe('2017-07-15+02:00');
    expect(formatDateWithParisOffset('2017-01-15')).toBe('2017-01-15+01:00');
    expect(formatDateWithParisOffset('2025-03-30')).toBe('2025-03-30+01:00');
  });

  it('reads the calendar date back', () => {
    expect(parseDateWithOffset('2017-07-15+02:00')).toBe('2017-07-15');
    expect(parseDateWithOffset('2017-07-15')).toBe('2017-07-15');
    expect(parseDateWithOffset('2017-07-15T00:00:00+02:00')).toBe('2017-07-15');
    expect(parseDateWithOffset('2017-02-30+01:00')).toBeNull();
    expect(parseDateWithOffset('15/07/2017')).toBeNull();
  });
});
