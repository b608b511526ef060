import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { fr } from '../../i18n/fr.ts';
import {
  changesMeters,
  CONSENT_ERROR_REASONS,
  PARTIAL_CONSENT_REASONS,
  readConsentResult,
  type ConsentResult,
} from './consentResult.ts';

const read = (query: string) => readConsentResult(new URLSearchParams(query));

describe('readConsentResult', () => {
  it('reads a success with its counts', () => {
    expect(read('consent_success=true&pdl_count=2&created_count=1')).toEqual({
      kind: 'success',
      pdlCount: 2,
      createdCount: 1,
      rejected: null,
    });
  });

  it('reads a partial success with the reason and the number of meters turned down', () => {
    expect(
      read('consent_success=true&pdl_count=1&created_count=1&consent_error=pdl_already_exists&rejected_count=2'),
    ).toEqual({ kind: 'success', pdlCount: 1, createdCount: 1, rejected: { reason: 'pdl_already_exists', count: 2 } });
    // Enedis refused one of the two meters: it is listed (revoked) but not authorised, the other one is in.
    expect(
      read('consent_success=true&pdl_count=1&created_count=2&consent_error=consent_refused&rejected_count=1'),
    ).toEqual({ kind: 'success', pdlCount: 1, createdCount: 1, rejected: { reason: 'consent_refused', count: 1 } });
    expect(read('consent_success=true&pdl_count=3&created_count=3&consent_error=daily_limit&rejected_count=7')).toEqual(
      { kind: 'success', pdlCount: 3, createdCount: 3, rejected: { reason: 'daily_limit', count: 7 } },
    );
  });

  it('counts at least one meter turned down when the count is missing, and ignores an unknown partial reason', () => {
    expect(read('consent_success=true&pdl_count=1&created_count=0&consent_error=daily_limit')).toMatchObject({
      rejected: { reason: 'daily_limit', count: 1 },
    });
    expect(read('consent_success=true&pdl_count=1&created_count=0&consent_error=invalid_state')).toMatchObject({
      rejected: null,
    });
  });

  it('reads each error, the new ones and unknown ones included', () => {
    for (const reason of [
      'invalid_state',
      'access_denied',
      'invalid_pdl',
      'invalid_code',
      'consent_refused',
      'daily_limit',
      'pdl_already_exists',
      'enedis_error',
    ]) {
      expect(read(`consent_error=${reason}`)).toEqual({ kind: 'error', reason });
    }
    expect(read('consent_error=<script>')).toEqual({ kind: 'error', reason: 'unknown' });
    expect(read('consent_error=')).toEqual({ kind: 'error', reason: 'unknown' });
  });

  it('ignores other addresses and bad counts', () => {
    expect(read('')).toBeNull();
    expect(read('consent_success=false')).toBeNull();
    expect(read('consent_success=true&pdl_count=-3&created_count=abc')).toEqual({
      kind: 'success',
      pdlCount: 0,
      createdCount: 0,
      rejected: null,
    });
  });
});

describe('consent result messages', () => {
  it('has a message in French and English for every error and every partial reason', () => {
    for (const strings of [fr, en]) {
      for (const reason of [...CONSENT_ERROR_REASONS, 'unknown'] as const) {
        expect(strings.consent.errors[reason], reason).toBeTruthy();
      }
      for (const reason of PARTIAL_CONSENT_REASONS) {
        expect(strings.consent.partial[`${reason}_one`], reason).toContain('{{count}}');
        expect(strings.consent.partial[`${reason}_other`], reason).toContain('{{count}}');
      }
    }
  });
});

describe('changesMeters', () => {
  it('reloads the meters after a success or a refusal that marked meters revoked, not after other errors', () => {
    const error = (reason: Extract<ConsentResult, { kind: 'error' }>['reason']): ConsentResult => ({
      kind: 'error',
      reason,
    });
    expect(changesMeters({ kind: 'success', pdlCount: 1, createdCount: 0, rejected: null })).toBe(true);
    expect(changesMeters(error('consent_refused'))).toBe(true);
    expect(changesMeters(error('access_denied'))).toBe(false);
    expect(changesMeters(error('daily_limit'))).toBe(false);
  });
});
