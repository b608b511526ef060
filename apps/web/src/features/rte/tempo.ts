import type { TempoSeasonStatsDto } from '@med/contracts';
import {
  isoWeekday,
  seasonBounds,
  seasonDates,
  seasonOf,
  shiftSeason,
  TEMPO_COLOURS,
  type TempoColour,
} from '@med/core';

/** One day of the season calendar; `colour` is null while RTE has not published it. */
export interface CalendarDay {
  date: string;
  /** Day of the month, 1–31. */
  day: number;
  colour: TempoColour | null;
  isToday: boolean;
}

export interface CalendarMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Empty cells before the 1st in a Monday-first week. */
  leadingBlanks: number;
  days: CalendarDay[];
  /** Published days of the month per colour. */
  counts: Record<TempoColour, number>;
}

export function emptyCounts(): Record<TempoColour, number> {
  return { BLUE: 0, WHITE: 0, RED: 0 };
}

/** The twelve months of a season (September → August) with each day's published colour. */
export function seasonCalendar(
  season: string,
  published: readonly { date: string; color: TempoColour }[],
  today: string,
): CalendarMonth[] {
  const colours = new Map(published.map((day) => [day.date, day.color]));
  const months: CalendarMonth[] = [];
  for (const date of seasonDates(season)) {
    const month = date.slice(0, 7);
    let current = months.at(-1);
    if (current?.month !== month) {
      current = { month, leadingBlanks: isoWeekday(date) - 1, days: [], counts: emptyCounts() };
      months.push(current);
    }
    const colour = colours.get(date) ?? null;
    if (colour) {
      current.counts[colour] += 1;
    }
    current.days.push({ date, day: Number(date.slice(8, 10)), colour, isToday: date === today });
  }
  return months;
}

/** Published days of a season per colour. */
export function countColours(days: readonly { color: TempoColour }[]): Record<TempoColour, number> {
  const counts = emptyCounts();
  for (const day of days) {
    counts[day.color] += 1;
  }
  return counts;
}

/** The seasons offered by the calendar selector: the current one first, then the previous one. */
export function seasonChoices(today: string): string[] {
  const current = seasonOf(today);
  return [current, shiftSeason(current, -1)];
}

/** The whole season as an inclusive range, as `GET /api/tempo` takes it. */
export function seasonRange(season: string): { start: string; end: string } {
  const { firstDay, lastDay } = seasonBounds(season);
  return { start: firstDay, end: lastDay };
}

export interface ColourBalance {
  colour: TempoColour;
  used: number;
  remaining: number;
  /** used + remaining: 300 (301 in a leap season), 43 or 22. */
  quota: number;
}

/** False until at least one day of the season is known: counters and forecast mean nothing before. */
export function seasonHasData(stats: Pick<TempoSeasonStatsDto, 'blue_used' | 'white_used' | 'red_used'>): boolean {
  return stats.blue_used + stats.white_used + stats.red_used > 0;
}

/** Used and remaining days per colour, and the days of the season still to be coloured. */
export function colourBalance(stats: TempoSeasonStatsDto): { rows: ColourBalance[]; remaining: number } {
  const rows: ColourBalance[] = TEMPO_COLOURS.map((colour) => {
    const used = colour === 'BLUE' ? stats.blue_used : colour === 'WHITE' ? stats.white_used : stats.red_used;
    const remaining =
      colour === 'BLUE' ? stats.blue_remaining : colour === 'WHITE' ? stats.white_remaining : stats.red_remaining;
    return { colour, used, remaining, quota: used + remaining };
  });
  return { rows, remaining: rows.reduce((sum, row) => sum + row.remaining, 0) };
}
