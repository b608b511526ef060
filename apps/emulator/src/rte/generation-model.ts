/**
 * Solar and wind generation of France in MW, deterministic, from the emulator weather.
 *
 * Installed capacities follow the real growth roughly (solar ≈ 16 GW in 2022 → 28 GW in 2025; onshore
 * wind ≈ 21 GW in 2023; offshore from 0.5 GW at the end of 2022 to 1.5 GW in 2024). Solar follows the sun's
 * elevation over the centre of France (zero at night) times the day's cloud factor. Wind follows the
 * daily wind index, interpolated in time so that curves stay smooth from one day to the next.
 */
import { dayOfYear } from '@med/core';
import { signedNoise } from './prng.ts';
import { parisClock } from './rte-dates.ts';
import { cloudFactor, windIndex } from './weather.ts';

export const PRODUCTION_TYPES = ['SOLAR', 'WIND_ONSHORE', 'WIND_OFFSHORE'] as const;
export type ProductionType = (typeof PRODUCTION_TYPES)[number];

const LATITUDE = (46.5 * Math.PI) / 180;
const LONGITUDE_DEG = 2.5;
const DAY_MS = 86_400_000;

function yearFraction(instant: Date): number {
  const year = instant.getUTCFullYear();
  return year + (instant.getTime() - Date.UTC(year, 0, 1)) / (365.25 * DAY_MS);
}

export function installedCapacityMw(type: ProductionType, instant: Date): number {
  const t = yearFraction(instant);
  switch (type) {
    case 'SOLAR':
      return Math.max(5_000, 16_000 + 4_200 * (t - 2022));
    case 'WIND_ONSHORE':
      return Math.max(9_000, 17_500 + 1_300 * (t - 2020));
    case 'WIND_OFFSHORE':
      // Saint-Nazaire (Nov 2022), then Saint-Brieuc and Fécamp (2024).
      return t < 2022.85 ? 0 : t < 2024 ? 480 : t < 2024.4 ? 980 : 1_470;
  }
}

/** Sine of the sun's elevation over the centre of France (negative at night). */
export function sunElevationSine(instant: Date): number {
  const doy = dayOfYear(instant.toISOString().slice(0, 10));
  const declination = ((23.44 * Math.PI) / 180) * Math.sin((2 * Math.PI * (284 + doy)) / 365);
  const utcHours = instant.getUTCHours() + instant.getUTCMinutes() / 60 + instant.getUTCSeconds() / 3600;
  const hourAngle = ((utcHours + LONGITUDE_DEG / 15 - 12) * 15 * Math.PI) / 180;
  return Math.sin(LATITUDE) * Math.sin(declination) + Math.cos(LATITUDE) * Math.cos(declination) * Math.cos(hourAngle);
}

/** Wind index at an instant: daily indices interpolated between local noons. */
function windIndexAt(instant: Date): number {
  const date = parisClock(instant).date;
  const noon = new Date(`${date}T11:00:00Z`).getTime(); // about 12:00/13:00 Paris
  const otherDate = parisClock(new Date(instant.getTime() < noon ? noon - DAY_MS : noon + DAY_MS)).date;
  const weight = Math.abs(instant.getTime() - noon) / DAY_MS;
  return (1 - weight) * windIndex(date) + weight * windIndex(otherDate);
}

/** Actual generation (MW, integer) averaged over the slot starting at `slotStart`. */
export function actualGeneration(type: ProductionType, slotStart: Date, stepMinutes: number): number {
  const middle = new Date(slotStart.getTime() + (stepMinutes / 2) * 60_000);
  const capacity = installedCapacityMw(type, middle);
  const date = parisClock(middle).date;
  if (type === 'SOLAR') {
    const sine = sunElevationSine(middle);
    if (sine <= 0) {
      return 0;
    }
    const passingClouds = 1 + 0.08 * signedNoise(`solar:${slotStart.toISOString()}`);
    return Math.round(capacity * 0.78 * sine ** 1.25 * cloudFactor(date) * passingClouds);
  }
  const winter = Math.cos((2 * Math.PI * (dayOfYear(date) - 15)) / 365.25); // 1 mid-January
  const seasonalLoadFactor = type === 'WIND_ONSHORE' ? 0.24 + 0.08 * winter : 0.36 + 0.1 * winter;
  const gustiness = 0.55 * windIndexAt(middle) + 0.03 * signedNoise(`wind:${type}:${slotStart.toISOString()}`);
  const loadFactor = Math.min(0.9, Math.max(0.03, seasonalLoadFactor * Math.exp(gustiness)));
  return Math.round(capacity * loadFactor);
}

export const GENERATION_FORECAST_ERROR = { 'D-1': 0.1, ID: 0.05, CURRENT: 0.02 } as const;
export type GenerationHorizon = keyof typeof GENERATION_FORECAST_ERROR;

/** Forecast = actual with a day-level bias and slot noise scaled to the horizon; never negative. */
export function forecastGeneration(
  type: ProductionType,
  horizon: GenerationHorizon,
  slotStart: Date,
  stepMinutes: number,
): number {
  const actual = actualGeneration(type, slotStart, stepMinutes);
  if (actual === 0) {
    return 0;
  }
  const scale = GENERATION_FORECAST_ERROR[horizon];
  const date = parisClock(slotStart).date;
  const bias = scale * signedNoise(`gen-bias:${type}:${horizon}:${date}`);
  const noise = (scale / 3) * signedNoise(`gen-slot:${type}:${horizon}:${slotStart.toISOString()}`);
  return Math.max(0, Math.round(actual * (1 + bias + noise)));
}
