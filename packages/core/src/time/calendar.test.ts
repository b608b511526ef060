import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayOfYear,
  daysBetween,
  eachDay,
  isIsoDate,
  isoWeekday,
  maxDate,
  minDate,
} from './calendar.ts';

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00:00')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('adds days across month, year and DST boundaries without drifting', () => {
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2025-10-26', 1)).toBe('2025-10-27');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('counts days between dates, negative when reversed', () => {
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(daysBetween('2025-03-29', '2025-04-01')).toBe(3);
    expect(daysBetween('2025-04-01', '2025-03-29')).toBe(-3);
  });

  it('lists an end-exclusive range', () => {
    expect(eachDay('2022-12-01', '2022-12-03')).toEqual(['2022-12-01', '2022-12-02']);
    expect(eachDay('2022-12-01', '2022-12-01')).toEqual([]);
    expect(eachDay('2022-12-03', '2022-12-01')).toEqual([]);
  });

  it('shifts by months and clamps to the end of the month', () => {
    expect(addMonths('2026-03-31', -24)).toBe('2024-03-31');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2025-01-15', -36)).toBe('2022-01-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });

  it('gives ISO weekdays and days of the year', () => {
    expect(isoWeekday('2025-10-26')).toBe(7);
    expect(isoWeekday('2025-10-27')).toBe(1);
    expect(dayOfYear('2025-01-01')).toBe(1);
    expect(dayOfYear('2024-12-31')).toBe(366);
  });

  it('picks the earlier and the later date', () => {
    expect(minDate('2025-01-02', '2024-12-31')).toBe('2024-12-31');
    expect(maxDate('2025-01-02', '2024-12-31')).toBe('2025-01-02');
  });

  it('rejects malformed input', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});
