/**
 * Season counters and RTE's colour thresholds (upstream-reference §2.5, RTE "Méthode de choix des
 * jours Tempo", 2016):
 *
 *   Seuil_BR = 4    − 0.015 · JourTempo − 0.026 · StockRestant(Blanc + Rouge)
 *   Seuil_R  = 3.15 − 0.010 · JourTempo − 0.031 · StockRestant(Rouge)
 *
 * A day goes red when the normalised net consumption exceeds Seuil_R (and red is allowed), white when
 * it exceeds Seuil_BR (and white is allowed), blue otherwise. As the season advances and as stock
 * remains, thresholds fall, so leftover days get used.
 */
import { TEMPO_COLOURS, type TempoCalendar, type TempoColour, type TempoDay } from './colours.ts';
import { dayInSeason, seasonBounds, seasonOf, seasonQuotas } from './season.ts';

export interface TempoThresholds {
  /** Seuil_BR: above it the day is at least white. */
  white_red: number;
  /** Seuil_R: above it the day is red (where red is allowed). */
  red: number;
}

/** RTE's threshold coefficients (A − B·JourTempo − C·Stock). */
export const TEMPO_THRESHOLD_COEFFICIENTS = {
  whiteRed: { a: 4, b: 0.015, c: 0.026 },
  red: { a: 3.15, b: 0.01, c: 0.031 },
} as const;

/**
 * @param jourTempo day number in the season of the day being decided (1 = 1 September)
 * @param whiteRemaining white days left before that day is decided
 * @param redRemaining red days left before that day is decided
 */
export function tempoThresholds(jourTempo: number, whiteRemaining: number, redRemaining: number): TempoThresholds {
  const { whiteRed, red } = TEMPO_THRESHOLD_COEFFICIENTS;
  return {
    white_red: whiteRed.a - whiteRed.b * jourTempo - whiteRed.c * (whiteRemaining + redRemaining),
    red: red.a - red.b * jourTempo - red.c * redRemaining,
  };
}

/** Mean and scale that turn a net consumption in MW into RTE's dimensionless index. */
export interface NetConsumptionNormalisation {
  meanMw: number;
  scaleMw: number;
}

/**
 * Re-calibration used by MyElectricalData since 2026 ((net − 55 000) / 8 000): national consumption
 * has grown since RTE calibrated its method, and the 2016 constants put almost every winter day above
 * the red threshold.
 */
export const MED_NORMALISATION: NetConsumptionNormalisation = { meanMw: 55_000, scaleMw: 8_000 };
/** RTE's original 2016 calibration ((net − 46 050) / 2 160), kept for comparison. */
export const RTE_2016_NORMALISATION: NetConsumptionNormalisation = { meanMw: 46_050, scaleMw: 2_160 };

/**
 * Normalised net consumption, the value compared with the thresholds. Net consumption is national
 * consumption minus solar and wind generation, averaged over the 06:00→06:00 Tempo day, in MW.
 * @example normaliseNetConsumption(63_000) === 1 // (63 000 − 55 000) / 8 000
 */
export function normaliseNetConsumption(
  netMw: number,
  calibration: NetConsumptionNormalisation = MED_NORMALISATION,
): number {
  return (netMw - calibration.meanMw) / calibration.scaleMw;
}

export interface TempoSeasonStats {
  season: string;
  /** JourTempo of `today`. */
  day_in_season: number;
  days_in_season: number;
  blue_used: number;
  blue_remaining: number;
  white_used: number;
  white_remaining: number;
  red_used: number;
  red_remaining: number;
  /** RTE thresholds for `today` with the remaining stock above. */
  thresholds: TempoThresholds;
}

/**
 * Used and remaining days per colour, counting **every stored day of the season** (a published day,
 * including a published tomorrow, has consumed its stock), and RTE's thresholds for `today`.
 *
 * To get the thresholds RTE applies when deciding a day, pass that day as `today` and only the days
 * published before it (which is what a store holds before the decision).
 */
export function seasonStats(season: string, days: Iterable<TempoDay> | TempoCalendar, today: string): TempoSeasonStats {
  if (seasonOf(today) !== season) {
    throw new RangeError(`${today} is not in season ${season}`);
  }
  const used: Record<TempoColour, number> = { BLUE: 0, WHITE: 0, RED: 0 };
  const entries: Iterable<[string, TempoColour]> =
    days instanceof Map ? days.entries() : [...(days as Iterable<TempoDay>)].map((d) => [d.date, d.colour]);
  const seen = new Set<string>();
  for (const [date, colour] of entries) {
    if (seen.has(date) || seasonOf(date) !== season) {
      continue;
    }
    seen.add(date);
    used[colour] += 1;
  }
  const quotas = seasonQuotas(season);
  const remaining = Object.fromEntries(
    TEMPO_COLOURS.map((colour) => [colour, Math.max(0, quotas[colour] - used[colour])]),
  ) as Record<TempoColour, number>;
  const jourTempo = dayInSeason(today);
  return {
    season,
    day_in_season: jourTempo,
    days_in_season: seasonBounds(season).dayCount,
    blue_used: used.BLUE,
    blue_remaining: remaining.BLUE,
    white_used: used.WHITE,
    white_remaining: remaining.WHITE,
    red_used: used.RED,
    red_remaining: remaining.RED,
    thresholds: tempoThresholds(jourTempo, remaining.WHITE, remaining.RED),
  };
}
