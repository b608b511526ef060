import { addDays, addMonths, daysBetween, type DailyEnergy } from '@med/core';

/** A sum of whole days `[from, to]` (end included) and how many of them had a reading. */
export interface PeriodTotal {
  from: string;
  to: string;
  wh: number;
  days: number;
}

export interface MeterSummary {
  /** The last day Enedis publishes (the day before today), or null when it has no reading yet. */
  yesterday: DailyEnergy | null;
  /** The 7 days ending yesterday. */
  lastWeek: PeriodTotal;
  /** This month so far: the 1st to yesterday. */
  monthToDate: PeriodTotal;
  /** The same days one year earlier, so a part of a month is never compared with a whole one. */
  sameDaysLastYear: PeriodTotal;
  /** Daily Wh of the 30 days ending yesterday (missing days as null), oldest first, for the sparkline. */
  lastThirtyDays: (number | null)[];
}

function total(byDate: ReadonlyMap<string, number>, from: string, to: string): PeriodTotal {
  let wh = 0;
  let days = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const value = byDate.get(date);
    if (value !== undefined) {
      wh += value;
      days += 1;
    }
  }
  return { from, to, wh, days };
}

/**
 * The figures the dashboard shows first for a meter, from its daily energy and today's Paris date.
 * On the 1st of a month "this month" is the whole previous month (yesterday's), compared with the same
 * month a year earlier.
 */
export function summarizeMeter(daily: readonly DailyEnergy[], today: string): MeterSummary {
  const byDate = new Map(daily.map((day) => [day.date, day.wh]));
  const yesterday = addDays(today, -1);
  const monthStart = `${yesterday.slice(0, 7)}-01`;
  const yesterdayWh = byDate.get(yesterday);
  return {
    yesterday: yesterdayWh === undefined ? null : { date: yesterday, wh: yesterdayWh },
    lastWeek: total(byDate, addDays(yesterday, -6), yesterday),
    monthToDate: total(byDate, monthStart, yesterday),
    sameDaysLastYear: total(byDate, addMonths(monthStart, -12), addMonths(yesterday, -12)),
    lastThirtyDays: Array.from({ length: 30 }, (_, index) => byDate.get(addDays(yesterday, index - 29)) ?? null),
  };
}

/** Every day of the period has a reading. */
export function isComplete(period: PeriodTotal): boolean {
  return period.days === daysBetween(period.from, period.to) + 1;
}

/**
 * Relative change, or null when the two are not comparable: a day missing on either side (a partial
 * period is never compared with a whole one), or nothing the year before.
 */
export function relativeChange(current: PeriodTotal, previous: PeriodTotal): number | null {
  if (!isComplete(current) || !isComplete(previous) || previous.wh === 0) {
    return null;
  }
  return (current.wh - previous.wh) / previous.wh;
}

/** SVG polyline points for values scaled into a `width`×`height` box; gaps break the line into segments. */
export function sparklineSegments(values: readonly (number | null)[], width: number, height: number): string[] {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) {
    return [];
  }
  const max = Math.max(...present);
  const min = Math.min(...present);
  const range = max - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) {
        segments.push(current.join(' '));
      }
      current = [];
      return;
    }
    const x = Math.round(index * step * 10) / 10;
    const y = Math.round((height - ((value - min) / range) * height) * 10) / 10;
    current.push(`${x},${y}`);
  });
  if (current.length > 0) {
    segments.push(current.join(' '));
  }
  return segments;
}
