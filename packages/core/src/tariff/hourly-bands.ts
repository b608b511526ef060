/**
 * Consumption per hour and per price band of an offer option, and its energy cost per band — what a
 * Home Assistant Energy dashboard imports as hourly statistics. The bands of each Paris day come from
 * the same day plans as the cost engine (`day-plan.ts`: the meter's off-peak windows, Tempo's 06:00→06:00
 * colour day, EJP's 07:00→01:00 peak…), so an hour is filed under the band that prices it. Hours are UTC
 * hours of the interval starts: a DST day gives 23 or 25 of them, with no special case.
 */
import { parisMidnightUtc } from '../time/paris.ts';
import { OFFER_BANDS } from './bands.ts';
import { valueOn } from './dated.ts';
import { dayPlan, type Segment } from './day-plan.ts';
import { toMicroEuros, WATT_MINUTES_PER_KWH } from './money.ts';
import type { PreparedConsumption, PreparedDay } from './prepare.ts';
import type { DatedReason, EstimateReason, OfferType, PriceRecord, TariffContext, UncoveredReason } from './types.ts';

const HOUR_MS = 3_600_000;

export interface HourlyBandRow {
  /** UTC ms of the hour. */
  start: number;
  /** Energy per band, watt-minutes (60 W·min = 1 Wh). */
  wattMinutes: number[];
  /** Energy cost per band in micro-euros (rounded per hour), null when no price record covers the day. */
  microEuros: number[] | null;
}

/** Why a day is left out of the hourly series (it is sent once the reason is gone). */
export type HourlySkipReason =
  /** Nothing stored for the day. */
  | 'NO_DATA'
  /** Part of the day's load curve and no daily total: the rest may still come. */
  | 'INCOMPLETE_DAY'
  /** Only a daily total, on a day the option splits into several bands: no hour or band can be told. */
  | 'DAILY_ONLY_SEVERAL_BANDS'
  /** A band depends on a colour or calendar not published (yet): never guessed. */
  | 'TEMPO_COLOUR_UNKNOWN'
  | 'EJP_CALENDAR_MISSING'
  | 'ZEN_FLEX_CALENDAR_MISSING';

export type HourlyEstimate =
  | EstimateReason
  /** A one-band day known only by its daily total: filed as one value at the day's 00:00. */
  | 'DAILY_TOTAL_AT_MIDNIGHT';

export interface HourlyBands {
  type: OfferType;
  bands: readonly string[];
  rows: HourlyBandRow[];
  skipped: DatedReason<HourlySkipReason>[];
  estimates: DatedReason<HourlyEstimate>[];
  /** Days whose energy is filed but not priced (no record of the offer for that day's power). */
  unpriced: DatedReason<UncoveredReason>[];
}

const CALENDAR_REASONS = new Set<EstimateReason>([
  'TEMPO_COLOUR_UNKNOWN',
  'EJP_CALENDAR_MISSING',
  'ZEN_FLEX_CALENDAR_MISSING',
]);

function addReason<R extends string>(reasons: Map<R, string[]>, reason: R, date: string): void {
  const dates = reasons.get(reason);
  if (dates) {
    dates.push(date);
  } else {
    reasons.set(reason, [date]);
  }
}

const toDated = <R extends string>(reasons: Map<R, string[]>): DatedReason<R>[] =>
  [...reasons].map(([reason, dates]) => ({ reason, dates }));

/** Adds `watts × overlap` of the wall-clock span `[from, from + length)` to each band it touches. */
function spreadMinutes(segments: readonly Segment[], from: number, length: number, watts: number, into: number[]) {
  const end = from + length;
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s] as Segment;
    // The last segment takes a span running past midnight (an interval not aligned on the day).
    const segmentEnd = s === segments.length - 1 ? Infinity : segment.to;
    if (segmentEnd <= from || segment.from >= end) {
      continue;
    }
    const overlap = Math.min(segmentEnd, end) - Math.max(segment.from, from);
    into[segment.band] = (into[segment.band] ?? 0) + Math.round(watts * overlap);
  }
}

interface DayPricing {
  bandPrices: number[] | null;
  pricesByKey: Record<string, number>;
  schedule: PriceRecord['hc_schedule'];
}

/**
 * Hourly energy per band of `type` for `consumption`, and its cost with the offer's `records` (empty: no
 * offer selected, energy only). A day is filed from its load curve when complete, from its daily total at
 * 00:00 when the option has one band all that day, else left out with a reason.
 */
