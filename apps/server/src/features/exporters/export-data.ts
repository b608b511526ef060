import {
  addDays,
  isoWeekday,
  parisToday,
  seasonBounds,
  seasonOf,
  seasonStats,
  tempoTariffDate,
  type TempoColour,
} from '@med/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { createEcowattRepository } from '../rte/ecowatt.repository.ts';
import { createTempoRepository } from '../rte/tempo.repository.ts';
import { readCurve, readDaily, readMaxPower, type Direction } from '../sync/client-data.repository.ts';

/**
 * What the exporters publish, read from the local store (client mode). Every exporter computes its
 * figures here, so MQTT, Home Assistant and the others agree. Days are Paris calendar days; the store
 * holds data up to yesterday (D-1), so "this week" and "this month" run from their first day to yesterday.
 */

/** Daily values published in a `daily` payload. */
export const DAILY_PAYLOAD_DAYS = 31;
/** Load-curve days published in a `detailed` payload (7 × 48 points: small enough for one MQTT message). */
export const DETAILED_PAYLOAD_DAYS = 7;

const kwh = (wh: number) => Math.round(wh) / 1000;

export interface EnergyStats {
  /** The Paris day the figures are computed for ("today"): sums stop the day before. */
  today: string;
  yesterday: string;
  /** null when yesterday is not stored yet (Enedis publishes D-1 in the morning, sometimes later). */
  yesterday_kwh: number | null;
  last_7_days_kwh: number;
  last_30_days_kwh: number;
  this_week_kwh: number;
  this_month_kwh: number;
  this_year_kwh: number;
  /** Every stored day since the first one: a meter-like total that only grows as days arrive. */
  total_kwh: number;
  /** Newest stored day. */
  last_day: string | null;
}

export async function energyStats(db: Db, usagePointId: string, direction: Direction, now: Date): Promise<EnergyStats> {
  const today = parisToday(now);
  const yesterday = addDays(today, -1);
  const weekStart = addDays(today, 1 - isoWeekday(today));
  const monthStart = `${today.slice(0, 7)}-01`;
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const from = [addDays(today, -30), weekStart, monthStart, yearStart].sort()[0] ?? yearStart;
  const rows = await readDaily(db, usagePointId, direction, from, today);
  const sumFrom = (start: string) =>
    kwh(rows.filter((row) => row.day >= start).reduce((sum, row) => sum + row.valueWh, 0));
  const total = await db
    .selectFrom('client_daily')
    .select([sql<number | string | null>`sum(value_wh)`.as('wh'), sql<string | null>`max(day)`.as('last')])
    .where('usage_point_id', '=', usagePointId)
    .where('direction', '=', direction)
    .executeTakeFirst();
  const yesterdayRow = rows.find((row) => row.day === yesterday);
  return {
    today,
    yesterday,
    yesterday_kwh: yesterdayRow ? kwh(yesterdayRow.valueWh) : null,
    last_7_days_kwh: sumFrom(addDays(today, -7)),
    last_30_days_kwh: sumFrom(addDays(today, -30)),
    this_week_kwh: sumFrom(weekStart),
    this_month_kwh: sumFrom(monthStart),
    this_year_kwh: sumFrom(yearStart),
    total_kwh: kwh(Number(total?.wh ?? 0)),
    last_day: total?.last ?? null,
  };
}

export interface DailyPayload {
  usage_point_id: string;
  direction: Direction;
  unit: 'Wh';
  /** Days `[start, end)`, Paris calendar days. */
  start: string;
  end: string;
  values: { date: string; value: number }[];
}

export async function dailyPayload(
  db: Db,
  usagePointId: string,
  direction: Direction,
  now: Date,
): Promise<DailyPayload> {
  const end = parisToday(now);
  const start = addDays(end, -DAILY_PAYLOAD_DAYS);
  const rows = await readDaily(db, usagePointId, direction, start, end);
  return {
    usage_point_id: usagePointId,
    direction,
    unit: 'Wh',
    start,
    end,
    values: rows.map((row) => ({ date: row.day, value: row.valueWh })),
  };
}

