import {
  addDays,
  eachDay,
  isRedAdvisable,
  isWhiteAllowed,
  MED_NORMALISATION,
  normaliseNetConsumption,
  seasonBounds,
  seasonOf,
  seasonStartYear,
  seasonStats,
  tempoDayBounds,
  type TempoCalendar,
  type TempoColour,
} from '@med/core';
import type { TempoForecastDay } from '@med/contracts';

/**
 * Tempo colour forecast for the next days (upstream-reference §2.5), from stored data only:
 *
 * 1. Net consumption of a day = national consumption − solar − wind, time-weighted mean over its
 *    06:00→06:00 tariff day. Sources are merged per 15-minute cell by freshness: consumption
 *    ID > D-1 > D-2 > WEEKLY, generation ID > D-1 > CURRENT. Below 50 % coverage a source is "missing".
 *    Generation is only forecast up to tomorrow: later days use the mean of the last 7 days of stored
 *    generation (persistence), reported as `generation_source: recent_average`.
 * 2. Normalised with MyElectricalData's calibration (net − 55 000) / 8 000 (`normaliseNetConsumption`).
 * 3. RTE's thresholds for that day from `seasonStats`, counting stored days and the most likely colour
 *    of the forecast days before it (the stock they would consume).
 * 4. Probabilities with a logistic curve of scale s = 0.2 index units (`SIGMOID_SCALE`), which is about a
 *    quarter of the day-to-day spread of the index in winter:
 *      P(red)   = σ((x − Seuil_R) / s)                      if red is allowed, else 0
 *      P(white) = (1 − P(red)) · σ((x − Seuil_BR) / s)      if white is allowed, else 0
 *      P(blue)  = 1 − P(red) − P(white)
 *    Calendar rules: red only Monday–Friday from 1 November to 31 March and not on public holidays, white
 *    never on Sunday; a colour whose stock is exhausted gets 0; red is certain (P = 1) when the red days
 *    left are at least the red-eligible days left in the season (stock pressure).
 *    Without consumption data the day falls back to the stock prior: P(red) = red left / red-eligible days
 *    left, P(white) = (1 − P(red)) · white left / white-eligible days left (`forecast_type: no_data`).
 * 5. A day RTE already published is reported as such with probability 1.
 */
export const SIGMOID_SCALE = 0.2;
export const CONSUMPTION_PRIORITY = ['ID', 'D-1', 'D-2', 'WEEKLY'] as const;
export const GENERATION_PRIORITY = ['ID', 'D-1', 'CURRENT'] as const;
const CELL_MS = 15 * 60_000;
const MIN_COVERAGE = 0.5;

/** A value over `[start, end)` (epoch ms) from a named source (forecast type). */
export interface SourcedSlot {
  start: number;
  end: number;
  value: number;
  source: string;
}

export interface WindowMean {
  mean: number;
  coverage: number;
  sources: string[];
}

/**
 * Time-weighted mean over `[from, to)` on a 15-minute grid, each cell taking the value of the best-ranked
 * source covering it. `null` when less than half of the window is covered.
 */
export function windowMean(
  slots: readonly SourcedSlot[],
  from: number,
  to: number,
  priority: readonly string[],
): WindowMean | null {
  const cells = Math.ceil((to - from) / CELL_MS);
  const values = new Array<number>(cells).fill(0);
  const ranks = new Array<number>(cells).fill(Number.POSITIVE_INFINITY);
  const sources = new Array<string>(cells).fill('');
  for (const slot of slots) {
    const rank = priority.indexOf(slot.source);
    if (rank < 0 || slot.end <= from || slot.start >= to) {
      continue;
    }
    const first = Math.max(0, Math.floor((slot.start - from) / CELL_MS));
    const last = Math.min(cells, Math.ceil((slot.end - from) / CELL_MS));
    for (let cell = first; cell < last; cell += 1) {
      if (rank < (ranks[cell] ?? Number.POSITIVE_INFINITY)) {
        ranks[cell] = rank;
        values[cell] = slot.value;
        sources[cell] = slot.source;
      }
    }
  }
  let sum = 0;
  let covered = 0;
  const used = new Set<string>();
  for (let cell = 0; cell < cells; cell += 1) {
    if (ranks[cell] === Number.POSITIVE_INFINITY) {
      continue;
    }
    sum += values[cell] ?? 0;
    covered += 1;
    used.add(sources[cell] ?? '');
  }
  const coverage = cells === 0 ? 0 : covered / cells;
  if (coverage < MIN_COVERAGE) {
    return null;
  }
  return { mean: sum / covered, coverage, sources: priority.filter((source) => used.has(source)) };
}

export interface TempoForecastInput {
  /** Paris date of "today"; forecasts start tomorrow. */
  today: string;
  days: number;
  /** Stored colours (today's season at least, and any published day ahead). */
  stored: TempoCalendar;
  consumption: readonly SourcedSlot[];
  solar: readonly SourcedSlot[];
  wind: readonly SourcedSlot[];
  /** Mean MW of the last 7 days of stored generation, for days beyond the generation forecasts. */
  recentSolarMw: number | null;
  recentWindMw: number | null;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x / SIGMOID_SCALE));
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round1 = (x: number) => Math.round(x * 10) / 10;
/** The reference publishes percentages; the model works in fractions rounded to 0.001, so this is exact. */
const asPercent = (fraction: number) => round1(fraction * 100);
const confidenceLevel = (fraction: number): 'high' | 'medium' | 'low' =>
  fraction >= 0.7 ? 'high' : fraction >= 0.5 ? 'medium' : 'low';

