/**
 * Consumption against production: monthly balance and a self-consumption estimate.
 *
 * Self-consumption is estimated as the energy that could have been used on the spot: per 30-min slot,
 * min(consumption, production), summed. When both load curves cover a whole day the slot estimate is
 * used for that day; otherwise the day falls back to min(daily consumption, daily production), which
 * over-estimates (production at noon "covers" consumption in the evening). The result says how many
 * days used which method so the page can tell the user. Enedis only measures what crosses the meter, so
 * this is an estimate either way.
 */
import { parisDayLengthMinutes } from '../time/slots.ts';
import type { DailyEnergy } from './aggregate.ts';
import type { EnergySlot } from './slots.ts';

export type SelfConsumptionMethod = 'slots' | 'days';

export interface BalanceDay {
  date: string;
  consumptionWh: number;
  productionWh: number;
  /** Estimated self-consumed energy, Wh (≤ both consumption and production of the day). */
  selfConsumedWh: number;
  method: SelfConsumptionMethod;
}

export interface BalanceInput {
  consumptionDaily: readonly DailyEnergy[];
  productionDaily: readonly DailyEnergy[];
  consumptionSlots?: readonly EnergySlot[] | undefined;
  productionSlots?: readonly EnergySlot[] | undefined;
}

function groupSlotsByDay(slots: readonly EnergySlot[] | undefined): Map<string, EnergySlot[]> {
  const byDay = new Map<string, EnergySlot[]>();
  for (const slot of slots ?? []) {
    const day = byDay.get(slot.date);
    if (day) {
      day.push(slot);
    } else {
      byDay.set(slot.date, [slot]);
    }
  }
  return byDay;
}

function coversDay(date: string, slots: readonly EnergySlot[] | undefined): slots is readonly EnergySlot[] {
  if (!slots) {
    return false;
  }
  const minutes = slots.reduce((total, slot) => total + slot.minutes, 0);
  return minutes === parisDayLengthMinutes(date);
}

/** Per-day balance over the days that have both consumption and production daily data. */
export function balanceDays(input: BalanceInput): BalanceDay[] {
  const production = new Map(input.productionDaily.map((day) => [day.date, day.wh]));
  const consumptionSlots = groupSlotsByDay(input.consumptionSlots);
  const productionSlots = groupSlotsByDay(input.productionSlots);
  const days: BalanceDay[] = [];
  for (const { date, wh: consumptionWh } of input.consumptionDaily) {
    const productionWh = production.get(date);
    if (productionWh === undefined) {
      continue;
    }
    const dayCap = Math.min(consumptionWh, productionWh);
    const cSlots = consumptionSlots.get(date);
    const pSlots = productionSlots.get(date);
    if (coversDay(date, cSlots) && coversDay(date, pSlots)) {
      const producedAt = new Map(pSlots.map((slot) => [slot.start, slot.wh]));
      let matched = 0;
      for (const slot of cSlots) {
        matched += Math.min(slot.wh, producedAt.get(slot.start) ?? 0);
      }
      days.push({ date, consumptionWh, productionWh, selfConsumedWh: Math.min(matched, dayCap), method: 'slots' });
    } else {
      days.push({ date, consumptionWh, productionWh, selfConsumedWh: dayCap, method: 'days' });
    }
  }
  return days;
}

export interface BalanceSummary {
  consumptionWh: number;
  productionWh: number;
  /** Production − consumption: positive = more produced than consumed. */
  netWh: number;
  selfConsumedWh: number;
  /** Self-consumed ÷ production (share of the production used on the spot); null without production. */
  selfConsumptionRate: number | null;
  /** Self-consumed ÷ consumption (share of the needs covered by the production); null without consumption. */
  selfSufficiencyRate: number | null;
  days: number;
  slotDays: number;
  dayDays: number;
  /** 'slots' when every day used the curves, 'days' when none did, 'mixed' otherwise. */
  method: SelfConsumptionMethod | 'mixed' | null;
}

export function summariseBalance(days: readonly BalanceDay[]): BalanceSummary {
  let consumptionWh = 0;
  let productionWh = 0;
  let selfConsumedWh = 0;
  let slotDays = 0;
  for (const day of days) {
    consumptionWh += day.consumptionWh;
    productionWh += day.productionWh;
    selfConsumedWh += day.selfConsumedWh;
    if (day.method === 'slots') {
      slotDays += 1;
    }
  }
  const dayDays = days.length - slotDays;
  return {
    consumptionWh,
    productionWh,
    netWh: productionWh - consumptionWh,
    selfConsumedWh,
    selfConsumptionRate: productionWh > 0 ? selfConsumedWh / productionWh : null,
    selfSufficiencyRate: consumptionWh > 0 ? selfConsumedWh / consumptionWh : null,
    days: days.length,
    slotDays,
    dayDays,
    method: days.length === 0 ? null : dayDays === 0 ? 'slots' : slotDays === 0 ? 'days' : 'mixed',
  };
}

export interface MonthlyBalance extends BalanceSummary {
  month: string;
}

/** Balance summaries per calendar month (days sorted). */
export function monthlyBalance(days: readonly BalanceDay[]): MonthlyBalance[] {
  const groups = new Map<string, BalanceDay[]>();
  for (const day of days) {
    const month = day.date.slice(0, 7);
    const group = groups.get(month);
    if (group) {
      group.push(day);
    } else {
      groups.set(month, [day]);
    }
  }
  return [...groups].map(([month, group]) => ({ month, ...summariseBalance(group) }));
}
