/**
 * Parses a CSV file a household downloaded from its Enedis customer area (or built with the Conso
 * Downloader) into rows in the project's own semantics: curve intervals by their UTC start with mean
 * power in W, daily energy in Wh by Paris date, daily max power in VA with the instant of the peak.
 * Pure and deterministic: the same bytes always give the same rows, sorted and de-duplicated, so
 * importing a file twice, or overlapping files, adds nothing the second time.
 *
 * A problem with the file as a whole (not a CSV export, unknown measure, another meter) is returned as
 * `{ ok: false, error }`; a problem with one line leaves that line out and is listed in `issues` with
 * its line number, so a caller can refuse the file or keep the good lines.
 */
import { readCurve } from './curve.ts';
import { readDaily, readMaxPower } from './daily.ts';
import { decodeCsvBytes, stripBom, type TextEncodingName } from './decode.ts';
import { issue, type EnedisCsvIssue } from './issues.ts';
import { detectLayout, type EnedisCsvFormat, type EnergyDirection, type FileLayout } from './layout.ts';
import type { CurveRow, DailyRow, MaxPowerRow } from './rows.ts';
import { detectSeparator, readCsvLines, UnclosedQuoteError, type CsvLine, type CsvSeparator } from './table.ts';

export interface ParseEnedisCsvOptions {
  /** Name of the uploaded file (the Conso Downloader puts the meter and the direction in it). */
  fileName?: string | undefined;
  /** The meter the file is imported for: a file naming another meter is refused. */
  usagePointId?: string | undefined;
}

interface ParsedCommon {
  ok: true;
  format: EnedisCsvFormat;
  /** `null` when the input was already text. */
  encoding: TextEncodingName | null;
  separator: CsvSeparator;
  direction: EnergyDirection;
  /** The meter named by the file, when it names one. */
  usagePointId: string | null;
  /** Data lines read (blank lines aside), whether kept or not. */
  dataLines: number;
  /** Lines repeating an interval or day with the same value (dropped, nothing to report). */
  duplicates: number;
  /** Lines left out, in line order. */
  issues: EnedisCsvIssue[];
}

export type ParsedEnedisCsv = ParsedCommon &
  (
    | { kind: 'load_curve'; stepMinutes: number; rows: CurveRow[] }
    | { kind: 'daily'; rows: DailyRow[] }
    | { kind: 'max_power'; rows: MaxPowerRow[] }
  );

export type EnedisCsvParseResult = ParsedEnedisCsv | { ok: false; error: EnedisCsvIssue };

function fail(error: EnedisCsvIssue): EnedisCsvParseResult {
  return { ok: false, error };
}

function readLines(text: string, separator: CsvSeparator): CsvLine[] | EnedisCsvIssue {
  try {
    return readCsvLines(text, separator);
  } catch (error) {
    if (error instanceof UnclosedQuoteError) {
      return issue('CSV_UNKNOWN_FORMAT', error.line, `the file cannot be read as CSV: ${error.message}`);
    }
    throw error;
  }
}

/** Keeps the lines of the file's own meter; a flat export line naming another one is reported. */
function keepOwnMeter(layout: FileLayout, issues: EnedisCsvIssue[]): FileLayout {
  if (layout.usagePointId === null) {
    return layout;
  }
  const points = layout.points.filter((point) => {
    if (point.usagePointId === undefined || point.usagePointId === layout.usagePointId) {
      return true;
    }
    issues.push(
      issue(
        'CSV_OTHER_METER',
        point.line,
        `this line is for meter ${point.usagePointId}, the file for ${layout.usagePointId}`,
        point.usagePointId,
      ),
    );
    return false;
  });
  return { ...layout, points };
}

function byLine(a: EnedisCsvIssue, b: EnedisCsvIssue): number {
  return (a.line ?? 0) - (b.line ?? 0);
}

export function parseEnedisCsv(input: Uint8Array | string, options: ParseEnedisCsvOptions = {}): EnedisCsvParseResult {
  let text: string;
  let encoding: TextEncodingName | null = null;
  if (typeof input === 'string') {
    text = stripBom(input);
  } else {
    const decoded = decodeCsvBytes(input);
    if ('code' in decoded) {
      return fail(decoded);
    }
    ({ text, encoding } = decoded);
  }
  if (text.trim() === '') {
    return fail(issue('CSV_EMPTY_FILE', null, 'the file is empty'));
  }
  const separator = detectSeparator(text);
  const lines = readLines(text, separator);
  if (!Array.isArray(lines)) {
    return fail(lines);
  }
  const detected = detectLayout(lines, { fileName: options.fileName });
  if ('code' in detected) {
    return fail(detected);
  }
  const expected = options.usagePointId;
  if (expected !== undefined && detected.usagePointId !== null && detected.usagePointId !== expected) {
    return fail(
      issue(
        'CSV_METER_MISMATCH',
        detected.metadataLine ?? detected.points[0]?.line ?? null,
        `this file is for meter ${detected.usagePointId}, not ${expected}`,
        detected.usagePointId,
      ),
    );
  }
  const meterIssues: EnedisCsvIssue[] = [];
  const layout = keepOwnMeter(detected, meterIssues);
  const common = {
    ok: true as const,
    format: layout.format,
    encoding,
    separator,
    direction: layout.direction,
    usagePointId: layout.usagePointId ?? expected ?? null,
    dataLines: detected.points.length,
  };
  switch (layout.kind) {
    case 'load_curve': {
      const curve = readCurve(layout);
      if ('code' in curve) {
        return fail(curve);
      }
      const issues = [...meterIssues, ...curve.issues].sort(byLine);
      return {
        ...common,
        kind: 'load_curve',
        stepMinutes: curve.stepMinutes,
        rows: curve.rows,
        duplicates: curve.duplicates,
        issues,
      };
    }
    case 'daily': {
      const daily = readDaily(layout);
      const issues = [...meterIssues, ...daily.issues].sort(byLine);
      return { ...common, kind: 'daily', rows: daily.rows, duplicates: daily.duplicates, issues };
    }
    case 'max_power': {
      const max = readMaxPower(layout);
      const issues = [...meterIssues, ...max.issues].sort(byLine);
      return { ...common, kind: 'max_power', rows: max.rows, duplicates: max.duplicates, issues };
    }
  }
}
