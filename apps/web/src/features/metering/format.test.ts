import { describe, expect, it } from 'vitest';
import { formatClock, formatKwh, formatMonth, formatShortDay, whToKwh } from './format.ts';

describe('metering formats', () => {
  it('formats kWh in French and English', () => {
    expect(formatKwh(12_345, 'en')).toBe('12.3 kWh');
    expect(formatKwh(8_123_456, 'en')).toBe('8,123 kWh');
    expect(formatKwh(12_345, 'fr').replace(/\s/g, ' ')).toBe('12,3 kWh');
  });

  it('formats months, days and clocks', () => {
    expect(formatMonth(1, 'en', 'long')).toBe('January');
    expect(formatMonth('2025-03', 'fr', 'long', true)).toBe('mars 2025');
    expect(formatShortDay('2025-06-09')).toBe('09/06');
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(23 * 60 + 30)).toBe('23:30');
    expect(whToKwh(1234.6)).toBe(1.235);
  });
});
