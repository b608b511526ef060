/**
 * Local history import (client mode): an Enedis CSV export the household downloaded is parsed by
 * `@med/core` (formats, DST, units, line errors), compared with the store, and its missing rows are
 * inserted in one transaction — all of the file's new rows or none. Lines the parser refuses are
 * reported with their line numbers and left out; a file refused as a whole writes nothing.
 */
import { ErrorCode, type HistoryImportReport } from '@med/contracts';
import {
  importDayRange,
  parseEnedisCsv,
  planCurveImport,
  planDailyImport,
  planMaxPowerImport,
  type EnedisCsvIssue,
  type ImportPlan,
  type ParsedEnedisCsv,
} from '@med/core';
import type { Db } from '../../db/database.ts';
import { unprocessable } from '../../http/app-error.ts';
import {
  insertCurve,
  insertDaily,
  insertMaxPower,
  storedCurve,
  storedDaily,
  storedMaxPower,
} from './history-import.repository.ts';

const REPORTED_ISSUES = 100;

/** French messages of the file-level refusals (the parser's own messages are English, for logs). */
const FILE_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  CSV_EMPTY_FILE: { code: ErrorCode.CSV_EMPTY_FILE, message: 'Le fichier est vide.' },
  CSV_NOT_TEXT: {
    code: ErrorCode.CSV_NOT_TEXT,
    message: 'Ce fichier n’est pas un CSV (classeur Excel ?) : téléchargez l’export au format CSV.',
  },
  CSV_UNKNOWN_FORMAT: {
    code: ErrorCode.CSV_UNKNOWN_FORMAT,
    message: 'Ce fichier n’est pas un export Enedis reconnu (espace client, export détaillé ou Conso Downloader).',
  },
  CSV_MISSING_COLUMN: { code: ErrorCode.CSV_MISSING_COLUMN, message: 'Une colonne attendue manque dans l’en-tête.' },
  CSV_UNKNOWN_UNIT: {
    code: ErrorCode.CSV_UNKNOWN_UNIT,
    message:
      'Cette mesure n’est pas importable : W (courbe de charge), Wh (énergie quotidienne) ou VA (puissance max).',
  },
  CSV_BAD_STEP: { code: ErrorCode.CSV_BAD_STEP, message: 'Le pas déclaré de la courbe n’est pas de 5 à 60 minutes.' },
  CSV_METER_MISMATCH: { code: ErrorCode.CSV_METER_MISMATCH, message: 'Ce fichier concerne un autre compteur.' },
};

function refuse(error: EnedisCsvIssue): never {
  const known = FILE_ERRORS[error.code] ?? FILE_ERRORS.CSV_UNKNOWN_FORMAT;
  const where = error.line === null ? '' : ` (ligne ${error.line})`;
  throw unprocessable(
    known?.code ?? ErrorCode.CSV_UNKNOWN_FORMAT,
    `${known?.message ?? ''}${where} — ${error.message}`,
  );
}

async function applyPlan(db: Db, usagePointId: string, file: ParsedEnedisCsv): Promise<ImportPlan<unknown>> {
  const range = importDayRange(file.rows);
  if (range === null) {
    return { add: [], unchanged: 0, differing: 0 };
  }
  // One transaction: the stored rows read for the plan and the inserts see the same store.
  return db.transaction().execute(async (trx) => {
    switch (file.kind) {
      case 'load_curve': {
        const stored = await storedCurve(trx, usagePointId, file.direction, range.start, range.end);
        const plan = planCurveImport(file.rows, stored);
        await insertCurve(trx, usagePointId, file.direction, plan.add);
        return plan;
      }
      case 'daily': {
        const stored = await storedDaily(trx, usagePointId, file.direction, range.start, range.end);
        const plan = planDailyImport(file.rows, stored);
        await insertDaily(trx, usagePointId, file.direction, plan.add);
        return plan;
      }
      case 'max_power': {
        const stored = await storedMaxPower(trx, usagePointId, range.start, range.end);
        const plan = planMaxPowerImport(file.rows, stored);
        await insertMaxPower(trx, usagePointId, plan.add);
        return plan;
      }
    }
  });
}

export async function importHistoryCsv(
  db: Db,
  input: { usagePointId: string; bytes: Uint8Array; fileName?: string | undefined },
): Promise<HistoryImportReport> {
  const file = parseEnedisCsv(input.bytes, { usagePointId: input.usagePointId, fileName: input.fileName });
  if (!file.ok) {
    refuse(file.error);
  }
  const plan = await applyPlan(db, input.usagePointId, file);
  const range = importDayRange(file.rows);
  return {
    usage_point_id: input.usagePointId,
    kind: file.kind,
    direction: file.direction,
    format: file.format,
    step_minutes: file.kind === 'load_curve' ? file.stepMinutes : null,
    first_day: range?.start ?? null,
    last_day: file.rows.at(-1)?.day ?? null,
    added: plan.add.length,
    unchanged: plan.unchanged,
    differing: plan.differing,
    rejected: file.issues.length,
    duplicates: file.duplicates,
    issues: file.issues.slice(0, REPORTED_ISSUES).map((issue) => ({
      code: issue.code,
      line: issue.line,
      message: issue.message,
      ...(issue.value === undefined ? {} : { value: issue.value }),
    })),
  };
}
