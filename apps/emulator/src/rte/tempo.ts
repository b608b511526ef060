/**
 * Tempo Like Supply Contract v1 (enedis-rte-reference §B2):
 * `GET /open_api/tempo_like_supply_contract/v1/tempo_like_calendars?start_date&end_date&fallback_status`.
 *
 * - `tempo_like_calendars` is an object `{start_date, end_date, values}`; values are newest first.
 * - Without dates: the latest published day only.
 * - Functional errors F01–F07 (400) as listed in RTE's guide.
 * - Tomorrow exists only from `tempoPublicationTime` (Paris) today; before that a request reaching into
 *   tomorrow gets F04 (or is cut, see `tempoUnpublishedBehaviour`). Nothing beyond D+1 ever exists.
 */
import { addDays, parisDate, parisDayBounds, seasonOf, type TempoColour } from '@med/core';
import type { FastifyInstance } from 'fastify';
import { generateSeasonCalendar } from './calendar-generator.ts';
import { RteRequestError } from './errors.ts';
import { bearerGuard } from './oauth.ts';
import { firstQueryValue } from './query.ts';
import { formatRteDateTime, parisDaysOverlapping, parisTimeOn, parseRteDateTime } from './rte-dates.ts';
import type { RteRuntime } from './runtime.ts';

export const TEMPO_PATH = '/open_api/tempo_like_supply_contract/v1/tempo_like_calendars';
const CODE = (n: number) => `TMPLIKSUPCON_TMPLIKCAL_F0${n}`;
const MAX_PERIOD_DAYS = 366;
const HOUR_MS = 3_600_000;

export interface TempoValue {
  start_date: string;
  end_date: string;
  /** Absent on RTE's known hole (2022-12-28): clients must tolerate it. */
  value?: TempoColour;
  updated_date: string;
  fallback?: boolean;
}

export interface TempoResponse {
  tempo_like_calendars: { start_date: string; end_date: string; values: TempoValue[] };
}

/** Colour the emulator serves for a date: an override, else the generated season calendar. */
export function tempoColourOf(runtime: RteRuntime, date: string): TempoColour {
  return runtime.tempoOverrides.get(date) ?? generateSeasonCalendar(seasonOf(date)).get(date) ?? 'BLUE';
}

/** When the colour of `date` was published: the day before, at the publication time (Paris). */
function publishedAt(runtime: RteRuntime, date: string): Date {
  return parisTimeOn(addDays(date, -1), runtime.tempoPublicationTime);
}

/** Latest date whose colour is published at the emulator's `now`. */
export function lastPublishedDate(runtime: RteRuntime): string {
  const now = runtime.now();
  const tomorrow = addDays(parisDate(now), 1);
  return now >= publishedAt(runtime, tomorrow) ? tomorrow : parisDate(now);
}

function tempoValue(runtime: RteRuntime, date: string, withFallback: boolean): TempoValue {
  const { start, end } = parisDayBounds(date);
  const hasValue = !runtime.options.tempoDaysWithoutValue.includes(date);
  const value: TempoValue = {
    start_date: formatRteDateTime(start),
    end_date: formatRteDateTime(end),
    ...(hasValue ? { value: tempoColourOf(runtime, date) } : {}),
    updated_date: formatRteDateTime(publishedAt(runtime, date)),
  };
  // The emulator never runs in degraded mode, so the flag is always false (its real type is unverified).
  if (withFallback) {
    value.fallback = false;
  }
  return value;
}

/** Reads and checks the period; returns `null` for "no dates given". Throws F01–F06. */
function requestedPeriod(runtime: RteRuntime, query: Record<string, unknown>): { start: Date; end: Date } | null {
  const startText = firstQueryValue(query, 'start_date');
  const endText = firstQueryValue(query, 'end_date');
  if (startText === undefined && endText === undefined) {
    return null;
  }
  if (startText === undefined || endText === undefined) {
    throw new RteRequestError(CODE(1), 'The "start_date" and "end_date" fields must be given together.');
  }
  const start = parseRteDateTime(startText);
  const end = parseRteDateTime(endText);
  if (!start || !end) {
    const field = start ? 'end_date' : 'start_date';
    throw new RteRequestError(CODE(6), `The value of "${field}" field is not in the format YYYY-MM-DDThh:mm:ss±hh:mm.`);
  }
  if (start > end) {
    throw new RteRequestError(CODE(2), 'The "start_date" field must be before the "end_date" field.');
  }
  // "At least one calendar day": the Paris day starting at start_date may last 23 h on the spring DST day.
  const { start: dayStart, end: dayEnd } = parisDayBounds(parisDate(start));
  if (end.getTime() - start.getTime() < dayEnd.getTime() - dayStart.getTime()) {
    throw new RteRequestError(CODE(5), 'The period must be at least one calendar day.');
  }
  if (end.getTime() - start.getTime() > MAX_PERIOD_DAYS * 24 * HOUR_MS + HOUR_MS) {
    throw new RteRequestError(CODE(3), `The period must not exceed ${MAX_PERIOD_DAYS} days.`);
  }
  const today = parisDate(runtime.now());
  const limitDate =
    runtime.options.tempoUnpublishedBehaviour === 'error' ? addDays(lastPublishedDate(runtime), 1) : addDays(today, 2);
  if (end > parisDayBounds(limitDate).start) {
    throw new RteRequestError(
      CODE(4),
      'The value of "end_date" field is incorrect. It is not possible to recover data to this term.',
    );
  }
  return { start, end };
}

export function tempoCalendars(runtime: RteRuntime, query: Record<string, unknown>): TempoResponse {
  const fallback = firstQueryValue(query, 'fallback_status');
  if (fallback !== undefined && fallback !== 'true' && fallback !== 'false') {
    throw new RteRequestError(CODE(7), 'The value of "fallback_status" field must be true or false.');
  }
  const withFallback = fallback === 'true';
  const period = requestedPeriod(runtime, query);
  const lastPublished = lastPublishedDate(runtime);

  if (!period) {
    const { start, end } = parisDayBounds(lastPublished);
    return {
      tempo_like_calendars: {
        start_date: formatRteDateTime(start),
        end_date: formatRteDateTime(end),
        values: [tempoValue(runtime, lastPublished, withFallback)],
      },
    };
  }
  const dates = parisDaysOverlapping(period.start, period.end).filter(
    (date) => date >= runtime.options.tempoHistoryStart && date <= lastPublished,
  );
  return {
    tempo_like_calendars: {
      start_date: formatRteDateTime(period.start),
      end_date: formatRteDateTime(period.end),
      values: dates.reverse().map((date) => tempoValue(runtime, date, withFallback)),
    },
  };
}

export async function tempoRoutes(app: FastifyInstance, opts: { runtime: RteRuntime }): Promise<void> {
  const { runtime } = opts;
  app.get(TEMPO_PATH, { preHandler: bearerGuard(runtime, 'tempo') }, async (request) =>
    tempoCalendars(runtime, request.query as Record<string, unknown>),
  );
}
