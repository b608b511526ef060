/**
 * `meter_reading` bodies (reference §A5): integer strings, daily points dated `YYYY-MM-DD`, load-curve
 * points end-stamped in naive Paris time with `interval_length` and `measure_type: "B"`, max-power
 * points dated at the moment of the peak. Only days in `[start, end)` that are published, after
 * activation and not in a hole of the meter are served.
 */
import { addDays, eachDay, formatEnedisEndStamp, isoWeekday, parisToday, parisWallClock } from '@med/core';
import { ERRORS, type EnedisFailure } from '../errors.ts';
import { dailyMaxPower, daySeries, energyWh, type DaySeries } from '../generator/day-series.ts';
import type { MeterDefinition } from '../meters/types.ts';
import type { ResolvedEnedisOptions } from '../options.ts';
import type { MeteringEndpoint } from './endpoints.ts';
import type { ValidRequest } from './validation.ts';

interface IntervalReading {
  value: string;
  date: string;
  interval_length?: string;
  measure_type?: string;
}

/** Latest day with published data: D-1, or D-2 before the publication hour when one is set. */
export function lastPublishedDay(options: ResolvedEnedisOptions): string {
  const now = options.now();
  const today = parisToday(now);
  const beforePublication = options.publicationHour !== null && parisWallClock(now).hour < options.publicationHour;
  return addDays(today, beforePublication ? -2 : -1);
}

/** Days of `[start, end)` for which the meter has data. */
export function servedDays(
  options: ResolvedEnedisOptions,
  meter: MeterDefinition,
  start: string,
  end: string,
): string[] {
  const last = lastPublishedDay(options);
  return eachDay(start, end).filter(
    (day) => day <= last && day >= meter.activationDate && !meter.holesOnWeekdays.includes(isoWeekday(day)),
  );
}

function wattsOf(series: DaySeries, endpoint: MeteringEndpoint): number[] {
  const watts = endpoint.direction === 'consumption' ? series.consumption : series.production;
  return watts ?? [];
}

function readingsOfDay(
  options: ResolvedEnedisOptions,
  endpoint: MeteringEndpoint,
  meter: MeterDefinition,
  day: string,
): IntervalReading[] {
  const series = daySeries(meter, day);
  switch (endpoint.family) {
    case 'daily':
      return [{ value: String(energyWh(wattsOf(series, endpoint), series.stepMinutes)), date: day }];
    case 'maxPower': {
      const peak = dailyMaxPower(meter, series);
      return peak ? [{ value: String(peak.va), date: peak.date }] : [];
    }
    case 'loadCurve': {
      const intervalLength = `PT${series.stepMinutes}M`;
      return wattsOf(series, endpoint).map((watts, i) => ({
        value: String(watts),
        date: formatEnedisEndStamp(series.slotStarts[i] as Date, series.stepMinutes, options.dstStamping),
        interval_length: intervalLength,
        measure_type: 'B',
      }));
    }
  }
}

/** The response body of a validated metering call, or the failure to send instead. */
export function meterReading(
  options: ResolvedEnedisOptions,
  endpoint: MeteringEndpoint,
  request: ValidRequest,
): EnedisFailure | { meter_reading: Record<string, unknown> } {
  const { meter, start, end } = request;
  if (endpoint.family === 'loadCurve' && !meter.loadCurve) {
    return options.loadCurveDisabledError === 'ADAM-ERR0075' ? ERRORS.loadCurveRefused : ERRORS.noData;
  }
  const readings = servedDays(options, meter, start, end).flatMap((day) =>
    readingsOfDay(options, endpoint, meter, day),
  );
  if (readings.length === 0) {
    return ERRORS.noData;
  }
  return {
    meter_reading: {
      usage_point_id: meter.prm,
      start,
      end,
      quality: 'BRUT',
      reading_type: endpoint.readingType,
      interval_reading: readings,
    },
  };
}
