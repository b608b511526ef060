/**
 * What can be wrong with an Enedis CSV file. Every problem carries a stable code (the web app and the
 * API translate and document them by code), the 1-based line of the file it was found on (null for the
 * file as a whole) and an English message for logs.
 */

/** Problems that make the whole file unusable: nothing is imported. */
export const ENEDIS_CSV_FILE_ERRORS = [
  /** The file has no text at all (or only blank lines). */
  'CSV_EMPTY_FILE',
  /** Binary content, e.g. the weekly Excel files of the customer area (`.xlsx`), not a CSV export. */
  'CSV_NOT_TEXT',
  /** The header matches none of the supported exports. */
  'CSV_UNKNOWN_FORMAT',
  /** A column the format needs is absent. */
  'CSV_MISSING_COLUMN',
  /** The unit or the measure of the export is not one we store (W, Wh, VA and their k- multiples). */
  'CSV_UNKNOWN_UNIT',
  /** The file belongs to another meter than the one it is imported for. */
  'CSV_METER_MISMATCH',
] as const;

/** Problems of one data line: that line is left out, the others are kept. */
export const ENEDIS_CSV_LINE_ERRORS = [
  /** The time stamp cannot be read as a date-time (or a date for daily values). */
  'CSV_BAD_TIMESTAMP',
  /** A naive local time that does not exist in Paris (the skipped 02:00–03:00 hour in March). */
  'CSV_NONEXISTENT_LOCAL_TIME',
  /** The value is not a non-negative number. */
  'CSV_BAD_VALUE',
  /** The value is blank or `null`: the measure is missing, it is not a zero. */
  'CSV_MISSING_VALUE',
  /** The interval length of the line is not a supported step (5, 10, 15, 20, 30 or 60 minutes). */
  'CSV_BAD_STEP',
  /** The time stamp does not fall on the step grid of the file (e.g. 10:17 in a 30-minute curve). */
  'CSV_STEP_MISALIGNED',
  /** The same interval or day appears again with another value; the first one is kept. */
  'CSV_CONFLICTING_DUPLICATE',
  /** A line of a multi-column export names another meter than the file's first line. */
  'CSV_OTHER_METER',
] as const;

export type EnedisCsvFileErrorCode = (typeof ENEDIS_CSV_FILE_ERRORS)[number];
export type EnedisCsvLineErrorCode = (typeof ENEDIS_CSV_LINE_ERRORS)[number];
export type EnedisCsvErrorCode = EnedisCsvFileErrorCode | EnedisCsvLineErrorCode;

export interface EnedisCsvIssue<Code extends EnedisCsvErrorCode = EnedisCsvErrorCode> {
  code: Code;
  /** 1-based line of the file; null when the problem is the file as a whole. */
  line: number | null;
  message: string;
  /** The offending text (cut to 40 characters), when there is one. */
  value?: string;
}

const MAX_VALUE_LENGTH = 40;

export function issue<Code extends EnedisCsvErrorCode>(
  code: Code,
  line: number | null,
  message: string,
  value?: string,
): EnedisCsvIssue<Code> {
  return value === undefined
    ? { code, line, message }
    : { code, line, message, value: value.slice(0, MAX_VALUE_LENGTH) };
}
