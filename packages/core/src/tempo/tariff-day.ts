/**
 * Tempo tariff days run from 06:00 to 06:00 Paris time (tariff-rules §3): the colour RTE publishes
 * for calendar date D applies from D 06:00 to D+1 06:00. Between 00:00 and 06:00 the colour of the
 * previous date still applies.
 *
 * Subtracting six hours from the instant would be wrong on DST days (on 2025-03-30, 06:00 local is
 * only five real hours after midnight), so we read the Paris wall clock instead.
 */
import { DateTime } from 'luxon';
import { addDays, assertIsoDate, PARIS_ZONE, parisWallClock } from '../time/index.ts';
import type { TempoCalendar, TempoColour } from './colours.ts';

/** Local hour (Paris) at which one Tempo day hands over to the next. */
export const TEMPO_DAY_START_HOUR = 6;

/**
 * Calendar date whose colour applies at `instant`.
 * @example tempoTariffDate(new Date('2025-01-15T04:59:00Z')) === '2025-01-14' // 05:59 Paris
 * @example tempoTariffDate(new Date('2025-01-15T05:00:00Z')) === '2025-01-15' // 06:00 Paris
 */
export function tempoTariffDate(instant: Date): string {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError('tempoTariffDate needs a valid Date');
  }
  const { date, hour } = parisWallClock(instant);
  return hour < TEMPO_DAY_START_HOUR ? addDays(date, -1) : date;
}

/** Colour in force at `instant`, or `undefined` when the calendar does not know that tariff day. */
export function colourAt(instant: Date, calendar: TempoCalendar): TempoColour | undefined {
  return calendar.get(tempoTariffDate(instant));
}

/** Instants bounding the tariff day of `date`: [D 06:00, D+1 06:00) Paris; 23 h or 25 h around DST. */
export function tempoDayBounds(date: string): { start: Date; end: Date } {
  assertIsoDate(date);
  const at6 = (day: string) =>
    DateTime.fromISO(`${day}T0${TEMPO_DAY_START_HOUR}:00:00`, { zone: PARIS_ZONE }).toJSDate();
  return { start: at6(date), end: at6(addDays(date, 1)) };
}