/** Red-eligible days (Monday–Friday, not a public holiday, in the red window) from `date` to 31 March of its season. */
export function redEligibleDaysLeft(date: string): number {
  const redWindowEnd = `${seasonStartYear(seasonOf(date)) + 1}-03-31`;
  return date > redWindowEnd ? 0 : eachDay(date, addDays(redWindowEnd, 1)).filter(isRedAdvisable).length;
}

/** White-eligible days (not Sunday) from `date` to the end of its season. */
export function whiteEligibleDaysLeft(date: string): number {
  return eachDay(date, addDays(seasonBounds(seasonOf(date)).lastDay, 1)).filter(isWhiteAllowed).length;
}

export function forecastTempo(input: TempoForecastInput): TempoForecastDay[] {
  const working = new Map(input.stored);
  const forecasts: TempoForecastDay[] = [];
  for (let offset = 1; offset <= input.days; offset += 1) {
    const date = addDays(input.today, offset);
    const before = new Map([...working].filter(([day]) => day < date));
    const stats = seasonStats(seasonOf(date), before, date);
    const { start, end } = tempoDayBounds(date);
    const from = start.getTime();
    const to = end.getTime();

    const consumption = windowMean(input.consumption, from, to, CONSUMPTION_PRIORITY);
    const solar = windowMean(input.solar, from, to, GENERATION_PRIORITY);
    const wind = windowMean(input.wind, from, to, GENERATION_PRIORITY);
    const solarMw = solar?.mean ?? input.recentSolarMw;
    const windMw = wind?.mean ?? input.recentWindMw;
    const generationSource =
      solar && wind ? 'forecast' : solarMw !== null || windMw !== null ? 'recent_average' : 'none';
    const net = consumption ? consumption.mean - (solarMw ?? 0) - (windMw ?? 0) : null;
    const normalized = net === null ? null : normaliseNetConsumption(net);

    const redAllowed = isRedAdvisable(date) && stats.red_remaining > 0;
    const whiteAllowed = isWhiteAllowed(date) && stats.white_remaining > 0;
    const redDaysLeft = redEligibleDaysLeft(date);
    const redForced = redAllowed && stats.red_remaining >= redDaysLeft;

    let red: number;
    let white: number;
    if (normalized === null) {
      red = redAllowed ? Math.min(1, stats.red_remaining / Math.max(1, redDaysLeft)) : 0;
      white = whiteAllowed
        ? (1 - red) * Math.min(1, stats.white_remaining / Math.max(1, whiteEligibleDaysLeft(date)))
        : 0;
    } else {
      red = redAllowed ? (redForced ? 1 : sigmoid(normalized - stats.thresholds.red)) : 0;
      white = whiteAllowed ? (1 - red) * sigmoid(normalized - stats.thresholds.white_red) : 0;
    }
    const published = input.stored.get(date);
    if (published) {
      red = published === 'RED' ? 1 : 0;
      white = published === 'WHITE' ? 1 : 0;
    }
    const probabilities: Record<TempoColour, number> = { BLUE: 0, WHITE: round3(white), RED: round3(red) };
    probabilities.BLUE = round3(1 - probabilities.WHITE - probabilities.RED);
    // Ties go to the cheaper colour: announcing red on a coin toss would cost users more than the reverse.
    const mostLikely = (['BLUE', 'WHITE', 'RED'] as const).reduce((best, colour) =>
      probabilities[colour] > probabilities[best] ? colour : best,
    );
    working.set(date, mostLikely);

    forecasts.push({
      date,
      day_in_season: stats.day_in_season,
      probability_blue: asPercent(probabilities.BLUE),
      probability_white: asPercent(probabilities.WHITE),
      probability_red: asPercent(probabilities.RED),
      most_likely: mostLikely,
      confidence: confidenceLevel(probabilities[mostLikely]),
      confidence_score: probabilities[mostLikely],
      threshold_white_red: round3(stats.thresholds.white_red),
      threshold_red: round3(stats.thresholds.red),
      normalized_consumption: normalized === null ? null : round3(normalized),
      forecast_type: published ? 'published' : normalized === null ? 'no_data' : 'forecast',
      factors: {
        consumption_mw: consumption ? round1(consumption.mean) : null,
        consumption_source: consumption ? consumption.sources.join('+') : null,
        solar_mw: solarMw === null ? null : round1(solarMw),
        wind_mw: windMw === null ? null : round1(windMw),
        generation_source: generationSource,
        net_consumption_mw: net === null ? null : round1(net),
        white_remaining: stats.white_remaining,
        red_remaining: stats.red_remaining,
        white_allowed: whiteAllowed,
        red_allowed: redAllowed,
        red_forced_by_stock: redForced,
      },
    });
  }
  return forecasts;
}

export const ALGORITHM_INFO = {
  thresholds:
    'RTE 2016: Seuil_BR = 4 − 0.015·JourTempo − 0.026·(blancs + rouges restants); Seuil_R = 3.15 − 0.01·JourTempo − 0.031·rouges restants',
  normalisation: { mean_mw: MED_NORMALISATION.meanMw, scale_mw: MED_NORMALISATION.scaleMw },
  sigmoid_scale: SIGMOID_SCALE,
  description:
    'Consommation nette (consommation nationale − solaire − éolien) moyenne sur le jour tarifaire 06:00→06:00, normalisée, comparée aux seuils RTE avec une sigmoïde ; règles de calendrier (pas de rouge le week-end, les jours fériés ni hors novembre–mars, pas de blanc le dimanche) et de stock.',
};
