/**
 * The tariff engine: prices prepared consumption with the records of one offer (one provider, offer
 * name and option, every power and validity period). For each Paris day: the subscribed power of that
 * day, the record of that power valid on that date (tariff-rules §1: the calendar date of the
 * consumption, even for Tempo), the day's band plan, then each interval's watt-minutes into its bands
 * and the subscription of the day (monthly × 12 / 365, §8). Everything stays exact until the cents.
 */
import { addMonths } from '../time/calendar.ts';
import { parisMidnightUtc } from '../time/paris.ts';
import { OFFER_BANDS } from './bands.ts';
import { valueOn } from './dated.ts';
import { dayPlan, MINUTES_PER_DAY, type Segment } from './day-plan.ts';
import {
  addDay,
  centsToEuros,
  energyCents,
  SUBSCRIPTION_DAYS_PER_YEAR,
  subscriptionCents,
  toMicroEuros,
  totalCents,
  WATT_MINUTES_PER_KWH,
  wattMinutesToKwh,
  zeroAmount,
  type ExactAmount,
} from './money.ts';
import type { PreparedConsumption, PreparedDay } from './prepare.ts';
import { allocateDaily } from './allocate-daily.ts';
import type { DatedReason, EstimateReason, OfferType, PriceRecord, TariffContext, UncoveredReason } from './types.ts';

export interface BandCost {
  band: string;
  kwh: number;
  energy_eur: number;
}

export interface RecordUse {
  record_id: string;
  power_kva: number;
  first_date: string;
  last_date: string;
  days: number;
  kwh: number;
  energy_eur: number;
  subscription_eur: number;
  bands: BandCost[];
  /** The record's own figures (EUR TTC), so a cost can be checked line by line. */
  valid_from: string;
  valid_to: string | null;
  subscription_eur_per_month: number;
  prices: Record<string, number>;
}

export interface PeriodCost {
  kwh: number;
  energy_eur: number;
  subscription_eur: number;
  total_eur: number;
  bands: BandCost[];
}

export interface DayCost extends PeriodCost {
  date: string;
  record_id: string;
  power_kva: number;
  /** Where the energy came from: the load curve, the daily total, or nothing. */
  source: 'curve' | 'daily' | 'none';
  estimates: EstimateReason[];
  /** With `exactDaily`: the day's amounts before any rounding, so a run of days adds up to its period to the cent. */
  exact?: { bands: { band: string; eur: number }[]; subscription_eur: number };
}

export interface MonthCost extends PeriodCost {
  /** `YYYY-MM`. */
  month: string;
  days: number;
}

/** One interval (or, for a daily total, one band of the day) with the record and band that priced it. */
export interface PricedInterval {
  /** UTC ms of the start (the day's midnight for a daily total). */
  start: number;
  minutes: number;
  kwh: number;
  band: string;
  record_id: string;
  price_eur_per_kwh: number;
  source: 'curve' | 'daily';
}

export interface OfferCost extends PeriodCost {
  offer_type: OfferType;
  /** End-exclusive period asked for. */
  start: string;
  end: string;
  /** Days priced (days of the period minus the uncovered ones). */
  days: number;
  records: RecordUse[];
  estimates: DatedReason<EstimateReason>[];
  /** Days this offer cannot price; a cost with uncovered days is incomplete. */
  uncovered: DatedReason<UncoveredReason>[];
  months?: MonthCost[];
  daily?: DayCost[];
  intervals?: PricedInterval[];
}

export interface PriceOptions {
  /** Adds the per-month and per-day breakdown. */
  breakdown?: boolean;
  /** Adds each day's unrounded amounts to the per-day breakdown (series that are summed afterwards). */
  exactDaily?: boolean;
  /** Adds every priced interval (large: 17,520 lines for a year of half-hours). */
  intervals?: boolean;
}

/** A record with its prices read once as integer micro-euros, in band order. */
interface LoadedRecord {
  record: PriceRecord;
  bandPrices: number[];
  pricesByKey: Record<string, number>;
  subscriptionMicro: number;
  /** Watt-minutes per band over the period. */
  wattMinutes: number[];
  days: number;
  firstDate: string;
  lastDate: string;
  /** First date an open-ended record may be outdated on (six months after it started). */
  staleFrom: string;
}

const MICROS_PER_EURO = 1_000_000;

/** Regulated and market prices move at least every six months (1 February, 1 August, tax changes). */
const OPEN_RECORD_TRUSTED_MONTHS = 6;

