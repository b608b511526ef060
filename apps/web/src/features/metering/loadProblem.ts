import { ErrorCode } from '@med/contracts';
import { addDays, parisMidnightUtc, parisToday } from '@med/core';
import { isApiError } from '../../api/ApiError.ts';
import { isConsentErrorCode } from '../consent/consentState.ts';

export type LoadProblem = 'quota' | 'unavailable' | 'consent' | 'other';

/**
 * Which advice a metering failure deserves. `consent`: the 403 of a meter without a live consent
 * (CONSENT_REQUIRED, CONSENT_REVOKED, CONSENT_EXPIRED) — retrying is useless, renewing is the way.
 */
export function loadProblem(error: unknown): LoadProblem {
  if (!isApiError(error)) {
    return 'other';
  }
  if (isConsentErrorCode(error.code)) {
    return 'consent';
  }
  if (error.code === ErrorCode.RATE_LIMIT_EXCEEDED || error.status === 429) {
    return 'quota';
  }
  if (
    error.status === 0 ||
    error.status === 502 ||
    error.status === 503 ||
    error.status === 504 ||
    error.code === ErrorCode.ENEDIS_UNAVAILABLE
  ) {
    return 'unavailable';
  }
  return 'other';
}

/**
 * When a quota frees up: the failure time plus its Retry-After, else the next midnight in Paris (the
 * server's daily quotas reset then).
 */
export function quotaResetAt(error: unknown, errorAt: number): number {
  const at = errorAt || Date.now();
  if (isApiError(error) && error.retryAfterSeconds !== undefined) {
    return at + error.retryAfterSeconds * 1000;
  }
  return parisMidnightUtc(addDays(parisToday(new Date(at)), 1)).getTime();
}
