import {
  addDays,
  daysBetween,
  eachDay,
  parisDayBounds,
  parisToday,
  seasonBounds,
  seasonOf,
  seasonStats,
  shiftSeason,
  tempoDayBounds,
  tempoTariffDate,
  toTempoCalendar,
  formatParisIso,
  type TempoColour,
  type TempoSeasonStats,
} from '@med/core';
import type { TempoClearResult, TempoDayDetail, TempoForecastResponse, TempoToday } from '@med/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { ConsumptionRepository } from './consumption.repository.ts';
import type { GenerationRepository } from './generation.repository.ts';
import type { RteApi, RteTempoValue } from './rte-api.ts';
import { isTempoNotPublished } from './rte-errors.ts';
import { ALGORITHM_INFO, forecastTempo, type SourcedSlot } from './tempo-forecast.ts';
import type { StoredTempoDay, TempoRepository } from './tempo.repository.ts';

/** RTE refuses longer periods (F03). */
const MAX_CHUNK_DAYS = 366;
/**
 * Back-fill chunks fetched by one run: the two seasons are at most 731 days, 2 chunks, plus room for a
 * hole RTE never fills. More (a history riddled with holes) waits for the next run.
 */
export const BACKFILL_CHUNKS_PER_RUN = 3;
/** RTE calls one Tempo run makes at most: yesterday..tomorrow, its fallback before publication, the back-fill. */
export const TEMPO_MAX_CALLS_PER_RUN = 2 + BACKFILL_CHUNKS_PER_RUN;

export interface TempoServiceDeps {
  tempo: TempoRepository;
  consumption: ConsumptionRepository;
  generation: GenerationRepository;
  api: RteApi;
  log: FastifyBaseLogger;
}

const toDetail = (day: StoredTempoDay): TempoDayDetail => ({
  date: day.date,
  color: day.color,
  updated_at: day.updated_at,
  rte_updated_date: day.rte_updated_date,
});

