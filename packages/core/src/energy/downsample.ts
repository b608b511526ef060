/**
 * Min/max down-sampling for long series (two years of 30-min load curve: 35,040 points). A chart a
 * thousand pixels wide cannot show more than two values per pixel column anyway; keeping, in each
 * bucket of consecutive points, the lowest and the highest keeps every peak and every trough (an
 * average or a stride would flatten the 9 kW evening peak the user is looking for). The points kept
 * are real readings at their own instants, so a tooltip on them tells the truth.
 */
import type { EnergySlot } from './slots.ts';

/**
 * Indices of the points of `values[from, to)` to draw with `buckets` buckets: the first and last
 * index, and in each bucket its minimum and maximum, in index order. Everything when there are no
 * more than two points per bucket. NaN values are never chosen as a minimum or maximum.
 */
export function minMaxIndices(values: ArrayLike<number>, from: number, to: number, buckets: number): number[] {
  const length = to - from;
  if (length <= 0) {
    return [];
  }
  const wanted = Math.max(1, Math.floor(buckets));
  if (length <= wanted * 2 + 2) {
    return Array.from({ length }, (_, offset) => from + offset);
  }
  const kept: number[] = [from];
  const size = length / wanted;
  for (let bucket = 0; bucket < wanted; bucket++) {
    const low = from + Math.floor(bucket * size);
    const high = Math.min(to, from + Math.floor((bucket + 1) * size));
    let minIndex = -1;
    let maxIndex = -1;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let index = low; index < high; index++) {
      const value = values[index] ?? Number.NaN;
      if (value < min) {
        min = value;
        minIndex = index;
      }
      if (value > max) {
        max = value;
        maxIndex = index;
      }
    }
    for (const index of minIndex <= maxIndex ? [minIndex, maxIndex] : [maxIndex, minIndex]) {
      if (index > (kept.at(-1) ?? -1)) {
        kept.push(index);
      }
    }
  }
  if ((kept.at(-1) ?? -1) < to - 1) {
    kept.push(to - 1);
  }
  return kept;
}

/** `[UTC ms of the interval start, W]`; W is null where the line must break (no data there). */
export type CurvePoint = [number, number | null];

export interface DownsampledCurve {
  points: CurvePoint[];
  /** False when every slot was kept (then each point is one whole interval and can be drawn as a step). */
  sampled: boolean;
}

const MS_PER_MINUTE = 60_000;

/**
 * A load curve (sorted slots) reduced to about `maxPoints` points by min/max buckets, run by run: a
 * hole in the data (a missing day) is never bridged by a line; a null point at the end of the run
 * before it breaks the line there. Each run gets buckets in proportion to its length.
 */
export function downsampleCurve(slots: readonly EnergySlot[], maxPoints: number): DownsampledCurve {
  const total = slots.length;
  const watts = new Float64Array(total);
  const runs: [number, number][] = [];
  let runStart = 0;
  for (let index = 0; index < total; index++) {
    const slot = slots[index] as EnergySlot;
    watts[index] = slot.watts;
    const previous = slots[index - 1];
    if (previous && slot.start !== previous.start + previous.minutes * MS_PER_MINUTE) {
      runs.push([runStart, index]);
      runStart = index;
    }
  }
  if (total > 0) {
    runs.push([runStart, total]);
  }
  const bucketsPerPoint = Math.max(1, maxPoints - 2 * runs.length) / 2 / Math.max(1, total);
  const points: CurvePoint[] = [];
  let sampled = false;
  for (const [runIndex, [from, to]] of runs.entries()) {
    const indices = minMaxIndices(watts, from, to, Math.max(1, Math.floor((to - from) * bucketsPerPoint)));
    sampled ||= indices.length < to - from;
    for (const index of indices) {
      const slot = slots[index] as EnergySlot;
      points.push([slot.start, slot.watts]);
    }
    const last = slots[to - 1];
    if (last && runIndex < runs.length - 1) {
      points.push([last.start + last.minutes * MS_PER_MINUTE, null]);
    }
  }
  return { points, sampled };
}

/** First index whose slot starts at or after `ms` (slots sorted by start). */
function firstStartingAt(slots: readonly EnergySlot[], ms: number): number {
  let low = 0;
  let high = slots.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((slots[mid]?.start ?? 0) < ms) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

/**
 * What a zoomable overview of a whole curve draws: the `overview` (the whole curve reduced once) and,
 * inside the zoom `window` (UTC ms, inclusive), the curve reduced again at up to `maxPoints` points for
 * that window alone, so zooming in down to a day shows every half-hour. The slot just outside each edge
 * is kept so the line reaches the window's borders.
 */
export function curveWindowPoints(
  slots: readonly EnergySlot[],
  overview: DownsampledCurve,
  window: { from: number; to: number } | null,
  maxPoints: number,
): DownsampledCurve {
  if (!window || slots.length === 0) {
    return overview;
  }
  const first = Math.max(0, firstStartingAt(slots, window.from) - 1);
  const end = Math.min(slots.length, firstStartingAt(slots, window.to + 1) + 1);
  const inside = downsampleCurve(slots.slice(first, end), maxPoints);
  const from = slots[first]?.start ?? window.from;
  const to = slots[end - 1]?.start ?? window.to;
  return {
    points: [
      ...overview.points.filter(([start]) => start < from),
      ...inside.points,
      ...overview.points.filter(([start]) => start > to),
    ],
    sampled: inside.sampled,
  };
}
