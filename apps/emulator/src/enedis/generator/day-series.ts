/**
 * One meter-day of data: the slots of the Paris day (46/48/50 at 30 min, built on UTC instants), the
 * average power of each slot per direction, and what the daily endpoints derive from it. Daily
 * energy is the exact sum of the slots' energy, so a client that sums the load curve finds the daily
 * value to the watt-hour, DST days included.
 */
import { formatEnedisLocal, parisOffsetMinutes, parisDayBounds, slotStartsOfDay } from '@med/core';
import type { MeterDefinition } from '../meters/types.ts';
import { consumptionWatts } from './consumption.ts';
import { productionWatts } from './production.ts';
import { between, seededRandom } from './prng.ts';

const MS_PER_MINUTE = 60_000;

export interface DaySeries {
  date: string;
  stepMinutes: number;
  /** UTC start of each slot. */
  slotStarts: Date[];
  /** Average W per slot drawn from the grid; null when the meter does not measure consumption. */
  consumption: number[] | null;
  /** Average W per slot injected into the grid; null when the meter does not measure production. */
  production: number[] | null;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Smallest power step (W) whose energy over `stepMinutes` is a whole Wh: W × step / 60 must be an
 * integer, so W is a multiple of 60 / gcd(step, 60) (2 W at 30 min, 6 W at 10 min, 1 W at 60 min).
 */
export function wattQuantum(stepMinutes: number): number {
  return 60 / gcd(stepMinutes, 60);
}

function quantize(watts: readonly number[], quantum: number): number[] {
  return watts.map((w) => quantum * Math.round(Math.max(0, w) / quantum));
}

/** Energy in Wh of a series of average powers (always an integer for quantized series). */
export function energyWh(watts: readonly number[], stepMinutes: number): number {
  return watts.reduce((sum, w) => sum + (w * stepMinutes) / 60, 0);
}

/** Paris wall-clock hour (fractional) of the middle of each slot. */
function localMiddleHours(date: string, slotStarts: readonly Date[], stepMinutes: number): number[] {
  const { start, end } = parisDayBounds(date);
  const startOffset = parisOffsetMinutes(start);
  const sameOffset = startOffset === parisOffsetMinutes(end);
  return slotStarts.map((slot) => {
    const middle = slot.getTime() + (stepMinutes * MS_PER_MINUTE) / 2;
    // Only DST days need the zone rules for every slot; other days share the midnight offset.
    const offset = sameOffset ? startOffset : parisOffsetMinutes(new Date(middle));
    const minutesOfDay = (((middle / MS_PER_MINUTE + offset) % 1440) + 1440) % 1440;
    return minutesOfDay / 60;
  });
}

function computeDaySeries(meter: MeterDefinition, date: string): DaySeries {
  const step = meter.stepMinutes;
  const quantum = wattQuantum(step);
  const slotStarts = slotStartsOfDay(date, step);
  const ceiling = Math.floor((0.9 * meter.subscribedKva * 1000) / quantum) * quantum;
  const wantsConsumption = meter.directions.includes('consumption');
  const wantsProduction = meter.directions.includes('production');

  const household = wantsConsumption
    ? quantize(consumptionWatts(meter, date, localMiddleHours(date, slotStarts, step), step), quantum).map((w) =>
        Math.min(w, ceiling),
      )
    : null;
  const solar = wantsProduction ? quantize(productionWatts(meter, date, slotStarts, step), quantum) : null;

  if (meter.netMetering && household && solar) {
    // One meter, both directions: each slot shows only what crossed the meter (import or export).
    const net = household.map((w, i) => w - (solar[i] ?? 0));
    return {
      date,
      stepMinutes: step,
      slotStarts,
      consumption: net.map((w) => Math.max(0, w)),
      production: net.map((w) => Math.max(0, -w)),
    };
  }
  return { date, stepMinutes: step, slotStarts, consumption: household, production: solar };
}

// Daily endpoints over three years ask for ~1,100 meter-days per call. Each meter definition (one per
// emulator instance) keeps its own bounded cache, dropped with the instance.
const DAYS_PER_METER = 4_000;
const cache = new WeakMap<MeterDefinition, Map<string, DaySeries>>();

/** The (cached, never mutated) series of `meter` on the Paris day `date`. */
export function daySeries(meter: MeterDefinition, date: string): DaySeries {
  let days = cache.get(meter);
  if (!days) {
    days = new Map();
    cache.set(meter, days);
  }
  const hit = days.get(date);
  if (hit) {
    return hit;
  }
  const series = computeDaySeries(meter, date);
  if (days.size >= DAYS_PER_METER) {
    const oldest = days.keys().next().value;
    if (oldest !== undefined) {
      days.delete(oldest);
    }
  }
  days.set(date, series);
  return series;
}

/** Peak apparent power of a day and the moment it happened. */
export interface MaxPower {
  va: number;
  /** Naive Paris wall clock of the peak, inside the slot with the highest average power. */
  date: string;
}

/**
 * The day's maximum apparent power. An instantaneous peak is above the slot average and apparent
 * power is above active power, so the value is the highest slot average times a random factor,
 * never below that average and never above the subscribed power.
 */
export function dailyMaxPower(meter: MeterDefinition, series: DaySeries): MaxPower | null {
  const watts = series.consumption;
  if (!watts || watts.length === 0) {
    return null;
  }
  let peakIndex = 0;
  watts.forEach((w, i) => {
    if (w > (watts[peakIndex] ?? 0)) {
      peakIndex = i;
    }
  });
  const peakWatts = watts[peakIndex] ?? 0;
  const random = seededRandom(meter.prm, series.date, 'max-power');
  const va = Math.max(
    peakWatts,
    Math.min(meter.subscribedKva * 1000, Math.ceil((peakWatts * between(random, 1.05, 1.5)) / 0.93)),
  );
  const slotStart = (series.slotStarts[peakIndex] as Date).getTime();
  const offsetSeconds = Math.floor(random() * series.stepMinutes * 60);
  return { va, date: formatEnedisLocal(new Date(slotStart + offsetSeconds * 1000)) };
}
