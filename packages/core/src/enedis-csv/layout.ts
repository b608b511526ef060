/**
 * Which export a file is, what it measures and where its data lines are. Three layouts circulate
 * (`integrations-reference.md` §4):
 * - `enedis-export`: the customer area's "Mes données" file: metadata header (line 1) and values
 *   (line 2), then `Horodate;Valeur` and the data; the unit (`W`, `Wh`, `VA`) says what it measures;
 * - `enedis-flat`: the same metadata repeated on every line, with a `Pas` column (`PT30M`);
 * - `conso-downloader`: the browser extension's concatenated weekly curves, `debut;fin;kW`.
 */
import { issue, type EnedisCsvIssue } from './issues.ts';
import { headerKey, type CsvLine } from './table.ts';

export type EnedisCsvFormat = 'enedis-export' | 'enedis-flat' | 'conso-downloader';
export type EnedisCsvKind = 'load_curve' | 'daily' | 'max_power';
export type EnergyDirection = 'consumption' | 'production';

/** One data line, before its stamp and value are read. */
export interface RawPoint {
  line: number;
  stamp: string;
  value: string | undefined;
  /** Interval length written on the line itself (flat export). */
  step?: string | undefined;
  /** Meter written on the line itself (flat export). */
  usagePointId?: string | undefined;
}

export interface FileLayout {
  format: EnedisCsvFormat;
  kind: EnedisCsvKind;
  direction: EnergyDirection;
  usagePointId: string | null;
  /** Multiply a cell by this to get W, Wh or VA (1000 for kW, kWh, kVA). */
  scale: number;
  /** Step declared by the file for every line (`Pas en minutes`), as written. */
  declaredStep: string | null;
  /** Line of the metadata values (customer-area export), for errors about them. */
  metadataLine: number | null;
  /** What a curve stamp marks: the end of its interval (Enedis) or its start (Conso Downloader). */
  stampMarks: 'end' | 'start';
  points: RawPoint[];
}

export interface LayoutHints {
  /** The uploaded file's name: the Conso Downloader names files `historique_prod_<PRM>…`. */
  fileName?: string | undefined;
}

type LayoutResult = FileLayout | EnedisCsvIssue;

const PRM = /^\d{14}$/;

const UNITS: Record<string, { kind: EnedisCsvKind; scale: number }> = {
  w: { kind: 'load_curve', scale: 1 },
  kw: { kind: 'load_curve', scale: 1000 },
  wh: { kind: 'daily', scale: 1 },
  kwh: { kind: 'daily', scale: 1000 },
  va: { kind: 'max_power', scale: 1 },
  kva: { kind: 'max_power', scale: 1000 },
};

/** What the file measures, from its unit, else from the wording of its data type. */
function measureOf(unit: string, dataType: string): { kind: EnedisCsvKind; scale: number } | null {
  const byUnit = UNITS[headerKey(unit)];
  if (byUnit) {
    return byUnit;
  }
  if (headerKey(unit) !== '') {
    return null;
  }
  const type = headerKey(dataType);
  if (type.includes('courbe')) {
    return UNITS.w ?? null;
  }
  if (type.includes('puissance max')) {
    return UNITS.va ?? null;
  }
  if (/energie|quotidien|journali/.test(type)) {
    return UNITS.wh ?? null;
  }
  return null;
}

function directionOf(businessQuantity: string): EnergyDirection {
  return /^prod/.test(headerKey(businessQuantity)) ? 'production' : 'consumption';
}

function unknownUnit(line: number, unit: string, dataType: string): EnedisCsvIssue {
  return issue(
    'CSV_UNKNOWN_UNIT',
    line,
    `unit "${unit}" (${dataType || 'no data type'}) is not a measure we import: W (load curve), Wh (daily energy) or VA (max power)`,
    unit,
  );
}

function missingColumn(line: number, name: string): EnedisCsvIssue {
  return issue('CSV_MISSING_COLUMN', line, `column "${name}" not found in the header on line ${line}`);
}

function columnsOf(header: CsvLine): Map<string, number> {
  const columns = new Map<string, number>();
  header.cells.forEach((cell, index) => {
    const key = headerKey(cell);
    if (!columns.has(key)) {
      columns.set(key, index);
    }
  });
  return columns;
}