/** Contiguous runs of `dates` (sorted), each cut to at most `maxDays`: `[first, last]` inclusive. */
export function chunkDates(dates: readonly string[], maxDays: number): [string, string][] {
  const chunks: [string, string][] = [];
  for (const date of dates) {
    const current = chunks.at(-1);
    if (current && addDays(current[1], 1) === date && daysBetween(current[0], date) + 1 <= maxDays) {
      current[1] = date;
    } else {
      chunks.push([date, date]);
    }
  }
  return chunks;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const roundThresholds = (stats: TempoSeasonStats): TempoSeasonStats => ({
  ...stats,
  thresholds: { white_red: round3(stats.thresholds.white_red), red: round3(stats.thresholds.red) },
});

export function createTempoService(deps: TempoServiceDeps) {
  const { tempo, api, log } = deps;
  /**
   * Paris date on which this process last completed a back-fill pass: a day RTE never fills (its
   * 2022-12-28 hole) is asked again the next day, not on every slot. A pass cut short (timeout, RTE
   * failing, chunk limit) does not count, so the next run resumes with what is still missing.
   */
  let backfillDoneOn: string | null = null;

  async function store(values: RteTempoValue[], now: Date): Promise<number> {
    const known = values.filter((value): value is RteTempoValue & { color: TempoColour } => value.color !== undefined);
    const holes = values.length - known.length;
    if (holes > 0) {
      log.warn(
        { dates: values.filter((value) => value.color === undefined).map((value) => value.date) },
        'RTE sent Tempo days without a colour; skipped',
      );
    }
    await tempo.upsert(
      known.map((value) => ({ date: value.date, color: value.color, rteUpdatedDate: value.rteUpdatedDate })),
      now,
    );
    return known.length;
  }

  /** First day we keep complete: 1 September of the previous season. */
  const historyStart = (today: string) => seasonBounds(shiftSeason(seasonOf(today), -1)).firstDay;

  async function missingHistory(today: string): Promise<string[]> {
    const start = historyStart(today);
    const known = new Set((await tempo.range(start, today)).map((day) => day.date));
    return eachDay(start, addDays(today, 1)).filter((date) => !known.has(date));
  }

  /**
   * Fetches the missing days of the two seasons, oldest first, at most `BACKFILL_CHUNKS_PER_RUN` chunks.
   * Each chunk is stored as soon as it arrives, so an interrupted pass loses nothing: the next one
   * starts from what is still missing.
   */
  async function backfill(today: string, signal: AbortSignal | undefined, now: Date) {
    const chunks = chunkDates(await missingHistory(today), MAX_CHUNK_DAYS);
    const batch = chunks.slice(0, BACKFILL_CHUNKS_PER_RUN);
    let days = 0;
    for (const [first, last] of batch) {
      days += await store(await api.tempo(first, addDays(last, 1), signal), now);
    }
    const left = chunks.length - batch.length;
    if (left === 0) {
      backfillDoneOn = today;
    }
    return { days, calls: batch.length, left };
  }

  return {
    /**
     * Scheduled refresh: yesterday..tomorrow (tomorrow's colour only exists after RTE's publication, F04
     * before it), then back-fills the current and previous seasons in ≤ 366-day chunks, once a day
     * unless a pass was cut short. `retryHistory` (admin refresh) asks for the missing days anyway.
     */
    async sync(
      signal: AbortSignal | undefined,
      now = new Date(),
      options: { retryHistory?: boolean } = {},
    ): Promise<string> {
      const today = parisToday(now);
      let stored = 0;
      let tomorrowPublished = true;
      try {
        stored += await store(await api.tempo(addDays(today, -1), addDays(today, 2), signal), now);
      } catch (error) {
        if (!isTempoNotPublished(error)) {
          throw error;
        }
        tomorrowPublished = false;
        if (!(await tempo.get(today)) || !(await tempo.get(addDays(today, -1)))) {
          stored += await store(await api.tempo(addDays(today, -1), addDays(today, 1), signal), now);
        }
      }
      const recent = `${stored} recent day(s) stored, tomorrow ${tomorrowPublished ? 'published' : 'not published yet'}`;
      if (backfillDoneOn === today && !options.retryHistory) {
        return `${recent}; history already back-filled today`;
      }
      const { days, calls, left } = await backfill(today, signal, now);
      return `${recent}; ${days} day(s) back-filled in ${calls} call(s)${left > 0 ? `, ${left} chunk(s) left for the next run` : ''}`;
    },

    /** Due while tomorrow is unknown, or when the two seasons have holes not yet retried today. */
    async isDue(now: Date): Promise<boolean> {
      const today = parisToday(now);
      if (!(await tempo.get(addDays(today, 1)))) {
        return true;
      }
      return backfillDoneOn !== today && (await missingHistory(today)).length > 0;
    },

    /**
     * Admin clean-up: deletes every stored day (`daysToKeep` null) or the days before today − daysToKeep.
     * The back-fill memo is forgotten, so the next Tempo slot fetches the two seasons again.
     */
    async clear(daysToKeep: number | null, now = new Date()): Promise<TempoClearResult> {
      const keptFrom = daysToKeep === null ? null : addDays(parisToday(now), -daysToKeep);
      const deleted = await tempo.deleteBefore(keptFrom);
      backfillDoneOn = null;
      log.info({ deleted, keptFrom }, 'Tempo days cleared by an admin');
      return { deleted_days: deleted, kept_from: keptFrom };
    },

    async days(start: string, end: string): Promise<TempoDayDetail[]> {
      return (await tempo.range(start, end)).map(toDetail);
    },

    async today(now = new Date()): Promise<TempoToday> {
      const today = parisToday(now);
      const tariffDate = tempoTariffDate(now);
      const days = new Map((await tempo.range(addDays(today, -1), addDays(today, 1))).map((day) => [day.date, day]));
      const current = days.get(today);
      const bounds = tempoDayBounds(tariffDate);
      return {
        date: today,
        color: current?.color ?? null,
        updated_at: current?.updated_at ?? null,
        rte_updated_date: current?.rte_updated_date ?? null,
        tariff_day_in_force: {
          date: tariffDate,
          color: days.get(tariffDate)?.color ?? null,
          starts_at: formatParisIso(bounds.start),
          ends_at: formatParisIso(bounds.end),
        },
        tomorrow: { date: addDays(today, 1), color: days.get(addDays(today, 1))?.color ?? null },
      };
    },

    /** J-6..J+1, as stored. */
    async week(now = new Date()): Promise<TempoDayDetail[]> {
      const today = parisToday(now);
      return (await tempo.range(addDays(today, -6), addDays(today, 1))).map(toDetail);
    },

    async forecast(days: number, now = new Date()): Promise<TempoForecastResponse> {
      const today = parisToday(now);
      const season = seasonOf(today);
      // Stored days from the season start through the horizon (a forecast may cross 1 September).
      const calendar = toTempoCalendar(
        (await tempo.range(seasonBounds(season).firstDay, addDays(today, days + 1))).map((day) => ({
          date: day.date,
          colour: day.color,
        })),
      );
      const from = parisDayBounds(addDays(today, 1)).start.toISOString();
      const to = parisDayBounds(addDays(today, days + 2)).start.toISOString();
      const consumption: SourcedSlot[] = (await deps.consumption.range(from, to, ['ID', 'D-1', 'D-2', 'WEEKLY'])).map(
        (row) => ({
          start: Date.parse(row.start_date),
          end: Date.parse(row.end_date),
          value: row.value,
          source: row.type,
        }),
      );
      const generation = await deps.generation.range(from, to);
      const slotsOf = (type: string): SourcedSlot[] =>
        generation
          .filter((row) => row.production_type === type)
          .map((row) => ({
            start: Date.parse(row.start_date),
            end: Date.parse(row.end_date),
            value: row.value,
            source: row.forecast_type,
          }));
      const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
      const forecasts = forecastTempo({
        today,
        days,
        stored: calendar,
        consumption,
        solar: slotsOf('SOLAR'),
        wind: slotsOf('WIND'),
        recentSolarMw: await deps.generation.average('SOLAR', weekAgo, now.toISOString()),
        recentWindMw: await deps.generation.average('WIND', weekAgo, now.toISOString()),
      });
      return {
        season,
        season_stats: roundThresholds(seasonStats(season, calendar, today)),
        forecasts,
        algorithm_info: ALGORITHM_INFO,
        generated_at: now.toISOString(),
      };
    },
  };
}
export type TempoService = ReturnType<typeof createTempoService>;
