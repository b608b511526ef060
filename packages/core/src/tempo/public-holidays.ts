/**
 * French national public holidays, used only for the RTE placement rule "no red day on a public
 * holiday" (tariff-rules §3 and §9; medium confidence, so it is a warning in `validateSeason`).
 * Alsace-Moselle's two extra days are not national and are ignored here.
 */
import { addDays, assertIsoDate } from '../time/index.ts';

const formatDate = (year: number, month: number, day: number): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatDate(year, month, day);
}

const cache = new Map<number, ReadonlySet<string>>();

/** The eleven national holidays of a calendar year, as `YYYY-MM-DD`. */
export function frenchPublicHolidays(year: number): ReadonlySet<string> {
  const cached = cache.get(year);
  if (cached) {
    return cached;
  }
  const easter = easterSunday(year);
  const holidays = new Set([
    formatDate(year, 1, 1),
    addDays(easter, 1), // Easter Monday
    formatDate(year, 5, 1),
    formatDate(year, 5, 8),
    addDays(easter, 39), // Ascension Thursday
    addDays(easter, 50), // Whit Monday
    formatDate(year, 7, 14),
    formatDate(year, 8, 15),
    formatDate(year, 11, 1),
    formatDate(year, 11, 11),
    formatDate(year, 12, 25),
  ]);
  cache.set(year, holidays);
  return holidays;
}

export function isFrenchPublicHoliday(date: string): boolean {
  assertIsoDate(date);
  return frenchPublicHolidays(Number(date.slice(0, 4))).has(date);
}
