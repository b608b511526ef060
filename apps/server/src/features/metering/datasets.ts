import { formatParisIso, formatParisIsoMs, parisDateFast, parisDayLengthMinutes } from '@med/core';

// A day's length (1380, 1440 or 1500 minutes) is asked for every cached day of every request.
const dayLengths = new Map<string, number>();
function dayLengthMinutes(day: string): number {
  let minutes = dayLengths.get(day);
  if (minutes === undefined) {
    minutes = parisDayLengthMinutes(day);
    if (dayLengths.size > 10_000) {
      dayLengths.clear();
    }
    dayLengths.set(day, minutes);
  }
  return minutes;
}
import type { CurvePoint, DailyValue, Direction, EnedisApi, MaxPowerValue } from '../enedis/enedis-api.ts';
import type { Dataset } from './day-cache.ts';

/** One served reading, Enedis-shaped (`value` is a number here, not a string). */
export interface ServedReading {
  value: number;
  date: string;
  interval_length?: string;
  measure_type?: 'B';
}

/**
 * How one kind of metering data is fetched, split by day, judged complete, cached and served.
 * `Item` is the adapter's typed value; `Stored` is its compact form, used from the moment it is fetched:
 * completeness, cache and response all work on it, so a cached year is served without rebuilding objects.
 */
export interface DatasetSpec<Item, Stored> {
  dataset: Dataset;
  /** The direction the meter must measure for Enedis to answer (max power is consumption data). */
  direction: Direction;
  /** Longest `[start, end)` per Enedis call. */
  maxDaysPerCall: number;
  /** How far back Enedis keeps this data, in months. */
  historyMonths: number;
  readingType: Record<string, string>;
  /** `signal` drops the call while it still waits for its turn (see `EnedisCall`). */
  fetch: (api: EnedisApi, prm: string, start: string, end: string, signal?: AbortSignal) => Promise<Item[]>;
  dayOf: (item: Item) => string;
  /** A day enters the cache only when complete. */
  isComplete: (day: string, stored: readonly Stored[]) => boolean;
  store: (item: Item) => Stored;
  /** The served reading, as an object (the definition of what is served). */
  serve: (stored: Stored, day: string) => ServedReading;
  /**
   * `JSON.stringify(serve(stored, day))`, written straight from the stored form: a 2-year load curve
   * is 35,040 readings per response, and building an object for each cost most of its time and memory.
   */
  serveJson: (stored: Stored, day: string) => string;
}

const dailyReadingType = { unit: 'Wh', measurement_kind: 'energy', aggregate: 'sum', measuring_period: 'P1D' };

function dailySpec(direction: Direction): DatasetSpec<DailyValue, number> {
  return {
    dataset: direction === 'consumption' ? 'consumption_daily' : 'production_daily',
    direction,
    maxDaysPerCall: 365,
    historyMonths: 36,
    readingType: dailyReadingType,
    fetch: (api, prm, start, end, signal) => api.dailyEnergy(direction, prm, start, end, signal),
    dayOf: (item) => item.date,
    isComplete: (_day, stored) => stored.length === 1,
    store: (item) => item.value,
    serve: (value, day) => ({ value, date: day }),
    serveJson: (value, day) => `{"value":${value},"date":"${day}"}`,
  };
}

type StoredCurvePoint = [startMs: number, minutes: number, watts: number];

function curveSpec(direction: Direction): DatasetSpec<CurvePoint, StoredCurvePoint> {
  return {
    dataset: direction === 'consumption' ? 'consumption_curve' : 'production_curve',
    direction,
    maxDaysPerCall: 7,
    historyMonths: 24,
    readingType: { unit: 'W', measurement_kind: 'power', aggregate: 'average' },
    fetch: (api, prm, start, end, signal) => api.loadCurve(direction, prm, start, end, signal),
    dayOf: (item) => parisDateFast(item.start),
    // Complete = the intervals cover the whole local day (1380, 1440 or 1500 minutes), whatever the step.
    isComplete: (day, stored) => stored.reduce((total, [, minutes]) => total + minutes, 0) === dayLengthMinutes(day),
    store: (item) => [item.start.getTime(), item.minutes, item.value],
    serve: ([startMs, minutes, value]) => ({
      value,
      date: formatParisIso(new Date(startMs)),
      interval_length: `PT${minutes}M`,
      measure_type: 'B',
    }),
    serveJson: ([startMs, minutes, value]) =>
      `{"value":${value},"date":"${formatParisIsoMs(startMs)}","interval_length":"PT${minutes}M","measure_type":"B"}`,
  };
}

type StoredMaxPower = [atMs: number, va: number];

const maxPowerSpec: DatasetSpec<MaxPowerValue, StoredMaxPower> = {
  dataset: 'max_power',
  direction: 'consumption',
  maxDaysPerCall: 365,
  historyMonths: 36,
  readingType: { unit: 'VA', measurement_kind: 'power', aggregate: 'maximum', measuring_period: 'P1D' },
  fetch: (api, prm, start, end, signal) => api.maxPower(prm, start, end, signal),
  dayOf: (item) => item.date,
  isComplete: (_day, stored) => stored.length === 1,
  store: (item) => [item.at.getTime(), item.value],
  serve: ([atMs, value]) => ({ value, date: formatParisIso(new Date(atMs)) }),
  serveJson: ([atMs, value]) => `{"value":${value},"date":"${formatParisIsoMs(atMs)}"}`,
};

export const DATASETS = {
  consumption_daily: dailySpec('consumption'),
  production_daily: dailySpec('production'),
  consumption_curve: curveSpec('consumption'),
  production_curve: curveSpec('production'),
  max_power: maxPowerSpec,
} as const;
