import { ErrorCode } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError.ts';
import { loadProblem, quotaResetAt } from './loadProblem.ts';

describe('metering load problems', () => {
  it('recognises a quota error, with the time it frees up', () => {
    const error = new ApiError({
      status: 429,
      code: ErrorCode.RATE_LIMIT_EXCEEDED,
      message: 'quota',
      retryAfterSeconds: 3600,
    });
    expect(loadProblem(error)).toBe('quota');
    expect(quotaResetAt(error, Date.parse('2025-11-05T22:00:00Z'))).toBe(Date.parse('2025-11-05T23:00:00Z'));
    // Without Retry-After: the next midnight in Paris (23:00 UTC in winter).
    expect(
      quotaResetAt(
        new ApiError({ status: 429, code: ErrorCode.RATE_LIMIT_EXCEEDED, message: 'quota' }),
        Date.parse('2025-11-05T22:30:00Z'),
      ),
    ).toBe(Date.parse('2025-11-05T23:00:00Z'));
  });

  it('advises to retry later when Enedis or the network is unavailable', () => {
    expect(loadProblem(new ApiError({ status: 503, code: ErrorCode.ENEDIS_UNAVAILABLE, message: 'busy' }))).toBe(
      'unavailable',
    );
    expect(loadProblem(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'offline' }))).toBe('unavailable');
    expect(loadProblem(new ApiError({ status: 504, code: ErrorCode.SERVICE_UNAVAILABLE, message: 'timeout' }))).toBe(
      'unavailable',
    );
  });

  it('recognises the refusal of a meter without a live consent, whatever its state', () => {
    for (const code of [ErrorCode.CONSENT_REQUIRED, ErrorCode.CONSENT_REVOKED, ErrorCode.CONSENT_EXPIRED]) {
      expect(loadProblem(new ApiError({ status: 403, code, message: 'consent' })), code).toBe('consent');
    }
  });

  it('leaves other errors to their translated message', () => {
    expect(loadProblem(new ApiError({ status: 403, code: ErrorCode.FORBIDDEN, message: 'no' }))).toBe('other');
    expect(loadProblem(new ApiError({ status: 400, code: ErrorCode.CONSENT_STATE_INVALID, message: 'state' }))).toBe(
      'other',
    );
    expect(loadProblem(new Error('boom'))).toBe('other');
  });
});