export function hourlyBands(
  type: OfferType,
  records: readonly PriceRecord[],
  consumption: PreparedConsumption,
  context: TariffContext,
): HourlyBands {
  const bands = OFFER_BANDS[type];
  const rows: HourlyBandRow[] = [];
  const skipped = new Map<HourlySkipReason, string[]>();
  const estimates = new Map<HourlyEstimate, string[]>();
  const unpriced = new Map<UncoveredReason, string[]>();
  const loaded = new Map<PriceRecord, DayPricing>();

  const pricingOf = (day: PreparedDay): DayPricing | UncoveredReason | null => {
    if (records.length === 0) {
      return null;
    }
    const power = valueOn(context.powers, day.date);
    if (power === undefined) {
      return 'POWER_UNKNOWN';
    }
    const record = records.find(
      (candidate) =>
        candidate.power_kva === power &&
        candidate.valid_from <= day.date &&
        (candidate.valid_to === null || day.date <= candidate.valid_to),
    );
    if (!record) {
      return 'NO_PRICE_RECORD';
    }
    let pricing = loaded.get(record);
    if (!pricing) {
      const pricesByKey: Record<string, number> = {};
      for (const [key, value] of Object.entries(record.prices)) {
        pricesByKey[key] = toMicroEuros(value);
      }
      const bandPrices = bands.map((band) => pricesByKey[band]);
      pricing = {
        bandPrices: bandPrices.every((price) => price !== undefined) ? bandPrices : null,
        pricesByKey,
        schedule: record.hc_schedule,
      };
      loaded.set(record, pricing);
    }
    return pricing;
  };

  for (const day of consumption.days) {
    const hasCurve = day.curveTo > day.curveFrom;
    if (!(hasCurve && day.curveComplete) && day.dailyWh === null) {
      addReason(skipped, hasCurve ? 'INCOMPLETE_DAY' : 'NO_DATA', day.date);
      continue;
    }
    const found = pricingOf(day);
    const pricing = typeof found === 'string' || found === null ? null : found;
    const plan = dayPlan(type, day, pricing?.schedule ?? null, pricing?.pricesByKey ?? {}, context);
    const calendar = plan.estimates.find((reason) => CALENDAR_REASONS.has(reason));
    if (calendar) {
      addReason(skipped, calendar as HourlySkipReason, day.date);
      continue;
    }
    const curveDay = hasCurve && day.curveComplete;
    if (!curveDay && plan.segments.length !== 1) {
      addReason(skipped, 'DAILY_ONLY_SEVERAL_BANDS', day.date);
      continue;
    }
    const prices = pricing?.bandPrices ?? null;
    if (typeof found === 'string') {
      addReason(unpriced, found, day.date);
    } else if (found && !found.bandPrices) {
      addReason(unpriced, 'NO_PRICE_RECORD', day.date);
    }
    if (curveDay) {
      fileCurveDay(day, plan.segments, consumption, bands.length, prices, rows);
    } else {
      const band = (plan.segments[0] as Segment).band;
      const wattMinutes = bands.map(() => 0);
      wattMinutes[band] = (day.dailyWh ?? 0) * 60;
      rows.push({
        start: parisMidnightUtc(day.date).getTime(),
        wattMinutes,
        microEuros: prices ? wattMinutes.map((value, b) => costMicro(value * (prices[b] ?? 0))) : null,
      });
      addReason(estimates, 'DAILY_TOTAL_AT_MIDNIGHT', day.date);
    }
    for (const reason of plan.estimates) {
      addReason(estimates, reason, day.date);
    }
  }
  return {
    type,
    bands,
    rows,
    skipped: toDated(skipped),
    estimates: toDated(estimates),
    unpriced: toDated(unpriced),
  };
}

/** µ€ of an energy amount in W·min × µ€/kWh, rounded half away from zero. */
const costMicro = (units: number) => Math.sign(units) * Math.round(Math.abs(units) / WATT_MINUTES_PER_KWH);

function fileCurveDay(
  day: PreparedDay,
  segments: readonly Segment[],
  consumption: PreparedConsumption,
  bandCount: number,
  prices: number[] | null,
  rows: HourlyBandRow[],
): void {
  let row: HourlyBandRow | null = null;
  let units: number[] = [];
  const flush = () => {
    if (row && prices) {
      row.microEuros = units.map(costMicro);
    }
  };
  const portions = new Array<number>(bandCount).fill(0);
  for (let i = day.curveFrom; i < day.curveTo; i++) {
    const start = consumption.startMs[i] ?? 0;
    // Enedis steps (10, 15, 30, 60 min) divide the hour: an interval belongs to the hour it starts in.
    const hour = Math.floor(start / HOUR_MS) * HOUR_MS;
    if (!row || row.start !== hour) {
      flush();
      row = { start: hour, wattMinutes: new Array<number>(bandCount).fill(0), microEuros: null };
      units = new Array<number>(bandCount).fill(0);
      rows.push(row);
    }
    portions.fill(0);
    spreadMinutes(
      segments,
      consumption.minuteOfDay[i] ?? 0,
      consumption.minutes[i] ?? 0,
      consumption.watts[i] ?? 0,
      portions,
    );
    for (let b = 0; b < bandCount; b++) {
      const value = portions[b] ?? 0;
      if (value !== 0) {
        row.wattMinutes[b] = (row.wattMinutes[b] ?? 0) + value;
        units[b] = (units[b] ?? 0) + value * (prices?.[b] ?? 0);
      }
    }
  }
  flush();
}