export interface DetailedPayload {
  usage_point_id: string;
  direction: Direction;
  /** Mean power over each interval. */
  unit: 'W';
  start: string;
  end: string;
  /** `start`: interval start, ISO UTC (an Enedis point is stamped at its end; we publish its start). */
  values: { start: string; minutes: number; value: number }[];
}

export async function detailedPayload(
  db: Db,
  usagePointId: string,
  direction: Direction,
  now: Date,
): Promise<DetailedPayload> {
  const end = parisToday(now);
  const start = addDays(end, -DETAILED_PAYLOAD_DAYS);
  const rows = await readCurve(db, usagePointId, direction, start, end);
  return {
    usage_point_id: usagePointId,
    direction,
    unit: 'W',
    start,
    end,
    values: rows.map((row) => ({ start: row.startAt, minutes: row.minutes, value: row.valueW })),
  };
}

export interface MaxPowerFigures {
  /** Yesterday's maximum apparent power, VA (null when not stored yet). */
  yesterday_va: number | null;
  yesterday_at: string | null;
  /** The subscribed power, VA (kVA × 1000), null when the contract is unknown. */
  subscribed_va: number | null;
  /** Yesterday's maximum as a share of the subscribed power, %. */
  yesterday_percent: number | null;
}

export async function maxPowerFigures(
  db: Db,
  usagePointId: string,
  subscribedKva: number | null,
  now: Date,
): Promise<MaxPowerFigures> {
  const today = parisToday(now);
  const [row] = await readMaxPower(db, usagePointId, addDays(today, -1), today);
  const subscribed = subscribedKva === null ? null : Math.round(subscribedKva * 1000);
  return {
    yesterday_va: row?.valueVa ?? null,
    yesterday_at: row?.at ?? null,
    subscribed_va: subscribed,
    yesterday_percent: row && subscribed ? Math.round((row.valueVa / subscribed) * 1000) / 10 : null,
  };
}

export interface TempoFigures {
  today: { date: string; color: TempoColour | null };
  tomorrow: { date: string; color: TempoColour | null };
  /** The colour in force now (a Tempo day runs 06:00 → 06:00: before 06:00 it is yesterday's). */
  current: { date: string; color: TempoColour | null };
  remaining: { season: string; blue: number; white: number; red: number };
}

export async function tempoFigures(db: Db, now: Date): Promise<TempoFigures> {
  const today = parisToday(now);
  const tomorrow = addDays(today, 1);
  const season = seasonOf(today);
  const tempo = createTempoRepository(db);
  const days = await tempo.range(addDays(seasonBounds(season).firstDay, -1), addDays(today, 1));
  const colourOf = (date: string) => days.find((day) => day.date === date)?.color ?? null;
  const stats = seasonStats(
    season,
    days.map((day) => ({ date: day.date, colour: day.color })),
    today,
  );
  const tariffDate = tempoTariffDate(now);
  return {
    today: { date: today, color: colourOf(today) },
    tomorrow: { date: tomorrow, color: colourOf(tomorrow) },
    current: { date: tariffDate, color: colourOf(tariffDate) },
    remaining: { season, blue: stats.blue_remaining, white: stats.white_remaining, red: stats.red_remaining },
  };
}

export interface EcowattDayFigures {
  date: string;
  /** RTE's day signal: 1 green, 2 orange, 3 red; null when RTE has not published the day. */
  level: number | null;
  message: string | null;
  /** Hourly signals (0 = green with low carbon, 1–3 as above). */
  hourly: number[];
}

/** EcoWatt for D, D+1 and D+2. */
export async function ecowattFigures(db: Db, now: Date): Promise<EcowattDayFigures[]> {
  const today = parisToday(now);
  const stored = await createEcowattRepository(db).range(today, addDays(today, 2));
  return [0, 1, 2].map((offset) => {
    const date = addDays(today, offset);
    const day = stored.find((candidate) => candidate.periode.slice(0, 10) === date);
    return { date, level: day?.dvalue ?? null, message: day?.message ?? null, hourly: day?.values ?? [] };
  });
}
