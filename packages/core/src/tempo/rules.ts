/**
 * Placement rules of Tempo colours.
 *
 * Hard rules (Arrêté 2014, restated by RTE's "Méthode de choix des jours Tempo"): red only from
 * 1 November to 31 March and only Monday–Friday; white never on Sunday (Saturday may be white);
 * Sundays are therefore always blue; 22 red and 43 white per season.
 *
 * Soft rules (RTE's published placement rules as restated by third parties; medium confidence, see
 * tariff-rules §3): no red on a public holiday, and at most 5 red days in a row. We count a "row" on
 * working days: a weekend between two red Fridays/Mondays does not break it, because with the
 * weekend rule a calendar-day count could never exceed 5 and the rule would say nothing.
 * Soft-rule breaches are reported as warnings so that a real published calendar is never rejected.
 */
import { assertIsoDate, isoWeekday } from '../time/index.ts';
import type { TempoColour } from './colours.ts';
import { isFrenchPublicHoliday } from './public-holidays.ts';

/** Longest run of red working days allowed by RTE's placement rules. */
export const TEMPO_MAX_CONSECUTIVE_RED = 5;

/** True from 1 November to 31 March, the only window in which red days may be placed. */
export function isInRedWindow(date: string): boolean {
  assertIsoDate(date);
  const month = Number(date.slice(5, 7));
  return month >= 11 || month <= 3;
}

/** Hard rule: red only in the red window and only Monday–Friday. */
export function isRedAllowed(date: string): boolean {
  return isInRedWindow(date) && isoWeekday(date) <= 5;
}

/** Hard rule: white on any day except Sunday. */
export function isWhiteAllowed(date: string): boolean {
  return isoWeekday(date) !== 7;
}

/** Hard rules for one day: blue is always allowed. */
export function isColourAllowed(date: string, colour: TempoColour): boolean {
  switch (colour) {
    case 'BLUE':
      return true;
    case 'WHITE':
      return isWhiteAllowed(date);
    case 'RED':
      return isRedAllowed(date);
  }
}

/** Soft rule: RTE does not place red days on public holidays. */
export function isRedAdvisable(date: string): boolean {
  return isRedAllowed(date) && !isFrenchPublicHoliday(date);
}
