import { describe, expect, it } from 'vitest';
import { isOffpeakMinute, parseEnedisOffpeak } from './offpeak.ts';

describe('parseEnedisOffpeak', () => {
  it.each([
    ['HC (22H00-6H00)', ['22:00-06:00']],
    ['HC (23h00-7h30)', ['23:00-07:30']],
    ['HC (22H30-6H30;12H00-14H00)', ['22:30-06:30', '12:00-14:00']],
    ['HC (2H00-7H00, 14H00-17H00)', ['02:00-07:00', '14:00-17:00']],
    ['HC (22H50-6H50)', ['22:50-06:50']],
    ['HC (0H00-24H00)', null],
    ['', null],
    [null, null],
    ['heures pleines', null],
  ])('%s', (text, expected) => {
    expect(parseEnedisOffpeak(text)).toEqual(expected);
  });
});

describe('isOffpeakMinute', () => {
  const ranges = ['22:00-06:00', '12:00-14:00'];
  it('wraps past midnight and treats ranges as [start, end)', () => {
    expect(isOffpeakMinute(22 * 60, ranges)).toBe(true);
    expect(isOffpeakMinute(0, ranges)).toBe(true);
    expect(isOffpeakMinute(5 * 60 + 59, ranges)).toBe(true);
    expect(isOffpeakMinute(6 * 60, ranges)).toBe(false);
    expect(isOffpeakMinute(21 * 60 + 59, ranges)).toBe(false);
    expect(isOffpeakMinute(13 * 60, ranges)).toBe(true);
    expect(isOffpeakMinute(14 * 60, ranges)).toBe(false);
  });
});
