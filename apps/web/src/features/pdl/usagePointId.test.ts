import { describe, expect, it } from 'vitest';
import { isValidUsagePointId, normalizeUsagePointId } from './usagePointId.ts';

describe('usage point id (PDL number)', () => {
  it('accepts exactly 14 digits', () => {
    expect(isValidUsagePointId('12345678901234')).toBe(true);
  });

  it('accepts the number as printed on bills, with separators', () => {
    expect(normalizeUsagePointId(' 1234 5678 9012 34 ')).toBe('12345678901234');
    expect(isValidUsagePointId('1234.5678.9012.34')).toBe(true);
    expect(isValidUsagePointId('1234\u00a05678\u00a0901234')).toBe(true);
  });

  it('refuses other lengths and non-digits', () => {
    for (const value of ['', '1234567890123', '123456789012345', '1234567890123a', 'abcdefghijklmn']) {
      expect(isValidUsagePointId(value), value).toBe(false);
    }
  });
});
