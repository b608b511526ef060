export {
  parseEnedisCsv,
  type EnedisCsvParseResult,
  type ParsedEnedisCsv,
  type ParseEnedisCsvOptions,
} from './parse.ts';
export type { CurveRow, DailyRow, MaxPowerRow } from './rows.ts';
export type { EnedisCsvFormat, EnedisCsvKind, EnergyDirection } from './layout.ts';
export { CURVE_STEPS_MINUTES } from './curve.ts';
export {
  ENEDIS_CSV_FILE_ERRORS,
  ENEDIS_CSV_LINE_ERRORS,
  type EnedisCsvErrorCode,
  type EnedisCsvFileErrorCode,
  type EnedisCsvIssue,
  type EnedisCsvLineErrorCode,
} from './issues.ts';
export {
  importDayRange,
  planCurveImport,
  planDailyImport,
  planMaxPowerImport,
  type ImportPlan,
  type StoredCurveInterval,
} from './plan.ts';