function loadRecord(record: PriceRecord, bands: readonly string[]): LoadedRecord {
  const pricesByKey: Record<string, number> = {};
  const bandPrices = bands.map((band) => {
    const price = record.prices[band];
    if (price === undefined) {
      throw new RangeError(`record ${record.id} has no price "${band}"`);
    }
    pricesByKey[band] = toMicroEuros(price);
    return pricesByKey[band];
  });
  return {
    record,
    bandPrices,
    pricesByKey,
    subscriptionMicro: toMicroEuros(record.subscription_eur_per_month),
    wattMinutes: bands.map(() => 0),
    days: 0,
    firstDate: '',
    lastDate: '',
    staleFrom: addMonths(record.valid_from, OPEN_RECORD_TRUSTED_MONTHS),
  };
}

const isValidOn = (record: PriceRecord, date: string) =>
  record.valid_from <= date && (record.valid_to === null || date <= record.valid_to);

function addReason<R extends string>(reasons: Map<R, string[]>, reason: R, date: string): void {
  const dates = reasons.get(reason);
  if (dates) {
    dates.push(date);
  } else {
    reasons.set(reason, [date]);
  }
}

const toDatedReasons = <R extends string>(reasons: Map<R, string[]>): DatedReason<R>[] =>
  [...reasons].map(([reason, dates]) => ({ reason, dates }));

/**
 * Adds `wattsValue × overlap` of the wall-clock span `[from, from + length)` to each band it touches.
 * The last segment absorbs a span running past midnight (only an interval not aligned on the day).
 */
function spread(segments: readonly Segment[], from: number, length: number, watts: number, into: number[]): void {
  const end = from + length;
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s] as Segment;
    const segmentEnd = s === segments.length - 1 ? Infinity : segment.to;
    if (segmentEnd <= from) {
      continue;
    }
    if (segment.from >= end) {
      break;
    }
    const overlap = Math.min(segmentEnd, end) - Math.max(segment.from, from);
    into[segment.band] = (into[segment.band] ?? 0) + Math.round(watts * overlap);
  }
}

