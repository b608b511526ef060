/**
 * Deterministic Tempo calendar of any season, obeying the rules of `@med/core` (see its `rules.ts`):
 * 22 red days, only Monday–Friday from 1 November to 31 March, never on a public holiday and never more
 * than 5 working days in a row; 43 white days, never on Sunday; every other day blue.
 *
 * Days are ranked by "coldness" from the emulator's weather (`weather.ts`), which clusters red and white
 * days in cold spells of December–February as in real seasons, with a little noise so that rankings
 * are not purely thermal. The same season always yields the same calendar.
 */
import {
  addDays,
  isoWeekday,
  isRedAdvisable,
  isWhiteAllowed,
  seasonDates,
  seasonQuotas,
  TEMPO_MAX_CONSECUTIVE_RED,
  type TempoCalendar,
  type TempoColour,
} from '@med/core';
import { signedNoise } from './prng.ts';
import { dailyTemperature, dayKind } from './weather.ts';

const cache = new Map<string, TempoCalendar>();

/** Higher = more likely to be coloured. Weekends weigh less, as consumption drops. */
function coldness(date: string): number {
  const kind = dayKind(date);
  const weekendRelief = kind === 'saturday' ? 2 : kind === 'sunday' ? 4 : 0;
  return -dailyTemperature(date) - weekendRelief + 1.2 * signedNoise(`tempo:${date}`);
}

/** Length of the run of red working days through `date` if it were red (weekends are skipped). */
function redRunWith(date: string, reds: ReadonlySet<string>): number {
  const countFrom = (step: 1 | -1) => {
    let count = 0;
    for (let day = addDays(date, step); ; day = addDays(day, step)) {
      if (isoWeekday(day) >= 6) {
        continue;
      }
      if (!reds.has(day)) {
        return count;
      }
      count += 1;
    }
  };
  return countFrom(-1) + 1 + countFrom(1);
}

function rankByColdness(dates: string[]): string[] {
  const score = new Map(dates.map((date) => [date, coldness(date)]));
  return [...dates].sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || a.localeCompare(b));
}

/** The generated calendar of a season (`2025-2026`), memoised. */
export function generateSeasonCalendar(season: string): TempoCalendar {
  const cached = cache.get(season);
  if (cached) {
    return cached;
  }
  const dates = seasonDates(season);
  const quotas = seasonQuotas(season);

  const reds = new Set<string>();
  for (const date of rankByColdness(dates.filter(isRedAdvisable))) {
    if (reds.size === quotas.RED) {
      break;
    }
    if (redRunWith(date, reds) <= TEMPO_MAX_CONSECUTIVE_RED) {
      reds.add(date);
    }
  }
  const whites = new Set(
    rankByColdness(dates.filter((date) => isWhiteAllowed(date) && !reds.has(date))).slice(0, quotas.WHITE),
  );

  const calendar = new Map<string, TempoColour>(
    dates.map((date) => [date, reds.has(date) ? 'RED' : whites.has(date) ? 'WHITE' : 'BLUE']),
  );
  cache.set(season, calendar);
  return calendar;
}
