/** Date and time formatting of the RTE pages: always Paris time, whatever the browser's zone. */

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR');
const PARIS = 'Europe/Paris';

function toDate(instant: number | string): Date {
  return typeof instant === 'number' ? new Date(instant) : new Date(instant);
}

/** "21:30" (Paris). */
export function formatParisTime(instant: number | string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: PARIS,
  }).format(toDate(instant));
}

/** "sam. 21 nov., 06:00" (Paris). */
export function formatParisDayTime(instant: number | string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: PARIS,
  }).format(toDate(instant));
}

/** A calendar date as "samedi 21 novembre" (or with the year). */
export function formatLongDay(date: string, language: string, withYear = false): string {
  return new Intl.DateTimeFormat(locale(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** A calendar date as "sam. 21 nov.". */
export function formatShortDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** Narrow weekday initials, Monday first ("L", "M", "M", "J", "V", "S", "D" in French). */
export function weekdayInitials(language: string): string[] {
  const format = new Intl.DateTimeFormat(locale(language), { weekday: 'narrow', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, index) => format.format(new Date(Date.UTC(2024, 0, 1 + index))));
}

/** A percentage given as 0–100 ("42 %" in French, "42%" in English), up to one decimal. */
export function formatPercent100(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}
