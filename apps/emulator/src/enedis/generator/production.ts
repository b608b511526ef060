/**
 * Solar production model: clear-sky irradiance on a south-facing panel tilted 35°, from the sun's
 * position at the meter's latitude and longitude (so night, day length and winter/summer amplitude
 * come out of the geometry), times a weather factor drawn per day and cloud noise per slot.
 * Works on UTC instants, so DST days need no special case.
 */
import { dayOfYear } from '@med/core';
import type { MeterDefinition } from '../meters/types.ts';
import { between, seededRandom, type Random } from './prng.ts';

const DEG = Math.PI / 180;
const PANEL_TILT = 35 * DEG;
const SYSTEM_EFFICIENCY = 0.86;

interface DayWeather {
  factor: number;
  /** Spread of the per-slot cloud noise. */
  variability: number;
}

/** Clear days are more frequent in summer; overcast days dominate in winter. */
function drawWeather(date: string, random: Random): DayWeather {
  const summerness = Math.sin((Math.PI * (dayOfYear(date) - 80)) / 365) ** 2;
  const clearProbability = 0.3 + 0.35 * summerness;
  const roll = random();
  if (roll < clearProbability) {
    return { factor: between(random, 0.85, 1), variability: 0.05 };
  }
  if (roll < clearProbability + 0.35) {
    return { factor: between(random, 0.45, 0.8), variability: 0.45 };
  }
  return { factor: between(random, 0.08, 0.3), variability: 0.2 };
}

/** Minutes of the equation of time (sundial ahead of clock when positive). */
function equationOfTime(doy: number): number {
  const b = (2 * Math.PI * (doy - 81)) / 364;
  return 9.87 * Math.sin(2 * b) - 7.53 * Math.cos(b) - 1.5 * Math.sin(b);
}

/** Average production in W for each slot starting at `slotStarts` of the Paris day `date`. */
export function productionWatts(
  meter: MeterDefinition,
  date: string,
  slotStarts: readonly Date[],
  stepMinutes: number,
): number[] {
  const random = seededRandom(meter.prm, date, 'production');
  const weather = drawWeather(date, random);
  const doy = dayOfYear(date);
  const latitude = meter.address.latitude * DEG;
  const declination = 23.44 * DEG * Math.sin((2 * Math.PI * (284 + doy)) / 365);
  const solarNoonUtc = 12 - meter.address.longitude / 15 - equationOfTime(doy) / 60;
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const peakW = meter.peakKw * 1000;
  const ceiling = 0.95 * Math.min(peakW, meter.subscribedKva * 1000);

  return slotStarts.map((start) => {
    const middleUtcHours = (start.getTime() + (stepMinutes * 60_000) / 2 - utcMidnight) / 3_600_000;
    const hourAngle = 15 * DEG * (middleUtcHours - solarNoonUtc);
    const sinElevation =
      Math.sin(latitude) * Math.sin(declination) + Math.cos(latitude) * Math.cos(declination) * Math.cos(hourAngle);
    // Draw the cloud noise for every slot, day or night, so one slot's value never shifts another's.
    const cloud = Math.max(0.1, 1 + weather.variability * (2 * random() - 1));
    if (sinElevation <= 0.02) {
      return 0;
    }
    const airMass = Math.min(38, 1 / sinElevation);
    const directNormal = 1353 * 0.7 ** (airMass ** 0.678);
    const cosIncidence =
      Math.sin(declination) * Math.sin(latitude - PANEL_TILT) +
      Math.cos(declination) * Math.cos(latitude - PANEL_TILT) * Math.cos(hourAngle);
    const planeIrradiance =
      directNormal * Math.max(0, cosIncidence) + 0.1 * directNormal * ((1 + Math.cos(PANEL_TILT)) / 2);
    return Math.min(ceiling, (peakW * planeIrradiance * SYSTEM_EFFICIENCY * weather.factor * cloud) / 1000);
  });
}
