import { Point } from '@influxdata/influxdb-client';
import { parisInstantsOfLocalTime, parisMidnightUtc, seasonOf, seasonStats, type TempoColour } from '@med/core';
import type { StoredEcowattDay } from '../../rte/ecowatt.repository.ts';
import type { StoredTempoDay } from '../../rte/tempo.repository.ts';
import { MEASUREMENT } from './tsdb-points.ts';

/** Numeric value of a colour, for graphs and thresholds (the colour itself is a tag). */
export const TEMPO_COLOUR_VALUE: Record<TempoColour, number> = { BLUE: 1, WHITE: 2, RED: 3 };

const line = (point: Point) => point.toLineProtocol() ?? '';

/** One point per published Tempo day, at that day's Paris midnight. */
export function tempoColourLines(days: readonly StoredTempoDay[]): string[] {
  return days.map((day) =>
    line(
      new Point(MEASUREMENT.tempoColour)
        .tag('color', day.color)
        .floatField('color_value', TEMPO_COLOUR_VALUE[day.color])
        .timestamp(String(parisMidnightUtc(day.date).getTime())),
    ),
  );
}

/**
 * Used / remaining / quota days per colour of the season holding `today`, counted from the stored days
 * (a published tomorrow has consumed its stock), stamped at `today`'s midnight: one point per colour and day
 * the exporter runs, so the series shows the stock going down over the season.
 */
export function tempoDaysLines(days: readonly StoredTempoDay[], today: string): string[] {
  const season = seasonOf(today);
  const stats = seasonStats(
    season,
    days.map((day) => ({ date: day.date, colour: day.color })),
    today,
  );
  const at = String(parisMidnightUtc(today).getTime());
  const colours = [
    ['BLUE', stats.blue_used, stats.blue_remaining],
    ['WHITE', stats.white_used, stats.white_remaining],
    ['RED', stats.red_used, stats.red_remaining],
  ] as const;
  return colours.map(([colour, used, remaining]) =>
    line(
      new Point(MEASUREMENT.tempoDays)
        .tag('color', colour)
        .tag('season', season)
        .floatField('used', used)
        .floatField('remaining', remaining)
        .floatField('quota', used + remaining)
        .timestamp(at),
    ),
  );
}

/** EcoWatt: the day's level at its midnight, and each hour's level at that Paris hour (`pas` = local hour). */
export function ecowattLines(days: readonly StoredEcowattDay[]): string[] {
  const lines: string[] = [];
  for (const day of days) {
    lines.push(
      line(
        new Point(MEASUREMENT.ecowattLevel)
          .floatField('level', day.dvalue)
          .timestamp(String(parisMidnightUtc(day.periode).getTime())),
      ),
    );
    for (const [hour, level] of day.values.entries()) {
      // The hour skipped in March has no instant; in October the repeated hour is stamped at its first pass.
      const instant = parisInstantsOfLocalTime(`${day.periode} ${String(hour).padStart(2, '0')}:00:00`)[0];
      if (instant) {
        lines.push(
          line(new Point(MEASUREMENT.ecowattHourly).floatField('level', level).timestamp(String(instant.getTime()))),
        );
      }
    }
  }
  return lines;
}
