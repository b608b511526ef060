/** Tempo domain rules: colours, seasons and quotas, placement rules, 06:00 tariff days, RTE thresholds. */
export {
  TEMPO_COLOURS,
  isTempoColour,
  toTempoCalendar,
  type TempoCalendar,
  type TempoColour,
  type TempoDay,
} from './colours.ts';
export {
  TEMPO_BLUE_QUOTA,
  TEMPO_RED_QUOTA,
  TEMPO_WHITE_QUOTA,
  dayInSeason,
  isSeasonLabel,
  seasonBounds,
  seasonDates,
  seasonDay,
  seasonOf,
  seasonQuotas,
  seasonStartYear,
  shiftSeason,
  type SeasonBounds,
} from './season.ts';
export {
  TEMPO_MAX_CONSECUTIVE_RED,
  isColourAllowed,
  isInRedWindow,
  isRedAdvisable,
  isRedAllowed,
  isWhiteAllowed,
} from './rules.ts';
export {
  validateSeason,
  type SeasonValidation,
  type TempoRuleCode,
  type TempoViolation,
  type ValidateSeasonOptions,
} from './validate-season.ts';
export { TEMPO_DAY_START_HOUR, colourAt, tempoDayBounds, tempoTariffDate } from './tariff-day.ts';
export {
  MED_NORMALISATION,
  RTE_2016_NORMALISATION,
  TEMPO_THRESHOLD_COEFFICIENTS,
  normaliseNetConsumption,
  seasonStats,
  tempoThresholds,
  type NetConsumptionNormalisation,
  type TempoSeasonStats,
  type TempoThresholds,
} from './season-stats.ts';
