/**
 * The rows an import produces, in the project's own semantics (architecture.md §5) and with the field
 * names of the client-mode store (`client_curve`, `client_daily`, `client_max_power`), so a caller
 * upserts them as they are.
 */

/** One load-curve interval: mean power over `[startAt, endAt)`. */
export interface CurveRow {
  /** Interval start, UTC ISO 8601 (what we store and serve). */
  startAt: string;
  /** Interval end, UTC ISO 8601 (the instant Enedis stamps). */
  endAt: string;
  /** Paris date of the start: the day the interval belongs to. */
  day: string;
  minutes: number;
  /** Mean power over the interval, W (integer). Energy is `valueW × minutes / 60` Wh. */
  valueW: number;
}

/** One day's energy. */
export interface DailyRow {
  /** Paris date. */
  day: string;
  /** Energy of the day, Wh (integer). */
  valueWh: number;
}

/** One day's maximum power. */
export interface MaxPowerRow {
  /** Paris date of the peak. */
  day: string;
  /** Maximum apparent power, VA (integer). */
  valueVa: number;
  /** Instant of the peak, UTC ISO 8601. */
  at: string;
}
