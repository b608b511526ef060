/** Number and date formatting for the metering pages (French or English conventions). */

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'fr-FR';
}

/**
 * Building an `Intl` formatter costs far more than using one (tens of microseconds, more on a slow
 * phone): pages format hundreds of dates and numbers per render, so each formatter is made once.
 */
function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const percentFormats = new Map<string, Intl.NumberFormat>();

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string, fractionDigits: number): Intl.NumberFormat {
  return cached(
    numberFormats,
    `${language}:${fractionDigits}`,
    () => new Intl.NumberFormat(locale(language), { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 }),
  );
}

export function formatNumber(value: number, language: string, fractionDigits = 0): string {
  return numberFormat(language, fractionDigits).format(value);
}

/** Wh as kWh, with one decimal under 1,000 kWh and none above ("12,3 kWh", "8 124 kWh"). */
export function formatKwh(wh: number, language: string): string {
  const kwh = wh / 1000;
  return `${formatNumber(kwh, language, Math.abs(kwh) >= 1000 ? 0 : 1)} kWh`;
}

/** A 0–1 rate as a percentage ("42 %" in French, "42%" in English). */
export function formatPercent(rate: number, language: string): string {
  return cached(
    percentFormats,
    `${language}:plain`,
    () => new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 0 }),
  ).format(rate);
}

/** A change as a signed percentage ("+4 %", "−12 %"; "+4%" in English). */
export function formatChange(rate: number, language: string): string {
  return cached(
    percentFormats,
    `${language}:signed`,
    () =>
      new Intl.NumberFormat(locale(language), {
        style: 'percent',
        maximumFractionDigits: 0,
        signDisplay: 'exceptZero',
      }),
  ).format(rate);
}

/** Month name of `YYYY-MM` or of a 1–12 month number. */
export function formatMonth(
  month: string | number,
  language: string,
  style: 'short' | 'long' = 'short',
  withYear = false,
): string {
  const text = typeof month === 'number' ? `2000-${String(month).padStart(2, '0')}` : month;
  const date = new Date(`${text}-01T00:00:00Z`);
  return cached(
    dateFormats,
    `month:${language}:${style}:${withYear}`,
    () =>
      new Intl.DateTimeFormat(locale(language), {
        month: style,
        ...(withYear ? { year: 'numeric' } : {}),
        timeZone: 'UTC',
      }),
  ).format(date);
}

/** A calendar date, e.g. "lun. 9 juin 2025". */
export function formatDay(date: string, language: string, withWeekday = true): string {
  return cached(
    dateFormats,
    `day:${language}:${withWeekday}`,
    () =>
      new Intl.DateTimeFormat(locale(language), {
        ...(withWeekday ? { weekday: 'short' } : {}),
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  ).format(new Date(`${date}T00:00:00Z`));
}

/** Short date for axis labels: "09/06" (fr) or "09/06" (en-GB). */
export function formatShortDay(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}`;
}

/** Wall-clock minute of the day as "HH:MM". */
export function formatClock(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/** An instant as Paris date and time ("5 nov. 2025, 00:00"), whatever the browser's zone. */
export function formatParisDateTime(epochMs: number, language: string): string {
  return cached(
    dateFormats,
    `paris:${language}`,
    () =>
      new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }),
  ).format(new Date(epochMs));
}

/** Axis label of an instant in Paris time, at the precision the visible span needs. */
export function formatParisTick(epochMs: number, spanMs: number, language: string): string {
  const precision = spanMs > 120 * 86_400_000 ? 'month' : spanMs > 2 * 86_400_000 ? 'day' : 'time';
  return cached(
    dateFormats,
    `tick:${language}:${precision}`,
    () =>
      new Intl.DateTimeFormat(locale(language), {
        timeZone: 'Europe/Paris',
        ...(precision === 'month'
          ? { month: 'short', year: 'numeric' }
          : precision === 'day'
            ? { day: '2-digit', month: '2-digit' }
            : { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }),
      }),
  ).format(new Date(epochMs));
}

/** Wh → kWh rounded to the Wh (what the CSV and JSON files hold). */
export function whToKwh(wh: number): number {
  return Math.round(wh) / 1000;
}
