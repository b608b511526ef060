import { useMemo } from 'react';
import {
  dailyFromReadings,
  dailyMaxPower,
  parisToday,
  toEnergySlots,
  type DailyEnergy,
  type DateRange,
  type EnergySlot,
  type MaxPowerDay,
} from '@med/core';
import type { MeterData } from '../api/enedis.ts';
import {
  curveChunksFor,
  curveDataset,
  curveHistoryChunks,
  dailyChunks,
  dailyDataset,
  uniqueRanges,
  type Direction,
} from '../features/metering/plan.ts';
import { useMeteringChunks, type MeteringChunks } from './useMeteringChunks.ts';
import { useMeteringHistory } from './useMeteringHistory.ts';

/** The meter as the metering pages need it. */
export interface MeterRef {
  usagePointId: string;
  activationDate: string | null;
}

/** Today in Paris (Enedis data stops the day before). */
export function useParisToday(): string {
  return parisToday(new Date());
}

// Each answer is converted once, however many pages and renders use it.
const slotCache = new WeakMap<MeterData, EnergySlot[]>();
const dailyCache = new WeakMap<MeterData, DailyEnergy[]>();
const peakCache = new WeakMap<MeterData, MaxPowerDay[]>();

function memo<T>(cache: WeakMap<MeterData, T>, data: MeterData, build: (data: MeterData) => T): T {
  let value = cache.get(data);
  if (value === undefined) {
    value = build(data);
    cache.set(data, value);
  }
  return value;
}

/** Concatenates per-range results in time order, dropping anything that overlaps what came before. */
function mergeSorted<T>(parts: T[][], keyOf: (item: T) => string | number): T[] {
  const ordered = parts
    .filter((part) => part.length > 0)
    .sort((a, b) => (keyOf(a[0] as T) < keyOf(b[0] as T) ? -1 : 1));
  const merged: T[] = [];
  for (const part of ordered) {
    for (const item of part) {
      const last = merged.at(-1);
      if (last === undefined || keyOf(item) > keyOf(last)) {
        merged.push(item);
      }
    }
  }
  return merged;
}

function present(list: (MeterData | undefined)[]): MeterData[] {
  return list.filter((data): data is MeterData => data !== undefined);
}

export interface Loaded<T> {
  data: T;
  load: MeteringChunks;
}

/** Daily energy: the last two years at once, three with the history. */
export function useDailyEnergy(meter: MeterRef | null, direction: Direction): Loaded<DailyEnergy[]> {
  const today = useParisToday();
  const history = useMeteringHistory(meter?.usagePointId ?? null, direction);
  const dataset = dailyDataset(direction);
  const ranges = meter ? dailyChunks(dataset, today, meter.activationDate, history ? 3 : 2) : [];
  const load = useMeteringChunks(meter?.usagePointId ?? null, dataset, ranges);
  const data = useMemo(
    () =>
      mergeSorted(
        present(load.dataList).map((part) => memo(dailyCache, part, (d) => dailyFromReadings(d.readings))),
        (day) => day.date,
      ),
    [load.dataList],
  );
  return { data, load };
}

/** Daily maximum power: the last year at once, three with the history. */
export function useMaxPower(meter: MeterRef | null): Loaded<MaxPowerDay[]> {
  const today = useParisToday();
  const history = useMeteringHistory(meter?.usagePointId ?? null, 'consumption');
  const ranges = meter ? dailyChunks('max_power', today, meter.activationDate, history ? 3 : 1) : [];
  const load = useMeteringChunks(meter?.usagePointId ?? null, 'max_power', ranges);
  const data = useMemo(
    () =>
      mergeSorted(
        present(load.dataList).map((part) => memo(peakCache, part, (d) => dailyMaxPower(d.readings))),
        (day) => day.date,
      ),
    [load.dataList],
  );
  return { data, load };
}

/**
 * Load-curve slots: the months that `views` need (the shown period and its overlays) first, then, with
 * the history or when the `whole` curve is shown ("Tout"), the last two years, newest first, one call
 * per quarter.
 */
export function useLoadCurve(
  meter: MeterRef | null,
  direction: Direction,
  views: readonly DateRange[],
  whole = false,
): Loaded<EnergySlot[]> {
  const today = useParisToday();
  const history = useMeteringHistory(meter?.usagePointId ?? null, direction);
  const dataset = curveDataset(direction);
  const ranges = meter
    ? uniqueRanges([
        ...views.flatMap((view) => curveChunksFor(dataset, view, today, meter.activationDate)),
        ...(history || whole ? curveHistoryChunks(dataset, today, meter.activationDate) : []),
      ])
    : [];
  const load = useMeteringChunks(meter?.usagePointId ?? null, dataset, ranges);
  const data = useMemo(
    () =>
      mergeSorted(
        present(load.dataList).map((part) => memo(slotCache, part, (d) => toEnergySlots(d.readings).slots)),
        (slot) => slot.start,
      ),
    [load.dataList],
  );
  return { data, load };
}
