/** Tempo day colours as RTE spells them in the Tempo Like Supply Contract API. */
export const TEMPO_COLOURS = ['BLUE', 'WHITE', 'RED'] as const;

export type TempoColour = (typeof TEMPO_COLOURS)[number];

/** One published Tempo day: the calendar date (Paris) and its colour. */
export interface TempoDay {
  date: string;
  colour: TempoColour;
}

/** Colours by calendar date (`YYYY-MM-DD`). Dates absent from the map are unknown, not blue. */
export type TempoCalendar = ReadonlyMap<string, TempoColour>;

export function isTempoColour(value: unknown): value is TempoColour {
  return typeof value === 'string' && (TEMPO_COLOURS as readonly string[]).includes(value);
}

/** Builds a calendar from stored days or from a `{ date: colour }` record. Later duplicates win. */
export function toTempoCalendar(days: Iterable<TempoDay> | Readonly<Record<string, TempoColour>>): TempoCalendar {
  const calendar = new Map<string, TempoColour>();
  if (Symbol.iterator in days) {
    for (const day of days) {
      calendar.set(day.date, day.colour);
    }
  } else {
    for (const [date, colour] of Object.entries(days)) {
      calendar.set(date, colour);
    }
  }
  return calendar;
}
