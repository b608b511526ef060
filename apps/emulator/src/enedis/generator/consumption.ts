/**
 * Household consumption model: a daily energy budget shaped by season, weather spells, weekends and
 * occupancy, spread over the day by a profile with morning and evening peaks, plus a few appliance
 * cycles and a water heater that starts with the off-peak hours. Output is average watts per slot,
 * not yet rounded (see `day-series.ts` for the rounding that keeps daily sums exact).
 */
import { dayOfYear, isoWeekday } from '@med/core';
import { parseOffpeakRange, rangeLengthMinutes } from '../meters/offpeak.ts';
import type { MeterDefinition } from '../meters/types.ts';
import { between, gaussian, seededRandom, type Random } from './prng.ts';

/** Gaussian bump around `centre` (hours), measured on the 24-hour circle. */
function bump(hour: number, centre: number, width: number): number {
  const distance = Math.min(Math.abs(hour - centre), 24 - Math.abs(hour - centre));
  return Math.exp(-0.5 * (distance / width) ** 2);
}

/** Relative load at local `hour`: people are out on weekdays, up later at weekends. */
function dailyShape(hour: number, weekend: boolean): number {
  if (weekend) {
    return (
      0.4 +
      0.6 * bump(hour, 9.5, 1.5) +
      0.6 * bump(hour, 12.75, 1.3) +
      1.1 * bump(hour, 19.5, 1.8) +
      0.25 * bump(hour, 22.75, 1)
    );
  }
  return (
    0.35 +
    0.9 * bump(hour, 7.25, 0.9) +
    0.3 * bump(hour, 12.75, 1) +
    1.25 * bump(hour, 19.75, 1.6) +
    0.25 * bump(hour, 22.5, 1)
  );
}

/** 1 in mid-January … −1 in mid-July. */
function winterness(date: string): number {
  return Math.cos((2 * Math.PI * (dayOfYear(date) - 15)) / 365.25);
}

/** Slow weather spells shared by every slot of a day: a cold week raises heating for several days. */
function spellFactor(meter: MeterDefinition, date: string): number {
  const doy = dayOfYear(date);
  const phase = seededRandom(meter.prm, date.slice(0, 4), 'spell')() * 2 * Math.PI;
  return 1 + 0.08 * Math.sin((2 * Math.PI * doy) / 11 + phase) + 0.05 * Math.sin((2 * Math.PI * doy) / 4.3 + 2 * phase);
}

/** Energy the household aims at on `date`, in Wh (before the profile and the power cap). */
function dayBudgetWh(meter: MeterDefinition, date: string, random: Random): number {
  const season = 1 + (meter.electricHeating ? 0.45 : 0.15) * winterness(date);
  const weekend = isoWeekday(date) >= 6 ? 1.08 : 1;
  const noise = Math.min(1.3, Math.max(0.75, 1 + 0.08 * gaussian(random)));
  return meter.dailyKwh * 1000 * season * spellFactor(meter, date) * weekend * noise;
}

/** Adds `watts` over the slots whose local hour falls in `[fromHour, fromHour + hours)`. */
function addLoad(load: number[], localHours: readonly number[], fromHour: number, hours: number, watts: number) {
  localHours.forEach((hour, i) => {
    const offset = (hour - fromHour + 24) % 24;
    if (offset < hours) {
      load[i] = (load[i] ?? 0) + watts;
    }
  });
}

/** An empty home: fridge, box, standby; frost protection in winter when heated electrically. */
function standbyWatts(meter: MeterDefinition, date: string, localHours: readonly number[], random: Random): number[] {
  const base = between(random, 55, 90);
  const frost = meter.electricHeating ? Math.max(0, winterness(date)) * 350 : 0;
  return localHours.map((hour) => {
    const night = hour < 7 || hour >= 22 ? 1.3 : 0.8;
    return Math.max(20, base * (1 + 0.15 * gaussian(random)) + frost * night);
  });
}

/**
 * Average consumption in W for each slot of `date`. `localHours[i]` is the Paris wall-clock hour of
 * the middle of slot i (fractional); on DST days it repeats or skips values, as the household does.
 */
export function consumptionWatts(
  meter: MeterDefinition,
  date: string,
  localHours: readonly number[],
  stepMinutes: number,
): number[] {
  const random = seededRandom(meter.prm, date, 'consumption');
  const month = Number(date.slice(5, 7));
  if (!meter.occupiedMonths.includes(month)) {
    return standbyWatts(meter, date, localHours, random);
  }

  const budgetWh = dayBudgetWh(meter, date, random);
  const weekend = isoWeekday(date) >= 6;
  const fixed = localHours.map(() => 0);
  let fixedWh = 0;

  // Water heater: contracts with off-peak hours nearly always drive one from the meter's relay.
  const firstRange = meter.offpeakHours?.[0];
  if (firstRange !== undefined) {
    const range = parseOffpeakRange(firstRange);
    const power = Math.min(2200, meter.subscribedKva * 1000 * 0.4);
    const hours = Math.min(rangeLengthMinutes(range) / 60, between(random, 1.5, 2.5) + Math.max(0, winterness(date)));
    addLoad(fixed, localHours, range.startMinute / 60, hours, power);
    fixedWh += power * hours;
  }

  // Appliance cycles (washing machine, oven, dishwasher): short high loads at waking hours.
  const cycles = Math.floor(between(random, 0, weekend ? 4 : 3));
  for (let c = 0; c < cycles; c++) {
    const power = Math.min(between(random, 1200, 2400), meter.subscribedKva * 300);
    const hours = between(random, 0.5, 1.5);
    addLoad(fixed, localHours, between(random, 8, 21), hours, power);
    fixedWh += power * hours;
  }

  // The fixed loads never take more than 60 % of the budget: small homes run shorter cycles.
  const fixedScale = fixedWh > 0.6 * budgetWh ? (0.6 * budgetWh) / fixedWh : 1;
  const restWh = budgetWh - fixedWh * fixedScale;
  const heating = meter.electricHeating ? Math.max(0, winterness(date)) * 0.6 : 0;
  const weights = localHours.map((hour) => {
    const shape = dailyShape(hour, weekend) + heating * (1 + 0.4 * bump(hour, 6.5, 2) + 0.4 * bump(hour, 19, 2.5));
    return shape * Math.max(0.3, 1 + 0.18 * gaussian(random));
  });
  const weightHours = weights.reduce((sum, w) => sum + (w * stepMinutes) / 60, 0);
  return weights.map((w, i) => Math.max(40, (restWh * w) / weightHours + (fixed[i] ?? 0) * fixedScale));
}
