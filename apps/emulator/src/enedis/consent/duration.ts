/**
 * The `duration` of the consent page: an ISO-8601 duration in years, months, weeks and days of at most
 * three years (`P36M`, `P3Y`, `P1Y4M`, `P90D`). Time units (`PT1H`) are refused as a bad format.
 */
import { addDays, addMonths, parisMidnightUtc, parisToday } from '@med/core';

const DATE_DURATION = /^(-)?P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;
const MAX_MONTHS = 36;

export type DurationCheck =
  { ok: true; expiresAt: Date } | { ok: false; reason: 'invalid_duration_format' | 'maximum_duration_exceeded' };

/** Validates `text` and computes when a consent given at `now` ends (same local time of day). */
export function consentExpiry(text: string, now: Date): DurationCheck {
  const match = DATE_DURATION.exec(text);
  if (!match) {
    return { ok: false, reason: 'invalid_duration_format' };
  }
  const [, negative, years, months, weeks, days] = match;
  const totalMonths = Number(years ?? 0) * 12 + Number(months ?? 0);
  const totalDays = Number(weeks ?? 0) * 7 + Number(days ?? 0);
  if (negative !== undefined) {
    return { ok: false, reason: 'maximum_duration_exceeded' };
  }
  if (totalMonths === 0 && totalDays === 0) {
    return { ok: false, reason: 'invalid_duration_format' };
  }

  const today = parisToday(now);
  const endDate = addDays(addMonths(today, totalMonths), totalDays);
  if (endDate > addMonths(today, MAX_MONTHS)) {
    return { ok: false, reason: 'maximum_duration_exceeded' };
  }
  const timeOfDay = now.getTime() - parisMidnightUtc(today).getTime();
  return { ok: true, expiresAt: new Date(parisMidnightUtc(endDate).getTime() + timeOfDay) };
}