function exportLayout(lines: readonly CsvLine[]): LayoutResult {
  const [header, values] = lines as [CsvLine, CsvLine | undefined];
  if (!values) {
    return issue('CSV_UNKNOWN_FORMAT', header.line, 'the metadata header is not followed by its values');
  }
  const meta = columnsOf(header);
  const metaValue = (key: string) => values.cells[meta.get(key) ?? -1] ?? '';
  const dataHeaderIndex = lines.findIndex((line, index) => index >= 2 && headerKey(line.cells[0] ?? '') === 'horodate');
  const dataHeader = lines[dataHeaderIndex];
  if (!dataHeader) {
    return missingColumn(values.line + 1, 'Horodate');
  }
  const columns = columnsOf(dataHeader);
  const valueIndex = columns.get('valeur');
  if (valueIndex === undefined) {
    return missingColumn(dataHeader.line, 'Valeur');
  }
  const stampIndex = columns.get('horodate') ?? 0;
  const measure = measureOf(metaValue('unite'), metaValue('type de donnees'));
  if (!measure) {
    return unknownUnit(values.line, metaValue('unite'), metaValue('type de donnees'));
  }
  const prm = metaValue('identifiant prm');
  const step = metaValue('pas en minutes');
  return {
    format: 'enedis-export',
    ...measure,
    direction: directionOf(metaValue('grandeur metier')),
    usagePointId: PRM.test(prm) ? prm : null,
    declaredStep: step === '' ? null : step,
    metadataLine: values.line,
    stampMarks: 'end',
    points: lines.slice(dataHeaderIndex + 1).map((line) => ({
      line: line.line,
      stamp: line.cells[stampIndex] ?? '',
      value: line.cells[valueIndex],
    })),
  };
}

function flatLayout(lines: readonly CsvLine[]): LayoutResult {
  const [header, first] = lines as [CsvLine, CsvLine | undefined];
  const columns = columnsOf(header);
  const stampIndex = columns.get('horodate') ?? 0;
  const valueIndex = columns.get('valeur') ?? 0;
  const prmIndex = columns.get('identifiant prm') ?? 0;
  const cell = (line: CsvLine | undefined, key: string) => line?.cells[columns.get(key) ?? -1] ?? '';
  const measure = first ? measureOf(cell(first, 'unite'), cell(first, 'grandeur physique')) : UNITS.w;
  if (!measure) {
    return unknownUnit(first?.line ?? header.line, cell(first, 'unite'), cell(first, 'grandeur physique'));
  }
  const prm = cell(first, 'identifiant prm');
  const hasStep = columns.has('pas');
  return {
    format: 'enedis-flat',
    ...measure,
    direction: directionOf(cell(first, 'grandeur metier')),
    usagePointId: PRM.test(prm) ? prm : null,
    declaredStep: null,
    metadataLine: null,
    stampMarks: 'end',
    points: lines.slice(1).map((line) => ({
      line: line.line,
      stamp: line.cells[stampIndex] ?? '',
      value: line.cells[valueIndex],
      step: hasStep ? cell(line, 'pas') : undefined,
      usagePointId: line.cells[prmIndex],
    })),
  };
}

function consoDownloaderLayout(lines: readonly CsvLine[], hints: LayoutHints): LayoutResult {
  const [header] = lines as [CsvLine];
  const columns = columnsOf(header);
  const stampIndex = columns.get('debut') ?? 0;
  const valueIndex = columns.get('kw') ?? 0;
  const name = /historique_(conso|prod)_(\d{14})/i.exec(hints.fileName ?? '');
  return {
    format: 'conso-downloader',
    kind: 'load_curve',
    scale: 1000,
    direction: name?.[1]?.toLowerCase() === 'prod' ? 'production' : 'consumption',
    usagePointId: name?.[2] ?? null,
    declaredStep: null,
    metadataLine: null,
    stampMarks: 'start',
    points: lines.slice(1).map((line) => ({
      line: line.line,
      stamp: line.cells[stampIndex] ?? '',
      value: line.cells[valueIndex],
    })),
  };
}

/** Recognises the export from its first line and lays out its data lines. */
export function detectLayout(lines: readonly CsvLine[], hints: LayoutHints = {}): LayoutResult {
  const header = lines[0];
  if (!header) {
    return issue('CSV_EMPTY_FILE', null, 'the file is empty');
  }
  const keys = new Set(header.cells.map(headerKey));
  if (keys.has('identifiant prm')) {
    return keys.has('horodate') && keys.has('valeur') ? flatLayout(lines) : exportLayout(lines);
  }
  if (keys.has('debut') && keys.has('kw')) {
    return consoDownloaderLayout(lines, hints);
  }
  if (keys.has('horodate') && keys.has('valeur')) {
    return issue(
      'CSV_UNKNOWN_FORMAT',
      header.line,
      'the file starts at "Horodate;Valeur": its two metadata lines (meter, data type, unit) were removed, so what it measures is unknown',
    );
  }
  return issue(
    'CSV_UNKNOWN_FORMAT',
    header.line,
    'not an Enedis export: line 1 should start with "Identifiant PRM" (customer area) or be "debut;fin;kW" (Conso Downloader)',
    header.cells.join(' | '),
  );
}
