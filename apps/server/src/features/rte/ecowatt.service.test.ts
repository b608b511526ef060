import { describe, expect, it } from 'vitest';
import { expectedEcowattGeneration } from './ecowatt.service.ts';

const at = (iso: string) => expectedEcowattGeneration(new Date(iso)).toISOString();

/** RTE generates the EcoWatt file at 17:00 Paris, 12:15 on Fridays: the latest such instant at `now`. */
describe('expectedEcowattGeneration', () => {
  it('is 17:00 Paris from 17:00 on, the previous day’s before', () => {
    // Wednesday 2026-01-14 (UTC+1).
    expect(at('2026-01-14T15:59:59Z')).toBe('2026-01-13T16:00:00.000Z');
    expect(at('2026-01-14T16:00:00Z')).toBe('2026-01-14T16:00:00.000Z');
    expect(at('2026-01-14T22:59:00Z')).toBe('2026-01-14T16:00:00.000Z');
    // Just after midnight Paris it is still the evening before.
    expect(at('2026-01-14T23:05:00Z')).toBe('2026-01-14T16:00:00.000Z');
  });

  it('is 12:15 on Friday, which stays the latest through Friday evening and Saturday before 17:00', () => {
    // Friday 2026-01-16.
    expect(at('2026-01-16T11:14:59Z')).toBe('2026-01-15T16:00:00.000Z');
    expect(at('2026-01-16T11:15:00Z')).toBe('2026-01-16T11:15:00.000Z');
    expect(at('2026-01-16T16:00:00Z')).toBe('2026-01-16T11:15:00.000Z');
    expect(at('2026-01-17T15:59:00Z')).toBe('2026-01-16T11:15:00.000Z');
    expect(at('2026-01-17T16:00:00Z')).toBe('2026-01-17T16:00:00.000Z');
  });

  it('follows Paris summer time (17:00 CEST is 15:00 UTC)', () => {
    // Sunday 2026-03-29 is the spring DST day; Friday 2026-03-27 is still in winter time.
    expect(at('2026-03-29T14:59:00Z')).toBe('2026-03-28T16:00:00.000Z');
    expect(at('2026-03-29T15:00:00Z')).toBe('2026-03-29T15:00:00.000Z');
    expect(at('2026-07-03T10:15:00Z')).toBe('2026-07-03T10:15:00.000Z'); // a summer Friday, 12:15 CEST
  });
});