/** Prices `consumption` with the records of one offer (all of the same `offer_type`). */
export function priceOffer(
  records: readonly PriceRecord[],
  consumption: PreparedConsumption,
  context: TariffContext,
  options: PriceOptions = {},
): OfferCost {
  const type = records[0]?.offer_type;
  if (!type || records.some((record) => record.offer_type !== type)) {
    throw new RangeError('priceOffer needs the records of one offer option (same offer_type)');
  }
  const bands = OFFER_BANDS[type];
  const loaded = new Map<PriceRecord, LoadedRecord>();
  const estimates = new Map<EstimateReason, string[]>();
  const uncovered = new Map<UncoveredReason, string[]>();
  const daily: DayCost[] = [];
  const intervals: PricedInterval[] = [];
  const monthSums = new Map<
    string,
    { amount: ExactAmount; wattMinutes: number[]; bandEnergy: bigint[]; days: number }
  >();
  const dayWattMinutes = bands.map(() => 0);
  let pricedDays = 0;

  for (const day of consumption.days) {
    const power = valueOn(context.powers, day.date);
    if (power === undefined) {
      addReason(uncovered, 'POWER_UNKNOWN', day.date);
      continue;
    }
    const record = records.find((candidate) => candidate.power_kva === power && isValidOn(candidate, day.date));
    if (!record) {
      addReason(uncovered, 'NO_PRICE_RECORD', day.date);
      continue;
    }
    let use = loaded.get(record);
    if (!use) {
      use = loadRecord(record, bands);
      loaded.set(record, use);
    }
    const plan = dayPlan(type, day, record.hc_schedule, use.pricesByKey, context);
    const dayEstimates = [...plan.estimates];
    if (record.valid_to === null && day.date >= use.staleFrom) {
      dayEstimates.push('PRICE_RECORD_MAY_BE_OUTDATED');
    }
    dayWattMinutes.fill(0);
    const source = priceDay(day, plan.segments, consumption, dayWattMinutes, dayEstimates);

    let energyUnits = 0;
    for (let b = 0; b < bands.length; b++) {
      const wattMinutes = dayWattMinutes[b] ?? 0;
      use.wattMinutes[b] = (use.wattMinutes[b] ?? 0) + wattMinutes;
      energyUnits += wattMinutes * (use.bandPrices[b] ?? 0);
    }
    if (!Number.isSafeInteger(energyUnits)) {
      throw new RangeError(`energy of ${day.date} is out of the exact range (prices or consumption absurd)`);
    }
    const subscriptionUnits = use.subscriptionMicro * 12;
    use.days += 1;
    use.firstDate ||= day.date;
    use.lastDate = day.date;
    pricedDays += 1;
    for (const reason of new Set(dayEstimates)) {
      addReason(estimates, reason, day.date);
    }

    if (options.intervals) {
      collectIntervals(day, source, plan.segments, consumption, use, bands, intervals);
    }
    if (options.breakdown) {
      const amount = zeroAmount();
      addDay(amount, energyUnits, subscriptionUnits);
      const bandEnergy = bands.map((_, b) => BigInt(dayWattMinutes[b] ?? 0) * BigInt(use.bandPrices[b] ?? 0));
      daily.push({
        date: day.date,
        record_id: record.id,
        power_kva: power,
        source,
        estimates: [...new Set(dayEstimates)],
        ...periodCost(amount, dayWattMinutes, bandEnergy, bands),
        ...(options.exactDaily ? { exact: exactDay(bandEnergy, subscriptionUnits, bands) } : {}),
      });
      const month = day.date.slice(0, 7);
      let sum = monthSums.get(month);
      if (!sum) {
        sum = { amount: zeroAmount(), wattMinutes: bands.map(() => 0), bandEnergy: bands.map(() => 0n), days: 0 };
        monthSums.set(month, sum);
      }
      addDay(sum.amount, energyUnits, subscriptionUnits);
      sum.days += 1;
      for (let b = 0; b < bands.length; b++) {
        sum.wattMinutes[b] = (sum.wattMinutes[b] ?? 0) + (dayWattMinutes[b] ?? 0);
        sum.bandEnergy[b] = (sum.bandEnergy[b] ?? 0n) + (bandEnergy[b] ?? 0n);
      }
    }
  }

  // Totals from the per-record sums: Σ watt-minutes × price per (record, band), exact in bigint.
  const total = zeroAmount();
  const totalWattMinutes = bands.map(() => 0);
  const totalBandEnergy = bands.map(() => 0n);
  const recordUses: RecordUse[] = [];
  for (const use of loaded.values()) {
    const recordAmount = zeroAmount();
    const recordBandEnergy = bands.map((_, b) => BigInt(use.wattMinutes[b] ?? 0) * BigInt(use.bandPrices[b] ?? 0));
    recordAmount.energy = recordBandEnergy.reduce((sum, value) => sum + value, 0n);
    recordAmount.subscription = BigInt(use.subscriptionMicro) * 12n * BigInt(use.days);
    total.energy += recordAmount.energy;
    total.subscription += recordAmount.subscription;
    for (let b = 0; b < bands.length; b++) {
      totalWattMinutes[b] = (totalWattMinutes[b] ?? 0) + (use.wattMinutes[b] ?? 0);
      totalBandEnergy[b] = (totalBandEnergy[b] ?? 0n) + (recordBandEnergy[b] ?? 0n);
    }
    const cost = periodCost(recordAmount, use.wattMinutes, recordBandEnergy, bands);
    recordUses.push({
      record_id: use.record.id,
      power_kva: use.record.power_kva,
      first_date: use.firstDate,
      last_date: use.lastDate,
      days: use.days,
      kwh: cost.kwh,
      energy_eur: cost.energy_eur,
      subscription_eur: cost.subscription_eur,
      bands: cost.bands,
      valid_from: use.record.valid_from,
      valid_to: use.record.valid_to,
      subscription_eur_per_month: use.subscriptionMicro / MICROS_PER_EURO,
      prices: Object.fromEntries(
        Object.entries(use.pricesByKey).map(([band, micro]) => [band, micro / MICROS_PER_EURO]),
      ),
    });
  }
  recordUses.sort((a, b) => (a.first_date < b.first_date ? -1 : a.first_date > b.first_date ? 1 : 0));

  const result: OfferCost = {
    offer_type: type,
    start: consumption.start,
    end: consumption.end,
    days: pricedDays,
    ...periodCost(total, totalWattMinutes, totalBandEnergy, bands),
    records: recordUses,
    estimates: toDatedReasons(estimates),
    uncovered: toDatedReasons(uncovered),
  };
  if (options.breakdown) {
    result.daily = daily;
    result.months = [...monthSums].map(([month, sum]) => ({
      month,
      days: sum.days,
      ...periodCost(sum.amount, sum.wattMinutes, sum.bandEnergy, bands),
    }));
  }
  if (options.intervals) {
    result.intervals = intervals;
  }
  return result;
}

