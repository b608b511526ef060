import { formatParisIso, parisDateFast, parisDayLengthMinutes } from '@med/core';
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
 * `Item` is the adapter's typed value; `Stored` is its compact cached form.
 */
export interface DatasetSpec<Item, Stored> {
  dataset: Dataset;
  /** Longest `[start, end)` per Enedis call. */
  maxDaysPerCall: number;
  /** How far back Enedis keeps this data, in months. */
  historyMonths: number;
  readingType: Record<string, string>;
  fetch: (api: EnedisApi, prm: string, start: string, end: string) => Promise<Item[]>;
  dayOf: (item: Item) => string;
  /** A day enters the cache only when complete. */
  isComplete: (day: string, items: readonly Item[]) => boolean;
  store: (item: Item) => Stored;
  load: (stored: Stored, day: string) => Item;
  serve: (item: Item) => ServedReading;
}

const dailyReadingType = { unit: 'Wh', measurement_kind: 'energy', aggregate: 'sum', measuring_period: 'P1D' };

function dailySpec(direction: Direction): DatasetSpec<DailyValue, number> {
  return {
    dataset: direction === 'consumption' ? 'consumption_daily' : 'production_daily',
    maxDaysPerCall: 365,
    historyMonths: 36,
    readingType: dailyReadingType,
    fetch: (api, prm, start, end) => api.dailyEnergy(direction, prm, start, end),
    dayOf: (item) => item.date,
    isComplete: (_day, items) => items.length === 1,
    store: (item) => item.value,
    load: (value, day) => ({ date: day, value }),
    serve: (item) => ({ value: item.value, date: item.date }),
  };
}

type StoredCurvePoint = [startMs: number, minutes: number, watts: number];

function curveSpec(direction: Direction): DatasetSpec<CurvePoint, StoredCurvePoint> {
  return {
    dataset: direction === 'consumption' ? 'consumption_curve' : 'production_curve',
    maxDaysPerCall: 7,
    historyMonths: 24,
    readingType: { unit: 'W', measurement_kind: 'power', aggregate: 'average' },
    fetch: (api, prm, start, end) => api.loadCurve(direction, prm, start, end),
    dayOf: (item) => parisDateFast(item.start),
    // Complete = the intervals cover the whole local day (1380, 1440 or 1500 minutes), whatever the step.
    isComplete: (day, items) => items.reduce((total, item) => total + item.minutes, 0) === parisDayLengthMinutes(day),
    store: (item) => [item.start.getTime(), item.minutes, item.value],
    load: ([startMs, minutes, value]) => ({ start: new Date(startMs), end: new Date(startMs + minutes * 60_000), minutes, value }),
    serve: (item) => ({ value: item.value, date: formatParisIso(item.start), interval_length: `PT${item.minutes}M`, measure_type: 'B' }),
  };
}

type StoredMaxPower = [atMs: number, va: number];

const maxPowerSpec: DatasetSpec<MaxPowerValue, StoredMaxPower> = {
  dataset: 'max_power',
  maxDaysPerCall: 365,
  historyMonths: 36,
  readingType: { unit: 'VA', measurement_kind: 'power', aggregate: 'maximum', measuring_period: 'P1D' },
  fetch: (api, prm, start, end) => api.maxPower(prm, start, end),
  dayOf: (item) => item.date,
  isComplete: (_day, items) => items.length === 1,
  store: (item) => [item.at.getTime(), item.value],
  load: ([atMs, value]) => ({ date: parisDateFast(new Date(atMs)), at: new Date(atMs), value }),
  serve: (item) => ({ value: item.value, date: formatParisIso(item.at) }),
};

export const DATASETS = {
  consumption_daily: dailySpec('consumption'),
  production_daily: dailySpec('production'),
  consumption_curve: curveSpec('consumption'),
  production_curve: curveSpec('production'),
  max_power: maxPowerSpec,
} as const;
