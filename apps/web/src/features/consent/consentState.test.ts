import { ErrorCode } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { buildPdl } from '../pdl/pdl.fixture.ts';
import { blockedStatus, consentErrorCode, expiringSoon, hasLiveConsent, isConsentErrorCode } from './consentState.ts';

const NOW = Date.parse('2028-12-10T12:00:00Z');
const expiringOn = (id: string, at: string, overrides = {}) => buildPdl(id, { consent_expires_at: at, ...overrides });

describe('consent state of a meter', () => {
  it('lets only an active consent read data', () => {
    expect(hasLiveConsent(buildPdl('1'))).toBe(true);
    for (const status of ['pending', 'revoked', 'expired'] as const) {
      expect(hasLiveConsent(buildPdl('1', { consent_status: status })), status).toBe(false);
      expect(blockedStatus(buildPdl('1', { consent_status: status }))).toBe(status);
    }
    expect(blockedStatus(buildPdl('1'))).toBeNull();
  });

  it('maps each blocked state to the code the data routes answer', () => {
    expect(consentErrorCode('pending')).toBe(ErrorCode.CONSENT_REQUIRED);
    expect(consentErrorCode('revoked')).toBe(ErrorCode.CONSENT_REVOKED);
    expect(consentErrorCode('expired')).toBe(ErrorCode.CONSENT_EXPIRED);
    for (const code of [ErrorCode.CONSENT_REQUIRED, ErrorCode.CONSENT_REVOKED, ErrorCode.CONSENT_EXPIRED]) {
      expect(isConsentErrorCode(code)).toBe(true);
    }
    expect(isConsentErrorCode(ErrorCode.CONSENT_STATE_INVALID)).toBe(false);
    expect(isConsentErrorCode(ErrorCode.FORBIDDEN)).toBe(false);
  });
});

describe('expiringSoon', () => {
  it('lists active consents ending within 30 days, soonest first', () => {
    const inTwentyDays = expiringOn('1', '2028-12-30T12:00:00Z');
    const tomorrow = expiringOn('2', '2028-12-11T08:00:00Z');
    const later = expiringOn('3', '2029-03-01T00:00:00Z');
    expect(expiringSoon([inTwentyDays, later, tomorrow], NOW)).toEqual([
      { pdl: tomorrow, expiresAt: '2028-12-11T08:00:00Z' },
      { pdl: inTwentyDays, expiresAt: '2028-12-30T12:00:00Z' },
    ]);
  });

  it('includes the 30th day and excludes the 31st', () => {
    const day30 = expiringOn('1', '2029-01-09T12:00:00Z');
    const day30AndASecond = expiringOn('2', '2029-01-09T12:00:01Z');
    expect(expiringSoon([day30, day30AndASecond], NOW).map((entry) => entry.pdl)).toEqual([day30]);
  });

  it('ignores consents already over, not active, or without a date', () => {
    expect(
      expiringSoon(
        [
          expiringOn('1', '2028-12-10T12:00:00Z'),
          expiringOn('2', '2028-12-01T00:00:00Z'),
          expiringOn('3', '2028-12-20T00:00:00Z', { consent_status: 'revoked' }),
          expiringOn('4', '2028-12-20T00:00:00Z', { consent_status: 'expired' }),
          buildPdl('5', { consent_status: 'pending', consent_expires_at: null, consent_granted_at: null }),
          expiringOn('6', 'not a date'),
        ],
        NOW,
      ),
    ).toEqual([]);
  });

  it('takes another window when asked', () => {
    const inTwentyDays = expiringOn('1', '2028-12-30T12:00:00Z');
    expect(expiringSoon([inTwentyDays], NOW, 7)).toEqual([]);
    expect(expiringSoon([inTwentyDays], NOW, 21)).toHaveLength(1);
  });
});
