import { describe, expect, it } from 'vitest';
import { formatParisIso, parisDateFast } from './paris-iso.ts';
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
