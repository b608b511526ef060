import { describe, expect, it } from 'vitest';
import { addDays, eachDay } from './calendar.ts';
import {
  formatEnedisEndStamp,
  formatEnedisLocal,
  parisInstantsOfLocalTime,
  resolveEndStampedPoints,
  type EnedisStamping,
} from './enedis-timestamps.ts';
import { parisDate } from './paris.ts';
import { slotStartsOfDay } from './slots.ts';

const STAMPINGS: EnedisStamping[] = ['start-plus-length', 'end-instant'];

/** The points Enedis would send for `[start, endExclusive)` at a fixed step. */
function enedisPoints(start: string, endExclusive: string, step: number, stamping: EnedisStamping) {
  return eachDay(start, endExclusive).flatMap((day) =>
    slotStartsOfDay(day, step).map((slot) => ({
      date: formatEnedisEndStamp(slot, step, stamping),
      interval_length: `PT${step}M`,
      slot,
    })),
  );
}

describe('formatting', () => {
  it('writes naive Paris wall clock', () => {
    expect(formatEnedisLocal(new Date('2023-05-28T22:30:00Z'))).toBe('2023-05-29 00:30:00');
    expect(formatEnedisLocal(new Date('2025-01-15T11:42:10Z'))).toBe('2025-01-15 12:42:10');
  });

  it('stamps the last interval of a day at D+1 00:00:00', () => {
    const last = slotStartsOfDay('2023-05-29', 30).at(-1) as Date;
    for (const stamping of STAMPINGS) {
      expect(formatEnedisEndStamp(last, 30, stamping)).toBe('2023-05-30 00:00:00');
    }
  });

  it('repeats 02:30 and 03:00 on the October day with start-plus-length stamps', () => {
    const stamps = enedisPoints('2025-10-26', '2025-10-27', 30, 'start-plus-length').map((p) => p.date.slice(11, 16));
    expect(stamps).toHaveLength(50);
    expect(stamps.slice(2, 9)).toEqual(['01:30', '02:00', '02:30', '03:00', '02:30', '03:00', '03:30']);
  });

  it('repeats 02:00 and 02:30 on the October day with end-instant stamps', () => {
    const stamps = enedisPoints('2025-10-26', '2025-10-27', 30, 'end-instant').map((p) => p.date.slice(11, 16));
    expect(stamps.slice(2, 9)).toEqual(['01:30', '02:00', '02:30', '02:00', '02:30', '03:00', '03:30']);
  });

  it('skips the missing hour on the March day', () => {
    const plus = enedisPoints('2025-03-30', '2025-03-31', 30, 'start-plus-length').map((p) => p.date.slice(11, 16));
    const instant = enedisPoints('2025-03-30', '2025-03-31', 30, 'end-instant').map((p) => p.date.slice(11, 16));
    expect(plus).toHaveLength(46);
    expect(plus.slice(1, 6)).toEqual(['01:00', '01:30', '02:00', '03:30', '04:00']);
    expect(instant.slice(1, 6)).toEqual(['01:00', '01:30', '03:00', '03:30', '04:00']);
  });
});

describe('parisInstantsOfLocalTime', () => {
  it('finds none, one or two instants', () => {
    expect(parisInstantsOfLocalTime('2025-03-30 02:30:00')).toEqual([]);
    expect(parisInstantsOfLocalTime('2025-03-30 03:00:00').map((d) => d.toISOString())).toEqual([
      '2025-03-30T01:00:00.000Z',
    ]);
    expect(parisInstantsOfLocalTime('2025-10-26 02:30:00').map((d) => d.toISOString())).toEqual([
      '2025-10-26T00:30:00.000Z',
      '2025-10-26T01:30:00.000Z',
    ]);
    expect(parisInstantsOfLocalTime('2025-10-26 03:00:00')).toHaveLength(1);
  });

  it('rejects malformed stamps', () => {
    expect(() => parisInstantsOfLocalTime('2025-02-30 00:30:00')).toThrow(RangeError);
    expect(() => parisInstantsOfLocalTime('2025-01-01 24:00:00')).toThrow(RangeError);
    expect(() => parisInstantsOfLocalTime('2025-01-01')).toThrow(RangeError);
  });
});

