import { Point } from '@influxdata/influxdb-client';
import { addDays, isoWeekday, parisMidnightUtc } from '@med/core';
import type { CurveRow, DailyRow, Direction, MaxPowerRow } from '../../sync/client-data.repository.ts';

/**
 * The points the VictoriaMetrics and InfluxDB exporters write, in InfluxDB line protocol with millisecond
 * timestamps (the reference's measurements, upstream-reference §4). Rules that keep a re-run idempotent
 * and the series usable (integrations-reference §5, §6.5):
 * - every numeric field is a float, always (mixing `1i` and `1.5` in one field is a type conflict);
 * - text goes in tags, never in string fields (VictoriaMetrics turns those into 0);
 * - names use `[a-z0-9_]` only (VictoriaMetrics 1.79 keeps other characters in metric names);
 * - a point's timestamp is where its value belongs: a day's energy at that Paris day's midnight, a curve
 *   interval at its START (Enedis stamps the end; the store already keeps the start), a period's total at
 *   its first day. The same reading therefore always lands on the same series and instant.
 */
export const MEASUREMENT = {
  consumption: 'electricity_consumption',
  production: 'electricity_production',
  stats: 'electricity_stats',
  maxPower: 'electricity_max_power',
  tempoColour: 'tempo_color',
  tempoDays: 'tempo_days',
  ecowattLevel: 'ecowatt_level',
  ecowattHourly: 'ecowatt_hourly_level',
} as const;

const line = (point: Point) => point.toLineProtocol() ?? '';

function dayMs(day: string): string {
  return String(parisMidnightUtc(day).getTime());
}

export function dailyLines(usagePointId: string, direction: Direction, rows: readonly DailyRow[]): string[] {
  return rows.map((row) =>
    line(
      new Point(MEASUREMENT[direction])
        .tag('usage_point_id', usagePointId)
        .tag('granularity', 'daily')
        .floatField('value_wh', row.valueWh)
        .floatField('value_kwh', row.valueWh / 1000)
        .timestamp(dayMs(row.day)),
    ),
  );
}

export function curveLines(usagePointId: string, direction: Direction, rows: readonly CurveRow[]): string[] {
  return rows.map((row) => {
    // Mean power over the interval → energy of the interval.
    const wh = (row.valueW * row.minutes) / 60;
    return line(
      new Point(MEASUREMENT[direction])
        .tag('usage_point_id', usagePointId)
        .tag('granularity', 'detailed')
        .floatField('value_w', row.valueW)
        .floatField('value_wh', wh)
        .floatField('value_kwh', wh / 1000)
        .timestamp(String(Date.parse(row.startAt))),
    );
  });
}

export function maxPowerLines(usagePointId: string, rows: readonly MaxPowerRow[]): string[] {
  return rows.map((row) =>
    line(
      new Point(MEASUREMENT.maxPower)
        .tag('usage_point_id', usagePointId)
        .floatField('value_va', row.valueVa)
        .timestamp(dayMs(row.day)),
    ),
  );
}

export type StatsPeriod = 'year' | 'month' | 'week';

/** The first day of the year, month or ISO week holding `day`. */
export function periodStart(day: string, period: StatsPeriod): string {
  if (period === 'year') {
    return `${day.slice(0, 4)}-01-01`;
  }
  if (period === 'month') {
    return `${day.slice(0, 7)}-01`;
  }
  return addDays(day, 1 - isoWeekday(day));
}

/**
 * Year, month and ISO-week totals of the daily energy, with the number of days behind each total (a
 * running or incomplete period says so instead of looking like a whole one).
 */
export function statsLines(usagePointId: string, direction: Direction, rows: readonly DailyRow[]): string[] {
  const lines: string[] = [];
  for (const period of ['year', 'month', 'week'] as const) {
    const totals = new Map<string, { wh: number; days: number }>();
    for (const row of rows) {
      const start = periodStart(row.day, period);
      const total = totals.get(start) ?? { wh: 0, days: 0 };
      total.wh += row.valueWh;
      total.days += 1;
      totals.set(start, total);
    }
    for (const [start, total] of totals) {
      lines.push(
        line(
          new Point(MEASUREMENT.stats)
            .tag('usage_point_id', usagePointId)
            .tag('direction', direction)
            .tag('period', period)
            .floatField('value_kwh', total.wh / 1000)
            .floatField('days', total.days)
            .timestamp(dayMs(start)),
        ),
      );
    }
  }
  return lines;
}
