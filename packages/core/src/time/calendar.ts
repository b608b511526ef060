/**
 * Calendar arithmetic on `YYYY-MM-DD` strings.
 *
 * A calendar date has no time zone: these helpers never look at a clock or a zone, so they give the
 * same answer whatever `TZ` the process runs with. They work on UTC midnights internally only because
 * UTC has no DST, which makes "one day = 86 400 000 ms" exact there.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (rejects `2025-02-30`). */
export function isIsoDate(value: string): boolean {
  // Hot path (every date helper validates its input): plain arithmetic, no Date allocation.
  if (value.length !== 10 || !ISO_DATE.test(value)) {
    return false;
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= daysInMonth;
}

/** Throws a `RangeError` naming the argument when `value` is not a valid `YYYY-MM-DD` date. */
export function assertIsoDate(value: string, name = 'date'): void {
  if (!isIsoDate(value)) {
    throw new RangeError(`${name} must be a YYYY-MM-DD calendar date, got "${value}"`);
  }
}

function toUtcMs(date: string): number {
  assertIsoDate(date);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `date` shifted by `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/**
 * `date` shifted by `months` calendar months. The day is clamped to the last day of the target month
 * (`2024-03-31` − 1 month = `2024-02-29`), which is how history limits such as "24 months back" read.
 */
export function addMonths(date: string, months: number): string {
  const start = new Date(toUtcMs(date));
  const targetMonthIndex = start.getUTCFullYear() * 12 + start.getUTCMonth() + months;
  const year = Math.floor(targetMonthIndex / 12);
  const month = targetMonthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay)));
}

/** Number of calendar days from `from` to `to` (`to − from`; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

/** Every date of the end-exclusive range `[start, endExclusive)`; empty when `endExclusive <= start`. */
export function eachDay(start: string, endExclusive: string): string[] {
  const from = toUtcMs(start);
  const count = Math.round((toUtcMs(endExclusive) - from) / MS_PER_DAY);
  const days: string[] = [];
  // Hot path (every metering request lists its days): one Date, no re-validation per day.
  const cursor = new Date(from);
  for (let i = 0; i < count; i++) {
    const month = cursor.getUTCMonth() + 1;
    const day = cursor.getUTCDate();
    days.push(`${cursor.getUTCFullYear()}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`);
    cursor.setTime(cursor.getTime() + MS_PER_DAY);
  }
  return days;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const weekday = new Date(toUtcMs(date)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Day of the year, 1 for 1 January. */
export function dayOfYear(date: string): number {
  return daysBetween(`${date.slice(0, 4)}-01-01`, date) + 1;
}

/** Lexicographic comparison works for `YYYY-MM-DD`; this names the intent. Returns the earlier date. */
export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

/** Returns the later of two `YYYY-MM-DD` dates. */
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}
