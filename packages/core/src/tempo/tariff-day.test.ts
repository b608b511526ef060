import { describe, expect, it } from 'vitest';
import { toTempoCalendar } from './colours.ts';
import { colourAt, tempoDayBounds, tempoTariffDate } from './tariff-day.ts';

// Paris is UTC+1 in winter (CET) and UTC+2 in summer (CEST); the instants below are written in UTC.
describe('tempoTariffDate (06:00 → 06:00 Paris)', () => {
  it('switches at 06:00 Paris in winter', () => {
    expect(tempoTariffDate(new Date('2025-01-15T04:59:59Z'))).toBe('2025-01-14'); // 05:59:59 CET
    expect(tempoTariffDate(new Date('2025-01-15T05:00:00Z'))).toBe('2025-01-15'); // 06:00 CET
  });

  it('keeps the previous colour from midnight to 06:00', () => {
    expect(tempoTariffDate(new Date('2025-01-14T23:00:00Z'))).toBe('2025-01-14'); // 00:00 CET on the 15th
    expect(tempoTariffDate(new Date('2025-01-15T22:59:59Z'))).toBe('2025-01-15'); // 23:59:59 CET
  });

  it('switches at 06:00 Paris in summer', () => {
    expect(tempoTariffDate(new Date('2025-07-01T03:59:59Z'))).toBe('2025-06-30'); // 05:59:59 CEST
    expect(tempoTariffDate(new Date('2025-07-01T04:00:00Z'))).toBe('2025-07-01'); // 06:00 CEST
  });

  it('uses the local clock on the spring-forward day (2025-03-30, 02:00 → 03:00)', () => {
    // Only five real hours separate local midnight (23:00Z) from 06:00 CEST (04:00Z).
    expect(tempoTariffDate(new Date('2025-03-29T23:00:00Z'))).toBe('2025-03-29'); // 00:00 CET
    expect(tempoTariffDate(new Date('2025-03-30T03:59:00Z'))).toBe('2025-03-29'); // 05:59 CEST
    expect(tempoTariffDate(new Date('2025-03-30T04:00:00Z'))).toBe('2025-03-30'); // 06:00 CEST
  });

  it('uses the local clock on the fall-back day (2025-10-26, 03:00 → 02:00)', () => {
    // Seven real hours separate local midnight (22:00Z) from 06:00 CET (05:00Z).
    expect(tempoTariffDate(new Date('2025-10-26T00:30:00Z'))).toBe('2025-10-25'); // first 02:30 CEST
    expect(tempoTariffDate(new Date('2025-10-26T01:30:00Z'))).toBe('2025-10-25'); // second 02:30 CET
    expect(tempoTariffDate(new Date('2025-10-26T04:59:00Z'))).toBe('2025-10-25'); // 05:59 CET
    expect(tempoTariffDate(new Date('2025-10-26T05:00:00Z'))).toBe('2025-10-26'); // 06:00 CET
  });

  it('rejects an invalid Date', () => {
    expect(() => tempoTariffDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('tempoDayBounds', () => {
  it('lasts 24 h on an ordinary day', () => {
    const { start, end } = tempoDayBounds('2025-01-15');
    expect(start.toISOString()).toBe('2025-01-15T05:00:00.000Z');
    expect(end.toISOString()).toBe('2025-01-16T05:00:00.000Z');
  });

  it('lasts 23 h for the tariff day that contains the spring-forward night', () => {
    const { start, end } = tempoDayBounds('2025-03-29');
    expect(start.toISOString()).toBe('2025-03-29T05:00:00.000Z'); // 06:00 CET
    expect(end.toISOString()).toBe('2025-03-30T04:00:00.000Z'); // 06:00 CEST
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });

  it('lasts 25 h for the tariff day that contains the fall-back night', () => {
    const { start, end } = tempoDayBounds('2025-10-25');
    expect(start.toISOString()).toBe('2025-10-25T04:00:00.000Z'); // 06:00 CEST
    expect(end.toISOString()).toBe('2025-10-26T05:00:00.000Z'); // 06:00 CET
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(25);
  });
});

describe('colourAt', () => {
  const calendar = toTempoCalendar({ '2025-01-14': 'RED', '2025-01-15': 'WHITE' });

  it('reads the colour of the tariff day in force', () => {
    expect(colourAt(new Date('2025-01-15T04:59:00Z'), calendar)).toBe('RED'); // 05:59, still the 14th
    expect(colourAt(new Date('2025-01-15T05:00:00Z'), calendar)).toBe('WHITE');
    expect(colourAt(new Date('2025-01-16T05:00:00Z'), calendar)).toBeUndefined(); // the 16th is unknown
  });
});
