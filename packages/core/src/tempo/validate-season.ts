/**
 * Checks a season's colours against the quotas and placement rules (see `rules.ts`).
 *
 * Works on complete seasons (exact quotas) and on seasons in progress (quotas must not be exceeded);
 * dates missing from the calendar are simply unknown.
 */
import { isIsoDate, isoWeekday } from '../time/index.ts';
import { TEMPO_COLOURS, type TempoCalendar, type TempoColour } from './colours.ts';
import { isFrenchPublicHoliday } from './public-holidays.ts';
import { isInRedWindow, TEMPO_MAX_CONSECUTIVE_RED } from './rules.ts';
import { seasonDates, seasonOf, seasonQuotas } from './season.ts';

export type TempoRuleCode =
  /** A key of the calendar is not a `YYYY-MM-DD` date. */
  | 'INVALID_DATE'
  /** A date belongs to another season than the one checked. */
  | 'OUTSIDE_SEASON'
  /** Red outside 1 November – 31 March. */
  | 'RED_OUTSIDE_WINDOW'
  /** Red on a Saturday or Sunday. */
  | 'RED_ON_WEEKEND'
  /** White on a Sunday. */
  | 'WHITE_ON_SUNDAY'
  /** More days of a colour than the season allows. */
  | 'QUOTA_EXCEEDED'
  /** A complete season whose count of a colour differs from the quota. */
  | 'QUOTA_NOT_MET'
  /** Warning: red on a French public holiday. */
  | 'RED_ON_PUBLIC_HOLIDAY'
  /** Warning: more than 5 red working days in a row. */
  | 'RED_RUN_TOO_LONG';

export interface TempoViolation {
  rule: TempoRuleCode;
  /** `error` for the Arrêté's rules and quotas, `warning` for RTE's softer placement rules. */
  severity: 'error' | 'warning';
  message: string;
  date?: string;
  colour?: TempoColour;
}

export interface SeasonValidation {
  season: string;
  /** Every day of the season has a colour. */
  complete: boolean;
  counts: Record<TempoColour, number>;
  quotas: Record<TempoColour, number>;
  violations: TempoViolation[];
  /** No violation of severity `error`. */
  valid: boolean;
}

export interface ValidateSeasonOptions {
  /** Season to check; by default the season of the earliest date of the calendar. */
  season?: string;
}

/**
 * @example
 * const report = validateSeason(calendar, { season: '2024-2025' });
 * if (!report.valid) console.warn(report.violations);
 */
export function validateSeason(calendar: TempoCalendar, options: ValidateSeasonOptions = {}): SeasonValidation {
  const violations: TempoViolation[] = [];
  const validDates = [...calendar.keys()].filter((date) => {
    if (isIsoDate(date)) {
      return true;
    }
    violations.push({ rule: 'INVALID_DATE', severity: 'error', date, message: `"${date}" is not a YYYY-MM-DD date` });
    return false;
  });
  const season = options.season ?? inferSeason(validDates);
  const dates = seasonDates(season);
  const counts: Record<TempoColour, number> = { BLUE: 0, WHITE: 0, RED: 0 };

  for (const date of validDates) {
    if (seasonOf(date) !== season) {
      violations.push({
        rule: 'OUTSIDE_SEASON',
        severity: 'error',
        date,
        message: `${date} is not in season ${season}`,
      });
    }
  }
  for (const date of dates) {
    const colour = calendar.get(date);
    if (colour === undefined) {
      continue;
    }
    counts[colour] += 1;
    violations.push(...dayViolations(date, colour));
  }
  violations.push(...redRunViolations(dates, calendar));

  const quotas = seasonQuotas(season);
  const complete = dates.every((date) => calendar.has(date));
  for (const colour of TEMPO_COLOURS) {
    if (counts[colour] > quotas[colour]) {
      violations.push({
        rule: 'QUOTA_EXCEEDED',
        severity: 'error',
        colour,
        message: `${counts[colour]} ${colour} days, the season allows ${quotas[colour]}`,
      });
    } else if (complete && counts[colour] !== quotas[colour]) {
      violations.push({
        rule: 'QUOTA_NOT_MET',
        severity: 'error',
        colour,
        message: `${counts[colour]} ${colour} days in a complete season, expected ${quotas[colour]}`,
      });
    }
  }

  return { season, complete, counts, quotas, violations, valid: violations.every((v) => v.severity !== 'error') };
}

function inferSeason(dates: string[]): string {
  const earliest = [...dates].sort()[0];
  if (earliest === undefined) {
    throw new RangeError('validateSeason needs a season when the calendar is empty');
  }
  return seasonOf(earliest);
}

function dayViolations(date: string, colour: TempoColour): TempoViolation[] {
  const weekday = isoWeekday(date);
  const found: TempoViolation[] = [];
  if (colour === 'RED') {
    if (!isInRedWindow(date)) {
      found.push({
        rule: 'RED_OUTSIDE_WINDOW',
        severity: 'error',
        date,
        colour,
        message: `red on ${date}, outside 1 Nov–31 Mar`,
      });
    }
    if (weekday >= 6) {
      found.push({ rule: 'RED_ON_WEEKEND', severity: 'error', date, colour, message: `red on ${date}, a weekend day` });
    }
    if (isFrenchPublicHoliday(date)) {
      found.push({
        rule: 'RED_ON_PUBLIC_HOLIDAY',
        severity: 'warning',
        date,
        colour,
        message: `red on ${date}, a public holiday`,
      });
    }
  }
  if (colour === 'WHITE' && weekday === 7) {
    found.push({ rule: 'WHITE_ON_SUNDAY', severity: 'error', date, colour, message: `white on ${date}, a Sunday` });
  }
  return found;
}

/** Runs of red working days; weekends neither extend nor break a run, an unknown day breaks it. */
function redRunViolations(dates: string[], calendar: TempoCalendar): TempoViolation[] {
  const found: TempoViolation[] = [];
  let run = 0;
  for (const date of dates) {
    if (isoWeekday(date) >= 6) {
      continue;
    }
    run = calendar.get(date) === 'RED' ? run + 1 : 0;
    if (run === TEMPO_MAX_CONSECUTIVE_RED + 1) {
      found.push({
        rule: 'RED_RUN_TOO_LONG',
        severity: 'warning',
        date,
        colour: 'RED',
        message: `more than ${TEMPO_MAX_CONSECUTIVE_RED} red working days in a row, ending on or after ${date}`,
      });
    }
  }
  return found;
}
