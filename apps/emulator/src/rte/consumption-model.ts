/**
 * French national consumption in MW, as a deterministic function of time and the emulator weather.
 *
 * Orders of magnitude (RTE eco2mix): about 45 GW on a mild working day, 65–75 GW on a cold January day,
 * 30 GW on a summer night. Heating adds about 2.4 GW per °C below 15 °C; air conditioning about
 * 0.5 GW per °C above 22 °C. The intraday shape has a night trough around 04:00, a morning plateau, a
 * winter evening peak at 19:00 and the 23:00 step of water heaters switched on by off-peak signals.
 */
import { signedNoise } from './prng.ts';
import { parisClock } from './rte-dates.ts';
import { dailyTemperature, dayKind } from './weather.ts';

/** Hourly shape factors (00 h … 23 h) of a working day, winter and summer. */
const WINTER_SHAPE = [
  0.94, 0.9, 0.87, 0.85, 0.85, 0.88, 0.96, 1.04, 1.08, 1.08, 1.07, 1.06, 1.06, 1.03, 1.0, 0.99, 1.0, 1.05, 1.12, 1.13,
  1.08, 1.03, 1.0, 1.0,
];
const SUMMER_SHAPE = [
  0.9, 0.86, 0.83, 0.81, 0.8, 0.82, 0.88, 0.96, 1.03, 1.07, 1.09, 1.1, 1.1, 1.09, 1.07, 1.05, 1.03, 1.02, 1.02, 1.01,
  0.99, 0.98, 0.98, 0.95,
];

function shapeAt(shape: readonly number[], hour: number, minute: number): number {
  const here = shape[hour] ?? 1;
  const next = shape[(hour + 1) % 24] ?? 1;
  return here + ((next - here) * minute) / 60;
}

/** Daily mean national consumption of a date (MW), from temperature and day kind. */
export function dailyMeanConsumption(date: string): number {
  const temperature = dailyTemperature(date);
  const heating = Math.max(0, 15 - temperature) * 2400;
  const cooling = Math.max(0, temperature - 22) * 500;
  const kind = dayKind(date);
  const dayFactor = kind === 'sunday' ? 0.86 : kind === 'saturday' ? 0.91 : 1;
  return (41_000 + heating + cooling) * dayFactor;
}

/** Realised consumption (MW, integer) averaged over the slot starting at `slotStart`. */
export function realisedConsumption(slotStart: Date, stepMinutes: number): number {
  const middle = new Date(slotStart.getTime() + (stepMinutes / 2) * 60_000);
  const { date, hour, minute } = parisClock(middle);
  const winterWeight = Math.min(1, Math.max(0, (18 - dailyTemperature(date)) / 14));
  const shape =
    winterWeight * shapeAt(WINTER_SHAPE, hour, minute) + (1 - winterWeight) * shapeAt(SUMMER_SHAPE, hour, minute);
  // Weekends lose the working-day morning plateau more than the night.
  const weekendFlattening = dayKind(date) === 'weekday' ? 1 : 0.6;
  const flattened = 1 + (shape - 1) * weekendFlattening;
  const noise = 1 + 0.004 * signedNoise(`consumption:${slotStart.toISOString()}`);
  return Math.round(dailyMeanConsumption(date) * flattened * noise);
}

/** Forecast error scale of each forecast horizon (share of the value). */
export const FORECAST_ERROR = { ID: 0.008, 'D-1': 0.018, 'D-2': 0.028, WEEKLY: 0.04 } as const;
export type ForecastHorizon = keyof typeof FORECAST_ERROR;

/**
 * A forecast of the slot: realised value with a day-level bias (forecasts miss whole days, not single
 * slots) plus a little slot noise, both deterministic.
 */
export function forecastConsumption(slotStart: Date, stepMinutes: number, horizon: ForecastHorizon): number {
  const { date } = parisClock(slotStart);
  const scale = FORECAST_ERROR[horizon];
  const dayBias = scale * signedNoise(`bias:${horizon}:${date}`);
  const slotNoise = (scale / 4) * signedNoise(`slot:${horizon}:${slotStart.toISOString()}`);
  return Math.round(realisedConsumption(slotStart, stepMinutes) * (1 + dayBias + slotNoise));
}
