import { describe, expect, it } from 'vitest';
import { formatParisIso, formatParisIsoMs, parisDateFast } from './paris-iso.ts';
import { parisDate, slotStartsOfDay } from './time/index.ts';

describe('formatParisIso', () => {
  it('writes the offset of each side of the October repeated hour', () => {
    const slots = slotStartsOfDay('2025-10-26', 30).map(formatParisIso);
    expect(slots).toHaveLength(50);
    expect(slots.filter((slot) => slot.startsWith('2025-10-26T02:00:00'))).toEqual([
      '2025-10-26T02:00:00+02:00',
      '2025-10-26T02:00:00+01:00',
    ]);
    expect(new Set(slots).size).toBe(50);
  });
  it('skips the missing March hour', () => {
    const slots = slotStartsOfDay('2025-03-30', 30).map(formatParisIso);
    expect(slots).toHaveLength(46);
    expect(slots).toContain('2025-03-30T01:30:00+01:00');
    expect(slots).toContain('2025-03-30T03:00:00+02:00');
    expect(slots.some((slot) => slot.startsWith('2025-03-30T02:'))).toBe(false);
  });
  it('agrees with the time-zone database on ordinary instants and dates', () => {
    for (const iso of [
      '2026-01-15T23:30:00Z',
      '2026-07-01T22:00:00Z',
      '2026-03-29T00:59:59Z',
      '2026-03-29T01:00:00Z',
    ]) {
      const instant = new Date(iso);
      expect(parisDateFast(instant)).toBe(parisDate(instant));
    }
    expect(formatParisIso(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02T00:00:00+02:00');
  });
});

describe('formatParisIsoMs', () => {
  it('writes exactly what formatParisIso writes: every 30-min slot of 2024–2026, DST days and odd seconds included', () => {
    const from = Date.UTC(2023, 11, 31, 22);
    const to = Date.UTC(2027, 0, 1);
    let checked = 0;
    for (let ms = from; ms < to; ms += 30 * 60_000) {
      expect(formatParisIsoMs(ms)).toBe(formatParisIso(new Date(ms)));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(52_000);
    for (const iso of [
      '2025-10-26T00:59:59.000Z',
      '2025-10-26T01:00:07Z',
      '2025-03-30T00:59:30Z',
      '1975-06-01T12:00:00Z',
    ]) {
      expect(formatParisIsoMs(Date.parse(iso))).toBe(formatParisIso(new Date(iso)));
    }
  });
});
