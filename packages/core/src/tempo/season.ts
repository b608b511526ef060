/**
 * Tempo seasons ("années Tempo"): 1 September → 31 August, labelled `2025-2026`.
 *
 * Quotas: 22 red and 43 white days (Arrêté 2014 as applied since 2015; the older 40/20 figures of the
 * first Tempo swagger are outdated). Blue is **the rest of the season**, so 300 days in a 365-day
 * season and 301 in a season that contains 29 February (e.g. 2023-2024, 2027-2028). RTE publishes no
 * blue quota of its own; "300" in every source is the 365-day figure. We derive blue from the length
 * of the season so that a complete season always adds up.
 */
import { addDays, assertIsoDate, daysBetween, eachDay } from '../time/index.ts';
import type { TempoColour } from './colours.ts';

export const TEMPO_WHITE_QUOTA = 43;
export const TEMPO_RED_QUOTA = 22;
/** Blue days of a 365-day season; a 366-day season has one more. */
export const TEMPO_BLUE_QUOTA = 300;

const SEASON_LABEL = /^(\d{4})-(\d{4})$/;

/** Year in which the season starts (its 1 September). Throws on a malformed label. */
export function seasonStartYear(season: string): number {
  const match = SEASON_LABEL.exec(season);
  const first = Number(match?.[1]);
  if (!match || Number(match[2]) !== first + 1) {
    throw new RangeError(`Expected a Tempo season label like "2025-2026", got "${season}"`);
  }
  return first;
}

export function isSeasonLabel(value: string): boolean {
  const match = SEASON_LABEL.exec(value);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}

/** Label of the season that contains `date` (`2025-09-01` and `2026-08-31` are both in `2025-2026`). */
export function seasonOf(date: string): string {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  const first = Number(date.slice(5, 7)) >= 9 ? year : year - 1;
  return `${first}-${first + 1}`;
}

export interface SeasonBounds {
  season: string;
  /** 1 September, first day of the season. */
  firstDay: string;
  /** 31 August, last day of the season (included). */
  lastDay: string;
  /** 365, or 366 when the season contains 29 February. */
  dayCount: number;
}

export function seasonBounds(season: string): SeasonBounds {
  const startYear = seasonStartYear(season);
  const firstDay = `${startYear}-09-01`;
  const lastDay = `${startYear + 1}-08-31`;
  return { season, firstDay, lastDay, dayCount: daysBetween(firstDay, lastDay) + 1 };
}

/** Every date of the season in order. */
export function seasonDates(season: string): string[] {
  const { firstDay, lastDay } = seasonBounds(season);
  return eachDay(firstDay, addDays(lastDay, 1));
}

/**
 * "JourTempo" of RTE's method: day number in the season, 1 on 1 September, 365 or 366 on 31 August.
 * @example dayInSeason('2025-09-01') === 1; dayInSeason('2026-08-31') === 365
 */
export function dayInSeason(date: string): number {
  return daysBetween(seasonBounds(seasonOf(date)).firstDay, date) + 1;
}

/** Colour quotas of a season; blue fills the rest (300 or 301). */
export function seasonQuotas(season: string): Record<TempoColour, number> {
  const { dayCount } = seasonBounds(season);
  return { BLUE: dayCount - TEMPO_WHITE_QUOTA - TEMPO_RED_QUOTA, WHITE: TEMPO_WHITE_QUOTA, RED: TEMPO_RED_QUOTA };
}

/** Label of the season after (`offset` = 1) or before (`offset` = -1) the given one. */
export function shiftSeason(season: string, offset: number): string {
  const first = seasonStartYear(season) + offset;
  return `${first}-${first + 1}`;
}

/** Calendar date of JourTempo `dayNumber` in the season (1 = 1 September). */
export function seasonDay(season: string, dayNumber: number): string {
  return addDays(seasonBounds(season).firstDay, dayNumber - 1);
}
