import { describe, expect, it } from 'vitest';
import { parseDateOnly, parseNaiveStamp, parseOffsetStamp } from './stamps.ts';

describe('stamps of the exports', () => {
  it('reads offsets with or without a colon, Z and milliseconds', () => {
    expect(parseOffsetStamp('2022-10-30T02:30:00+02:00')).toBe(Date.parse('2022-10-30T00:30:00Z'));
    expect(parseOffsetStamp('2022-10-30T02:30:00+0100')).toBe(Date.parse('2022-10-30T01:30:00Z'));
    expect(parseOffsetStamp('2022-10-30T02:30Z')).toBe(Date.parse('2022-10-30T02:30:00Z'));
    expect(parseOffsetStamp('2022-10-30T02:30:00.5-01:30')).toBe(Date.parse('2022-10-30T04:00:00.500Z'));
    expect(parseOffsetStamp('2022-10-30T02:30:00')).toBeNull();
  });

  it('refuses dates and times that do not exist on any calendar', () => {
    expect(parseOffsetStamp('2024-02-29T12:00:00+01:00')).not.toBeNull();
    expect(parseOffsetStamp('2023-02-29T12:00:00+01:00')).toBeNull();
    expect(parseOffsetStamp('2023-04-31T12:00:00+02:00')).toBeNull();
    expect(parseOffsetStamp('2023-04-30T24:00:00+02:00')).toBeNull();
    expect(parseNaiveStamp('2023-04-30 12:60')).toBeNull();
    expect(parseDateOnly('2100-02-29')).toBeNull();
    expect(parseDateOnly('2000-02-29')).toBe('2000-02-29');
  });

  it('normalises naive ISO and French stamps to Enedis naive form', () => {
    expect(parseNaiveStamp('2023-03-13 00:30:00')).toBe('2023-03-13 00:30:00');
    expect(parseNaiveStamp('2024-01-01T00:30')).toBe('2024-01-01 00:30:00');
    expect(parseNaiveStamp('29/07/2022 0:30')).toBe('2022-07-29 00:30:00');
    expect(parseNaiveStamp('29/07/2022')).toBeNull();
    expect(parseDateOnly('29/07/2022')).toBe('2022-07-29');
  });
});
