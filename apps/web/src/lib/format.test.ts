import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatInteger, formatOffpeakRange } from './format.ts';

describe('format helpers', () => {
  it('formats a bare date without shifting it to the previous day', () => {
    expect(formatDate('2017-07-15', 'fr')).toBe('15 juillet 2017');
    expect(formatDate('2017-07-15', 'en')).toBe('15 July 2017');
  });

  it('formats instants in the requested time zone', () => {
    expect(formatDateTime('2025-03-30T00:30:00Z', 'fr', 'Europe/Paris')).toContain('01:30');
    expect(formatDateTime('2025-03-30T01:30:00Z', 'fr', 'Europe/Paris')).toContain('03:30');
  });

  it('keeps unparsable values as they are', () => {
    expect(formatDate('not a date', 'fr')).toBe('not a date');
  });

  it('groups thousands the local way', () => {
    expect(formatInteger(12345, 'en')).toBe('12,345');
    expect(formatInteger(12345, 'fr').replace(/\s/g, ' ')).toBe('12 345');
  });

  it('shows off-peak ranges with an en dash', () => {
    expect(formatOffpeakRange('22:00-06:00')).toBe('22:00–06:00');
  });
});
