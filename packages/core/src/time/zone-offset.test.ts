import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parisNaiveOfMs, parisOffsetMs } from './zone-offset.ts';

describe('cached Paris offsets', () => {
  it('agree with the time-zone database every 20 minutes over 2024–2026', () => {
    const mismatches: string[] = [];
    for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 1_200_000) {
      const expected = DateTime.fromMillis(ms, { zone: 'Europe/Paris' }).offset * 60_000;
      if (parisOffsetMs(ms) !== expected) {
        mismatches.push(new Date(ms).toISOString());
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('switch exactly at 01:00 UTC on DST days', () => {
    expect(parisOffsetMs(Date.UTC(2025, 2, 30, 0, 59, 59, 999))).toBe(3_600_000);
    expect(parisOffsetMs(Date.UTC(2025, 2, 30, 1))).toBe(7_200_000);
    expect(parisOffsetMs(Date.UTC(2025, 9, 26, 0, 59, 59, 999))).toBe(7_200_000);
    expect(parisOffsetMs(Date.UTC(2025, 9, 26, 1))).toBe(3_600_000);
  });

  it('handles historic instants outside the cache', () => {
    const ms = Date.UTC(1975, 5, 1, 12);
    expect(parisOffsetMs(ms)).toBe(DateTime.fromMillis(ms, { zone: 'Europe/Paris' }).offset * 60_000);
  });

  it('formats naive wall clocks', () => {
    expect(parisNaiveOfMs(Date.UTC(2025, 9, 26, 0, 30))).toBe('2025-10-26 02:30:00');
    expect(parisNaiveOfMs(Date.UTC(2025, 9, 26, 1, 30))).toBe('2025-10-26 02:30:00');
    expect(parisNaiveOfMs(Date.UTC(2025, 0, 1, 8, 5, 9))).toBe('2025-01-01 09:05:09');
  });
});