describe('resolveEndStampedPoints', () => {
  it('maps the sandbox fixture day to interval starts from local midnight', () => {
    const resolved = resolveEndStampedPoints([
      { date: '2023-05-29 00:30:00', interval_length: 'PT30M' },
      { date: '2023-05-29 01:00:00', interval_length: 'PT30M' },
      { date: '2023-05-30 00:00:00', interval_length: 'PT30M' },
    ]);
    expect(resolved.map((r) => r.start.toISOString())).toEqual([
      '2023-05-28T22:00:00.000Z',
      '2023-05-28T22:30:00.000Z',
      '2023-05-29T21:30:00.000Z',
    ]);
    // The point stamped D+1 00:00:00 belongs to day D.
    expect(resolved.map((r) => parisDate(r.start))).toEqual(['2023-05-29', '2023-05-29', '2023-05-29']);
  });

  const days = ['2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2025-06-15', '2025-12-31'];
  for (const stamping of STAMPINGS) {
    for (const day of days) {
      for (const step of [10, 15, 30, 60]) {
        it(`recovers every slot of ${day} at ${step} min (${stamping})`, () => {
          const points = enedisPoints(day, addDays(day, 1), step, stamping);
          const resolved = resolveEndStampedPoints(points);
          expect(resolved.map((r) => r.start.getTime())).toEqual(points.map((p) => p.slot.getTime()));
          expect(resolved.every((r) => parisDate(r.start) === day)).toBe(true);
        });
      }
    }
  }

  it('resolves a 7-day request spanning the October change with 50 strictly increasing starts that day', () => {
    for (const stamping of STAMPINGS) {
      const points = enedisPoints('2025-10-22', '2025-10-29', 30, stamping);
      const resolved = resolveEndStampedPoints(points);
      for (let i = 1; i < resolved.length; i++) {
        expect(resolved[i]?.start.getTime()).toBeGreaterThan(resolved[i - 1]?.start.getTime() ?? Infinity);
      }
      expect(resolved.filter((r) => parisDate(r.start) === '2025-10-26')).toHaveLength(50);
      expect(resolved.filter((r) => parisDate(r.start) === '2025-10-25')).toHaveLength(48);
    }
  });

  it('keeps days with holes in place', () => {
    const points = enedisPoints('2025-10-26', '2025-10-27', 30, 'start-plus-length').filter((_, i) => i % 3 !== 1);
    const resolved = resolveEndStampedPoints(points);
    expect(resolved.map((r) => r.start.getTime())).toEqual(points.map((p) => p.slot.getTime()));
  });

  it('handles an interval length that changes inside the response', () => {
    const resolved = resolveEndStampedPoints([
      { date: '2024-01-10 23:00:00', interval_length: 'PT60M' },
      { date: '2024-01-11 00:00:00', interval_length: 'PT60M' },
      { date: '2024-01-11 00:30:00', interval_length: 'PT30M' },
    ]);
    expect(resolved.map((r) => [r.start.toISOString(), r.minutes])).toEqual([
      ['2024-01-10T21:00:00.000Z', 60],
      ['2024-01-10T22:00:00.000Z', 60],
      ['2024-01-10T23:00:00.000Z', 30],
    ]);
  });

  it('uses the default interval length and keeps extra fields', () => {
    const [first] = resolveEndStampedPoints([{ date: '2024-01-11 00:30:00', value: '211' }], {
      defaultIntervalLength: 'PT30M',
    });
    expect(first?.point.value).toBe('211');
    expect(first?.end.toISOString()).toBe('2024-01-10T23:30:00.000Z');
  });

  it('refuses points out of order or without a length', () => {
    expect(() =>
      resolveEndStampedPoints([
        { date: '2024-01-11 01:00:00', interval_length: 'PT30M' },
        { date: '2024-01-11 00:30:00', interval_length: 'PT30M' },
      ]),
    ).toThrow(RangeError);
    expect(() => resolveEndStampedPoints([{ date: '2024-01-11 00:30:00' }])).toThrow(/interval_length/);
  });
});
