import { describe, expect, it } from 'vitest';
import { chooseNotice } from './noticeChoice.ts';

describe('chooseNotice', () => {
  const all = { consentResult: true, emailNotVerified: true, consentExpiry: true };

  it('shows one notice at a time, the most urgent first', () => {
    expect(chooseNotice(all, new Set())).toBe('consentResult');
    expect(chooseNotice({ ...all, consentResult: false }, new Set())).toBe('consentExpiry');
    expect(chooseNotice({ ...all, consentResult: false, consentExpiry: false }, new Set())).toBe('emailNotVerified');
  });

  it('shows the next one once the first is dismissed, then nothing', () => {
    expect(chooseNotice(all, new Set(['consentResult']))).toBe('consentExpiry');
    expect(chooseNotice(all, new Set(['consentResult', 'consentExpiry']))).toBe('emailNotVerified');
    expect(chooseNotice(all, new Set(['consentResult', 'emailNotVerified', 'consentExpiry']))).toBeNull();
    expect(chooseNotice({ consentResult: false, emailNotVerified: false, consentExpiry: false }, new Set())).toBeNull();
  });
});
