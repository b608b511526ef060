import { describe, expect, it } from 'vitest';
import { formatLongDay, formatParisDayTime, formatParisTime, formatPercent100, weekdayInitials } from './format.ts';
import { refreshInterval, RTE_REFRESH_MS, RTE_WAITING_REFRESH_MS } from './refresh.ts';

const spaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('RTE formatting', () => {
  it('shows instants in Paris time whatever the process zone', () => {
    expect(formatParisTime('2026-11-21T05:00:00Z', 'fr')).toBe('06:00');
    expect(formatParisTime(Date.parse('2026-07-01T22:30:00Z'), 'en')).toBe('00:30');
    expect(formatParisDayTime('2026-11-21T06:00:00+01:00', 'fr')).toBe('sam. 21 nov., 06:00');
  });

  it('writes calendar dates without shifting them', () => {
    expect(formatLongDay('2026-11-21', 'fr')).toBe('samedi 21 novembre');
    expect(formatLongDay('2026-11-21', 'en', true)).toMatch(/^Saturday,? 21 November 2026$/);
  });

  it('gives weekday initials Monday first', () => {
    expect(weekdayInitials('fr')).toEqual(['L', 'M', 'M', 'J', 'V', 'S', 'D']);
    expect(weekdayInitials('en')).toEqual(['M', 'T', 'W', 'T', 'F', 'S', 'S']);
  });

  it('writes 0–100 percentages', () => {
    expect(spaces(formatPercent100(42.5, 'fr'))).toBe('42,5 %');
    expect(formatPercent100(100, 'en')).toBe('100%');
  });
});

describe('refreshInterval', () => {
  it('polls every few minutes, faster while the server has nothing yet', () => {
    expect(refreshInterval(true)).toBe(RTE_REFRESH_MS);
    expect(refreshInterval(false)).toBe(RTE_WAITING_REFRESH_MS);
    expect(RTE_REFRESH_MS).toBeGreaterThanOrEqual(60_000);
    expect(RTE_WAITING_REFRESH_MS).toBeLessThan(RTE_REFRESH_MS);
  });
});
