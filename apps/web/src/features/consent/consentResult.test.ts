import { describe, expect, it } from 'vitest';
import { readConsentResult } from './consentResult.ts';

const read = (query: string) => readConsentResult(new URLSearchParams(query));

describe('readConsentResult', () => {
  it('reads a success with its counts', () => {
    expect(read('consent_success=true&pdl_count=2&created_count=1')).toEqual({
      kind: 'success',
      pdlCount: 2,
      createdCount: 1,
      rejectedCount: 0,
    });
  });

  it('reads a partial success (some meters belong to another account)', () => {
    expect(
      read('consent_success=true&pdl_count=1&created_count=1&consent_error=pdl_already_exists&rejected_count=2'),
    ).toEqual({
      kind: 'success',
      pdlCount: 1,
      createdCount: 1,
      rejectedCount: 2,
    });
  });

  it('reads each error, unknown ones included', () => {
    for (const reason of ['invalid_state', 'access_denied', 'invalid_pdl', 'pdl_already_exists', 'enedis_error']) {
      expect(read(`consent_error=${reason}`)).toEqual({ kind: 'error', reason });
    }
    expect(read('consent_error=<script>')).toEqual({ kind: 'error', reason: 'unknown' });
  });

  it('ignores other addresses and bad counts', () => {
    expect(read('')).toBeNull();
    expect(read('consent_success=false')).toBeNull();
    expect(read('consent_success=true&pdl_count=-3&created_count=abc')).toEqual({
      kind: 'success',
      pdlCount: 0,
      createdCount: 0,
      rejectedCount: 0,
    });
  });
});