/** Fills `into` (watt-minutes per band) for one day and says where the energy came from. */
function priceDay(
  day: PreparedDay,
  segments: readonly Segment[],
  consumption: PreparedConsumption,
  into: number[],
  estimates: EstimateReason[],
): 'curve' | 'daily' | 'none' {
  const hasCurve = day.curveTo > day.curveFrom;
  if (hasCurve && (day.curveComplete || day.dailyWh === null)) {
    if (!day.curveComplete) {
      estimates.push('INCOMPLETE_CURVE');
    }
    for (let i = day.curveFrom; i < day.curveTo; i++) {
      const from = consumption.minuteOfDay[i] ?? 0;
      const length = consumption.minutes[i] ?? 0;
      const watts = consumption.watts[i] ?? 0;
      // Fast path: the whole interval inside one segment (always, for half-hours and half-hour windows).
      let segment = segments[0] as Segment;
      for (let s = 1; s < segments.length && from >= segment.to; s++) {
        segment = segments[s] as Segment;
      }
      if (from + length <= segment.to && from + length <= MINUTES_PER_DAY) {
        into[segment.band] = (into[segment.band] ?? 0) + Math.round(watts * length);
      } else {
        spread(segments, from, length, watts, into);
      }
    }
    return 'curve';
  }
  if (day.dailyWh !== null) {
    if (allocateDaily(day, segments, day.dailyWh, into) > 1) {
      estimates.push('DAILY_DATA_SPLIT');
    }
    return 'daily';
  }
  estimates.push('NO_CONSUMPTION_DATA');
  return 'none';
}

function collectIntervals(
  day: PreparedDay,
  source: 'curve' | 'daily' | 'none',
  segments: readonly Segment[],
  consumption: PreparedConsumption,
  use: LoadedRecord,
  bands: readonly string[],
  into: PricedInterval[],
): void {
  const line = (start: number, minutes: number, wattMinutes: number[], lineSource: 'curve' | 'daily') => {
    wattMinutes.forEach((value, band) => {
      if (value !== 0 || wattMinutes.length === 1) {
        into.push({
          start,
          minutes,
          kwh: wattMinutesToKwh(value),
          band: bands[band] ?? '',
          record_id: use.record.id,
          price_eur_per_kwh: (use.bandPrices[band] ?? 0) / MICROS_PER_EURO,
          source: lineSource,
        });
      }
    });
  };
  if (source === 'curve') {
    for (let i = day.curveFrom; i < day.curveTo; i++) {
      const portions = bands.map(() => 0);
      spread(
        segments,
        consumption.minuteOfDay[i] ?? 0,
        consumption.minutes[i] ?? 0,
        consumption.watts[i] ?? 0,
        portions,
      );
      line(consumption.startMs[i] ?? 0, consumption.minutes[i] ?? 0, portions, 'curve');
    }
  } else if (source === 'daily' && day.dailyWh !== null) {
    const portions = bands.map(() => 0);
    allocateDaily(day, segments, day.dailyWh, portions);
    line(parisMidnightUtc(day.date).getTime(), day.minutes, portions, 'daily');
  }
}

/** Energy units (1/60,000 µ€) and subscription units (1/365 µ€) of one day as euros, unrounded. */
function exactDay(bandEnergy: readonly bigint[], subscriptionUnits: number, bands: readonly string[]) {
  return {
    bands: bands.map((band, b) => ({
      band,
      eur: Number(bandEnergy[b] ?? 0n) / WATT_MINUTES_PER_KWH / MICROS_PER_EURO,
    })),
    subscription_eur: subscriptionUnits / SUBSCRIPTION_DAYS_PER_YEAR / MICROS_PER_EURO,
  };
}

function periodCost(
  amount: ExactAmount,
  wattMinutes: readonly number[],
  bandEnergy: readonly bigint[],
  bands: readonly string[],
): PeriodCost {
  return {
    kwh: wattMinutesToKwh(wattMinutes.reduce((sum, value) => sum + value, 0)),
    energy_eur: centsToEuros(energyCents(amount.energy)),
    subscription_eur: centsToEuros(subscriptionCents(amount.subscription)),
    total_eur: centsToEuros(totalCents(amount)),
    bands: bands.map((band, b) => ({
      band,
      kwh: wattMinutesToKwh(wattMinutes[b] ?? 0),
      energy_eur: centsToEuros(energyCents(bandEnergy[b] ?? 0n)),
    })),
  };
}
