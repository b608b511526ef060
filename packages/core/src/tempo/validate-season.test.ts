import { describe, expect, it } from 'vitest';
import { isoWeekday } from '../time/index.ts';
import type { TempoColour } from './colours.ts';
import { easterSunday, frenchPublicHolidays, isFrenchPublicHoliday } from './public-holidays.ts';
import { isColourAllowed, isRedAdvisable, isRedAllowed, isWhiteAllowed } from './rules.ts';
import { seasonDates } from './season.ts';
import { validateSeason } from './validate-season.ts';

/**
 * A hand-built legal season: reds on Tuesdays–Thursdays from December (never more than 3 in a row,
 * never on a holiday), whites on Saturdays and Mondays from September, everything else blue.
 */
function legalSeason(season: string): Map<string, TempoColour> {
  const calendar = new Map<string, TempoColour>();
  let reds = 0;
  let whites = 0;
  for (const date of seasonDates(season)) {
    const weekday = isoWeekday(date);
    const month = Number(date.slice(5, 7));
    if (reds < 22 && (month === 12 || month <= 3) && weekday >= 2 && weekday <= 4 && isRedAdvisable(date)) {
      calendar.set(date, 'RED');
      reds += 1;
    } else if (whites < 43 && (weekday === 6 || weekday === 1)) {
      calendar.set(date, 'WHITE');
      whites += 1;
    } else {
      calendar.set(date, 'BLUE');
    }
  }
  return calendar;
}

describe('placement rules', () => {
  it('allows red only Monday–Friday from 1 November to 31 March', () => {
    expect(isRedAllowed('2025-11-03')).toBe(true); // Monday
    expect(isRedAllowed('2025-10-31')).toBe(false); // Friday, October
    expect(isRedAllowed('2026-03-31')).toBe(true); // Tuesday
    expect(isRedAllowed('2026-04-01')).toBe(false); // Wednesday, April
    expect(isRedAllowed('2025-11-08')).toBe(false); // Saturday
    expect(isRedAllowed('2025-11-09')).toBe(false); // Sunday
  });

  it('allows white on Saturday but never on Sunday', () => {
    expect(isWhiteAllowed('2025-11-08')).toBe(true);
    expect(isWhiteAllowed('2025-11-09')).toBe(false);
    expect(isColourAllowed('2025-11-09', 'BLUE')).toBe(true);
    expect(isColourAllowed('2025-07-15', 'RED')).toBe(false);
  });

  it('advises against red on public holidays', () => {
    expect(isRedAllowed('2025-12-25')).toBe(true); // a Thursday: allowed by the Arrêté…
    expect(isRedAdvisable('2025-12-25')).toBe(false); // …but RTE does not place red on holidays
  });

  it('computes French public holidays from Easter', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    const holidays = frenchPublicHolidays(2025);
    expect(holidays.size).toBe(11);
    expect(holidays.has('2025-04-21')).toBe(true); // Easter Monday
    expect(holidays.has('2025-05-29')).toBe(true); // Ascension = Easter + 39
    expect(holidays.has('2025-06-09')).toBe(true); // Whit Monday = Easter + 50
    expect(isFrenchPublicHoliday('2025-11-11')).toBe(true);
    expect(isFrenchPublicHoliday('2025-11-12')).toBe(false);
  });
});

describe('validateSeason', () => {
  it('accepts a complete legal season, 365 or 366 days', () => {
    for (const season of ['2024-2025', '2023-2024']) {
      const report = validateSeason(legalSeason(season));
      expect(report.violations).toEqual([]);
      expect(report).toMatchObject({ season, complete: true, valid: true });
      expect(report.counts).toEqual(report.quotas);
    }
    expect(validateSeason(legalSeason('2023-2024')).counts.BLUE).toBe(301);
  });

  it('reports white on Sunday and red outside the window or on a weekend', () => {
    const calendar = legalSeason('2024-2025');
    calendar.set('2024-11-10', 'WHITE'); // Sunday
    calendar.set('2024-10-15', 'RED'); // Tuesday in October
    calendar.set('2025-01-11', 'RED'); // Saturday
    const report = validateSeason(calendar);
    expect(report.valid).toBe(false);
    const rules = report.violations.map((v) => `${v.rule}:${v.date ?? v.colour}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'WHITE_ON_SUNDAY:2024-11-10',
        'RED_OUTSIDE_WINDOW:2024-10-15',
        'RED_ON_WEEKEND:2025-01-11',
        'QUOTA_EXCEEDED:RED', // 24 reds
        'QUOTA_NOT_MET:BLUE', // complete season with 3 fewer blue days
      ]),
    );
  });

  it('checks exact quotas only once the season is complete', () => {
    const calendar = legalSeason('2024-2025');
    const firstRed = [...calendar].find(([, colour]) => colour === 'RED')?.[0] ?? '';
    calendar.set(firstRed, 'BLUE');
    expect(validateSeason(calendar).violations.map((v) => `${v.rule}:${v.colour}`)).toEqual([
      'QUOTA_EXCEEDED:BLUE',
      'QUOTA_NOT_MET:RED',
    ]);

    const inProgress = new Map([...legalSeason('2024-2025')].filter(([date]) => date < '2025-01-15'));
    const report = validateSeason(inProgress);
    expect(report).toMatchObject({ complete: false, valid: true, violations: [] });
  });

  it('keeps soft RTE rules as warnings', () => {
    const calendar = new Map<string, TempoColour>([
      ['2024-12-25', 'RED'], // Christmas, a Wednesday
      // Mon 13 → Mon 20 January 2025: six red working days, the weekend does not break the run.
      ['2025-01-13', 'RED'],
      ['2025-01-14', 'RED'],
      ['2025-01-15', 'RED'],
      ['2025-01-16', 'RED'],
      ['2025-01-17', 'RED'],
      ['2025-01-18', 'WHITE'],
      ['2025-01-19', 'BLUE'],
      ['2025-01-20', 'RED'],
    ]);
    const report = validateSeason(calendar);
    expect(report.valid).toBe(true);
    expect(report.violations.map((v) => `${v.severity}:${v.rule}:${v.date}`)).toEqual([
      'warning:RED_ON_PUBLIC_HOLIDAY:2024-12-25',
      'warning:RED_RUN_TOO_LONG:2025-01-20',
    ]);
  });

  it('flags dates of another season and bad keys', () => {
    const report = validateSeason(
      new Map<string, TempoColour>([
        ['2024-09-02', 'BLUE'],
        ['2025-09-01', 'BLUE'],
        ['bad', 'BLUE'],
      ]),
    );
    expect(report.season).toBe('2024-2025');
    expect(report.violations.map((v) => v.rule)).toEqual(['INVALID_DATE', 'OUTSIDE_SEASON']);
    expect(() => validateSeason(new Map())).toThrow(RangeError);
    expect(validateSeason(new Map(), { season: '2025-2026' }).valid).toBe(true);
  });
});
