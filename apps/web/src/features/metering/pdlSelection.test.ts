import { describe, expect, it } from 'vitest';
import { blockedStatus } from '../consent/consentState.ts';
import { buildPdl } from '../pdl/pdl.fixture.ts';
import { choosePdl, splitOptions } from './pdlSelection.ts';

const revoked = buildPdl('1', { consent_status: 'revoked', consent_revoked_at: '2026-12-02T10:00:00Z' });
const pending = buildPdl('2', { consent_status: 'pending', consent_granted_at: null, consent_expires_at: null });
const active = buildPdl('3');
const expired = buildPdl('4', { consent_status: 'expired' });
const other = buildPdl('5');

describe('choosePdl', () => {
  it('never selects a meter without a live consent by default: the first readable one', () => {
    expect(choosePdl([revoked, pending, active, other], null, blockedStatus)).toBe(active);
  });

  it('keeps the meter the address names, readable or not (an explicit choice)', () => {
    expect(choosePdl([revoked, active, other], other.usage_point_id, blockedStatus)).toBe(other);
    expect(choosePdl([revoked, active], revoked.usage_point_id, blockedStatus)).toBe(revoked);
  });

  it('falls back to the default when the address names a meter that is not offered', () => {
    expect(choosePdl([revoked, active], '99999999999999', blockedStatus)).toBe(active);
  });

  it('selects nothing when no meter can be read', () => {
    expect(choosePdl([revoked, pending, expired], null, blockedStatus)).toBeNull();
    expect(choosePdl([], null, blockedStatus)).toBeNull();
  });
});

describe('splitOptions', () => {
  it('lists readable meters first, in order, and the others apart with their state', () => {
    expect(splitOptions([revoked, active, pending, other, expired], blockedStatus)).toEqual({
      readable: [active, other],
      blocked: [
        { pdl: revoked, status: 'revoked' },
        { pdl: pending, status: 'pending' },
        { pdl: expired, status: 'expired' },
      ],
    });
  });
});
