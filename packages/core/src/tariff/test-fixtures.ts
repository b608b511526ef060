/** Test helpers of the tariff engine: records and synthetic load curves built from a rule per instant. */
import { toEnergySlots } from '../energy/slots.ts';
import { dayReadings } from '../energy/test-fixtures.ts';
import { eachDay } from '../time/calendar.ts';
import { parisWallClock } from '../time/paris.ts';
import { prepareConsumption, type PreparedConsumption } from './prepare.ts';
import type { DailyTotal, OfferType, PriceRecord } from './types.ts';

/** A record of a test offer `test:<slug>:<type>`; prices and subscription are test values. */
export function record(
  type: OfferType,
  kva: number,
  validFrom: string,
  validTo: string | null,
  subscription: number,
  prices: Record<string, number>,
  slug = 'offer',
  hcSchedule: PriceRecord['hc_schedule'] = null,
): PriceRecord {
  return {
    id: `test:${slug}:${type}:${kva}:${validFrom}`,
    name: slug,
    offer_type: type,
    power_kva: kva,
    subscription_eur_per_month: subscription,
    prices,
    hc_schedule: hcSchedule,
    valid_from: validFrom,
    valid_to: validTo,
  };
}

/** Half-hour curve over `[start, end)` whose power (W) at each interval is `watts(hour, minute)` (Paris wall clock). */
export function curve(start: string, end: string, watts: (hour: number, minute: number) => number) {
  const readings = eachDay(start, end).flatMap((date) =>
    dayReadings(date, (_index, instant) => {
      const clock = parisWallClock(instant);
      return watts(clock.hour, clock.minute);
    }),
  );
  return toEnergySlots(readings).slots;
}

/** Prepared consumption of a half-hour curve (and optional daily totals). */
export function prepared(
  start: string,
  end: string,
  watts: ((hour: number, minute: number) => number) | null,
  daily: DailyTotal[] = [],
): PreparedConsumption {
  return prepareConsumption(start, end, { curve: watts ? curve(start, end, watts) : [], daily });
}

export const flat = (watts: number) => () => watts;
