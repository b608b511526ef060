import { describe, expect, it } from 'vitest';
import { consentExpiry } from './duration.ts';

const NOW = new Date('2025-11-05T10:00:00Z');

describe('consentExpiry', () => {
  it('accepts the durations clients send, up to three years', () => {
    expect(consentExpiry('P36M', NOW)).toEqual({ ok: true, expiresAt: new Date('2028-11-05T10:00:00Z') });
    expect(consentExpiry('P3Y', NOW)).toEqual({ ok: true, expiresAt: new Date('2028-11-05T10:00:00Z') });
    expect(consentExpiry('P1Y4M', NOW)).toEqual({ ok: true, expiresAt: new Date('2027-03-05T10:00:00Z') });
    expect(consentExpiry('P2W', NOW)).toEqual({ ok: true, expiresAt: new Date('2025-11-19T10:00:00Z') });
    expect(consentExpiry('P1095D', NOW).ok).toBe(true);
  });

  it('keeps the local time of day across a DST change', () => {
    // 11:00 Paris in winter → 11:00 Paris in summer, i.e. one hour earlier in UTC.
    expect(consentExpiry('P6M', NOW)).toEqual({ ok: true, expiresAt: new Date('2026-05-05T09:00:00Z') });
  });

  it('refuses more than three years and negative durations', () => {
    expect(consentExpiry('P37M', NOW)).toEqual({ ok: false, reason: 'maximum_duration_exceeded' });
    expect(consentExpiry('P3Y1D', NOW)).toEqual({ ok: false, reason: 'maximum_duration_exceeded' });
    expect(consentExpiry('P1200D', NOW)).toEqual({ ok: false, reason: 'maximum_duration_exceeded' });
    expect(consentExpiry('-P1Y', NOW)).toEqual({ ok: false, reason: 'maximum_duration_exceeded' });
  });

  it('refuses malformed durations and time units', () => {
    for (const text of ['36M', 'P', 'PT1H', 'P1YT2H', 'P0D', 'three years', 'P1.5Y']) {
      expect(consentExpiry(text, NOW), text).toEqual({ ok: false, reason: 'invalid_duration_format' });
    }
  });
});
