/**
 * Shapes of the tariff engine. A price record mirrors one record of the offers data set
 * (`shared/data/offers`, README "Schema"; zod schema `offerRecordSchema` in `@med/contracts`): the
 * catalogue maps its rows to this and the engine needs nothing else. Dates are Paris calendar dates
 * `YYYY-MM-DD`; `valid_to` is inclusive as in the data set, every other range here is end-exclusive.
 */
import type { OfferType } from '@med/contracts';
import type { TempoCalendar } from '../tempo/colours.ts';

export type { OfferType };

/** Off-peak windows fixed by an offer; a more specific key (`weekday`, `weekend`) wins over `default`. */
export interface HcSchedule {
  default?: readonly string[] | undefined;
  weekday?: readonly string[] | undefined;
  weekend?: readonly string[] | undefined;
}

/** One offer option × one subscribed power × one validity period (prices EUR TTC). */
export interface PriceRecord {
  /** `provider:offer-slug:OFFER_TYPE:kva:valid_from`. */
  id: string;
  name: string;
  offer_type: OfferType;
  power_kva: number;
  /** Number as in the data set, or a decimal string as PostgreSQL `numeric` returns it. */
  subscription_eur_per_month: number | string;
  /** EUR per kWh by price key (`base`, `hp`, `tempo_red_hp`, …). */
  prices: Readonly<Record<string, number | string>>;
  hc_schedule: HcSchedule | null;
  valid_from: string;
  /** Last day the prices apply, inclusive; null when no later version is known. */
  valid_to: string | null;
}

/** A value in force over the end-exclusive date range `[start, end)`; `end` null = still in force. */
export interface Dated<T> {
  start: string;
  end: string | null;
  value: T;
}

/**
 * Special days of a published calendar (EJP peak days, Zen Flex sobriety days) and the end-exclusive
 * range `[start, end)` it covers: a date outside the range is unknown, not an ordinary day.
 */
export interface DayCalendar {
  start: string;
  end: string;
  days: ReadonlySet<string>;
}

/** What the engine knows about the delivery point and the published calendars. */
export interface TariffContext {
  /** Subscribed power (kVA) per period, from the contract. */
  powers: readonly Dated<number>[];
  /** The delivery point's off-peak windows (`HH:MM-HH:MM`) per period; none when unknown. */
  offpeak?: readonly Dated<readonly string[]>[] | undefined;
  /** Published Tempo colours by calendar date (the colour of D applies from D 06:00 to D+1 06:00). */
  tempo?: TempoCalendar | undefined;
  ejpPeakDays?: DayCalendar | undefined;
  zenFlexSobrietyDays?: DayCalendar | undefined;
}

/** Why a figure is an estimate rather than an exact price of the data. */
export type EstimateReason =
  /** The delivery point's off-peak windows are unknown: 22:00–06:00 was used. */
  | 'HC_WINDOWS_UNKNOWN'
  /** A Tempo colour is not published for a tariff day: priced as blue. */
  | 'TEMPO_COLOUR_UNKNOWN'
  /** No EJP calendar for a day that may be a peak day: priced at the normal price (a lower bound). */
  | 'EJP_CALENDAR_MISSING'
  /** No Zen Flex calendar for a day that may be a sobriety day: priced as an eco day (a lower bound). */
  | 'ZEN_FLEX_CALENDAR_MISSING'
  /** Only a daily total for a day the offer prices at several rates: split by the hours of each rate. */
  | 'DAILY_DATA_SPLIT'
  /** The load curve of the day is incomplete and there is no daily total: missing intervals cost nothing. */
  | 'INCOMPLETE_CURVE'
  /** No consumption at all for the day: only the subscription is counted. */
  | 'NO_CONSUMPTION_DATA'
  /**
   * Priced with a record that has no known end more than six months after it started: prices move at
   * least twice a year (1 February, 1 August), so a later grid may be missing from the catalogue.
   */
  | 'PRICE_RECORD_MAY_BE_OUTDATED';

/** Why a day could not be priced with this offer at all. */
export type UncoveredReason =
  /** The contract says nothing of the subscribed power on that day. */
  | 'POWER_UNKNOWN'
  /** No record of the offer for that power is valid on that day (not sold, or a gap in the catalogue). */
  | 'NO_PRICE_RECORD';

/** Dates grouped by reason, in order. */
export interface DatedReason<R extends string> {
  reason: R;
  dates: string[];
}

/** Energy of one load-curve interval. */
export interface CurveInterval {
  /** UTC milliseconds of the interval start. */
  start: number;
  /** Interval length in minutes. */
  minutes: number;
  /** Average power over the interval, W (Enedis gives integers; energy = W × minutes). */
  watts: number;
  /** Paris calendar date of the start. */
  date: string;
  /** Paris wall-clock minute of the start, 0–1439. */
  minuteOfDay: number;
}

/** Energy of one Paris day, Wh. */
export interface DailyTotal {
  date: string;
  wh: number;
}

export interface Consumption {
  /** Load-curve intervals, sorted by start (the 30-min data). */
  curve: readonly CurveInterval[];
  /** Daily totals, used on days whose curve is incomplete. */
  daily: readonly DailyTotal[];
}
