/** The rows an import produces, in the project's own semantics (architecture.md §5). */

/** One load-curve interval: mean power over `[start, end)`. */
export interface CurveRow {
  /** Interval start, UTC ISO 8601 (what we store and serve). */
  start: string;
  /** Interval end, UTC ISO 8601 (the instant Enedis stamps). */
  end: string;
  /** Paris date of the start: the day the interval belongs to. */
  date: string;
  minutes: number;
  /** Mean power over the interval, W (integer). Energy is `w × minutes / 60` Wh. */
  w: number;
}

/** One day's energy. */
export interface DailyRow {
  /** Paris date. */
  date: string;
  /** Energy of the day, Wh (integer). */
  wh: number;
}

/** One day's maximum power. */
export interface MaxPowerRow {
  /** Paris date of the peak. */
  date: string;
  /** Instant of the peak, UTC ISO 8601. */
  at: string;
  /** Maximum apparent power, VA (integer). */
  va: number;
}
