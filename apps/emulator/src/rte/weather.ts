/**
 * A small synthetic French weather: daily temperature (°C), a wind index and a cloud factor.
 *
 * One weather drives every RTE dataset of the emulator, so they tell the same story: a cold spell
 * raises national consumption, turns Tempo days white and red, and may put EcoWatt in orange. A Tempo
 * forecast computed from the emulated consumption therefore roughly agrees with the emulated calendar.
 *
 * Anomalies are AR(1) series over each Tempo season (seeded by the season label), which gives
 * realistic multi-day cold spells and windy weeks instead of independent daily noise.
 */
import { dayOfYear, dayInSeason, isoWeekday, seasonDates, seasonOf } from '@med/core';
import { gaussian, randomFor } from './prng.ts';

interface SeasonWeather {
  temperatureAnomaly: number[];
  windIndex: number[];
}

const cache = new Map<string, SeasonWeather>();

/** Climatological daily mean for France: about 4.4 °C around 22 January, 21 °C around 23 July. */
export function normalTemperature(date: string): number {
  return 12.7 - 8.3 * Math.cos((2 * Math.PI * (dayOfYear(date) - 22)) / 365.25);
}

function seasonWeather(season: string): SeasonWeather {
  const cached = cache.get(season);
  if (cached) {
    return cached;
  }
  const random = randomFor(`weather:${season}`);
  const temperatureAnomaly: number[] = [];
  const windIndex: number[] = [];
  let temperature = 0;
  let wind = 0;
  for (const date of seasonDates(season)) {
    const month = Number(date.slice(5, 7));
    // Winter anomalies are wider: that is when cold spells matter.
    const spread = month === 12 || month <= 2 ? 3.4 : 2.4;
    temperature = 0.82 * temperature + Math.sqrt(1 - 0.82 ** 2) * spread * gaussian(random);
    wind = 0.65 * wind + Math.sqrt(1 - 0.65 ** 2) * gaussian(random);
    temperatureAnomaly.push(temperature);
    windIndex.push(wind);
  }
  const weather = { temperatureAnomaly, windIndex };
  cache.set(season, weather);
  return weather;
}

interface DayWeather {
  normal: number;
  anomaly: number;
  wind: number;
  cloud: number;
}

const days = new Map<string, DayWeather>();

/** Weather of one day, memoised: curves ask for it once per slot. */
function dayWeather(date: string): DayWeather {
  let weather = days.get(date);
  if (weather) {
    return weather;
  }
  const season = seasonWeather(seasonOf(date));
  const index = dayInSeason(date) - 1;
  const summer = Math.cos((2 * Math.PI * (dayOfYear(date) - 196)) / 365.25); // 1 mid-July, -1 mid-January
  const cloud = 0.62 + 0.15 * summer + 0.22 * gaussian(randomFor(`cloud:${date}`));
  weather = {
    normal: normalTemperature(date),
    anomaly: season.temperatureAnomaly[index] ?? 0,
    wind: season.windIndex[index] ?? 0,
    cloud: Math.min(1, Math.max(0.15, cloud)),
  };
  if (days.size > 50_000) {
    days.clear();
  }
  days.set(date, weather);
  return weather;
}

/** Departure from the normal temperature on a date, °C. */
export function temperatureAnomaly(date: string): number {
  return dayWeather(date).anomaly;
}

/** Daily mean temperature, °C. */
export function dailyTemperature(date: string): number {
  const { normal, anomaly } = dayWeather(date);
  return normal + anomaly;
}

/** Standardised wind index of a day (mean 0, standard deviation about 1). */
export function windIndex(date: string): number {
  return dayWeather(date).wind;
}

/** Share of clear-sky solar output reaching the ground on a day, 0.15–1 (winter is cloudier). */
export function cloudFactor(date: string): number {
  return dayWeather(date).cloud;
}

/** Working day, Saturday or Sunday: consumption and Tempo both care. */
export function dayKind(date: string): 'weekday' | 'saturday' | 'sunday' {
  const weekday = isoWeekday(date);
  return weekday === 7 ? 'sunday' : weekday === 6 ? 'saturday' : 'weekday';
}
