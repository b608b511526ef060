import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slotStartsOfDay } from '../time/slots.ts';
import { parseEnedisCsv, type EnedisCsvParseResult, type ParsedEnedisCsv } from './parse.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

function parsed(result: EnedisCsvParseResult): ParsedEnedisCsv {
  if (!result.ok) {
    throw new Error(`expected a parsed file, got ${result.error.code}: ${result.error.message}`);
  }
  return result;
}

function curve(result: EnedisCsvParseResult) {
  const file = parsed(result);
  if (file.kind !== 'load_curve') {
    throw new Error(`expected a load curve, got ${file.kind}`);
  }
  return file;
}

describe('customer-area load curve (format A)', () => {
  it('reads the October DST day as 50 half-hours, stored by interval start', () => {
    const file = curve(parseEnedisCsv(fixture('export-curve-october.csv')));
    expect(file).toMatchObject({
      format: 'enedis-export',
      encoding: 'utf-8',
      separator: ';',
      direction: 'consumption',
      usagePointId: '12345678901234',
      stepMinutes: 30,
      dataLines: 50,
      duplicates: 0,
      issues: [],
    });
    expect(file.rows).toHaveLength(50);
    // Horodate is the END: the first point (00:30+02:00) is the 00:00–00:30 interval, i.e. 22:00Z the day before.
    expect(file.rows.map((row) => row.startAt)).toEqual(slotStartsOfDay('2022-10-30', 30).map((d) => d.toISOString()));
    expect(file.rows.every((row) => row.day === '2022-10-30' && row.minutes === 30)).toBe(true);
    // Both 02:00–02:30 local intervals are kept, an hour apart in UTC, with their own values.
    expect(file.rows[4]).toEqual({
      startAt: '2022-10-30T00:00:00.000Z',
      endAt: '2022-10-30T00:30:00.000Z',
      day: '2022-10-30',
      minutes: 30,
      valueW: 150,
    });
    expect(file.rows[6]).toMatchObject({ startAt: '2022-10-30T01:00:00.000Z', valueW: 170 });
    expect(file.rows.at(-1)).toMatchObject({ startAt: '2022-10-30T22:30:00.000Z', endAt: '2022-10-30T23:00:00.000Z' });
  });

  it('reads the March DST day as 46 half-hours', () => {
    const file = curve(parseEnedisCsv(fixture('export-curve-march.csv')));
    expect(file.rows).toHaveLength(46);
    expect(file.rows.map((row) => row.startAt)).toEqual(slotStartsOfDay('2023-03-26', 30).map((d) => d.toISOString()));
    expect(new Set(file.rows.map((row) => row.day))).toEqual(new Set(['2023-03-26']));
  });

  it('tells production from consumption by the "Grandeur metier"', () => {
    const file = curve(parseEnedisCsv(fixture('export-production-curve.csv')));
    expect(file.direction).toBe('production');
    expect(file.rows).toHaveLength(48);
  });

  it('uses the declared step, and infers 10, 15 or 60 minutes when none is declared', () => {
    const header = 'Identifiant PRM;Type de donnees;Unite;Pas en minutes\n';
    const ten = `${header}12345678901234;Courbe de charge;W;10\nHorodate;Valeur\n2024-01-10T00:10:00+01:00;500\n2024-01-10T00:30:00+01:00;700\n`;
    const tenFile = curve(parseEnedisCsv(ten));
    expect(tenFile.stepMinutes).toBe(10);
    expect(tenFile.rows.map((row) => [row.startAt, row.endAt])).toEqual([
      ['2024-01-09T23:00:00.000Z', '2024-01-09T23:10:00.000Z'],
      ['2024-01-09T23:20:00.000Z', '2024-01-09T23:30:00.000Z'],
    ]);
    for (const step of [15, 60]) {
      const stamps = [1, 2, 3, 5].map((i) => new Date(Date.UTC(2024, 0, 9, 23) + i * step * 60_000).toISOString());
      const text = `${header}12345678901234;Courbe de charge;W;\nHorodate;Valeur\n${stamps.map((s) => `${s};42`).join('\n')}\n`;
      const file = curve(parseEnedisCsv(text));
      expect(file.stepMinutes).toBe(step);
      expect(file.rows.map((row) => row.minutes)).toEqual([step, step, step, step]);
    }
  });

  it('leaves out blank values, bad numbers and stamps off the step grid, with their line numbers', () => {
    const text = [
      'Identifiant PRM;Type de donnees;Unite;Pas en minutes',
      '12345678901234;Courbe de charge;W;30',
      'Horodate;Valeur',
      '2024-01-10T00:30:00+01:00;100',
      '2024-01-10T01:00:00+01:00;',
      '2024-01-10T01:30:00+01:00;-5',
      '2024-01-10T01:47:00+01:00;12',
      '2024-01-10T02:00:00+01:00;abc',
      '10/01/2024 02:30;110',
      '2024-01-10T03:00:00;120',
      '2024-13-10T03:30:00+01:00;130',
    ].join('\n');
    const file = curve(parseEnedisCsv(text));
    expect(file.issues.map((i) => [i.line, i.code])).toEqual([
      [5, 'CSV_MISSING_VALUE'],
      [6, 'CSV_BAD_VALUE'],
      [7, 'CSV_STEP_MISALIGNED'],
      [8, 'CSV_BAD_VALUE'],
      [11, 'CSV_BAD_TIMESTAMP'],
    ]);
    // Naive stamps (a sheet re-saved by Excel) are read as Paris wall clock.
    expect(file.rows.map((row) => [row.endAt, row.valueW])).toEqual([
      ['2024-01-09T23:30:00.000Z', 100],
      ['2024-01-10T01:30:00.000Z', 110],
      ['2024-01-10T02:00:00.000Z', 120],
    ]);
    expect(file.dataLines).toBe(8);
  });

  it('refuses an unsupported declared step for the whole file', () => {
    const text =
      'Identifiant PRM;Type de donnees;Unite;Pas en minutes\n12345678901234;Courbe de charge;W;7\nHorodate;Valeur\n';
    expect(parseEnedisCsv(text)).toMatchObject({ ok: false, error: { code: 'CSV_BAD_STEP', line: 2 } });
  });
});

describe('daily energy and max power exports', () => {
  it('reads a Windows-1252 daily file (re-saved by Excel) with accents, blanks, bad lines and repeats', () => {
    const file = parsed(parseEnedisCsv(fixture('export-daily-windows1252.csv')));
    expect(file).toMatchObject({ format: 'enedis-export', kind: 'daily', encoding: 'windows-1252', duplicates: 1 });
    expect(file.rows).toEqual([
      { day: '2023-03-25', valueWh: 12000 },
      { day: '2023-03-26', valueWh: 11500 },
      { day: '2023-03-28', valueWh: 12480 },
    ]);
    expect(file.issues.map((i) => [i.line, i.code])).toEqual([
      [6, 'CSV_MISSING_VALUE'],
      [8, 'CSV_BAD_VALUE'],
      [9, 'CSV_BAD_TIMESTAMP'],
    ]);
    expect(file.issues[1]?.value).toBe('douze');
  });

  it('reads an Excel "Unicode text" file: UTF-16, tab-separated, kWh with a decimal comma, French dates', () => {
    const file = parsed(parseEnedisCsv(fixture('export-daily-excel-utf16.txt')));
    expect(file).toMatchObject({ kind: 'daily', encoding: 'utf-16le', separator: '\t', issues: [] });
    expect(file.rows).toEqual([
      { day: '2022-10-29', valueWh: 10500 },
      { day: '2022-10-30', valueWh: 12250 },
    ]);
  });

  it('reads max power in VA with the instant of the peak (the repeated October hour included)', () => {
    const file = parsed(parseEnedisCsv(fixture('export-max-power.csv')));
    expect(file.kind).toBe('max_power');
    expect(file.rows).toEqual([
      { day: '2022-10-29', valueVa: 6120, at: '2022-10-29T17:12:00.000Z' },
      { day: '2022-10-30', valueVa: 3050, at: '2022-10-30T01:41:00.000Z' },
      { day: '2022-10-31', valueVa: 5480, at: '2022-10-31T06:05:10.000Z' },
    ]);
    expect(file.issues).toEqual([
      expect.objectContaining({ line: 7, code: 'CSV_CONFLICTING_DUPLICATE', value: '5999' }),
    ]);
  });

  it('refuses a naive max-power time that does not exist in Paris', () => {
    const text =
      'Identifiant PRM;Type de donnees;Unite\n12345678901234;Puissance maximale;kVA\nHorodate;Valeur\n2023-03-26 02:15:00;3\n2023-03-27 09:00:00;2,5\n';
    const file = parsed(parseEnedisCsv(text));
    expect(file.rows).toEqual([{ day: '2023-03-27', valueVa: 2500, at: '2023-03-27T07:00:00.000Z' }]);
    expect(file.issues).toEqual([expect.objectContaining({ line: 4, code: 'CSV_NONEXISTENT_LOCAL_TIME' })]);
  });
});

describe('flat export (format B)', () => {
  it('places naive end stamps of the repeated October hour in file order and drops other meters', () => {
    const file = curve(parseEnedisCsv(fixture('flat-curve-october.csv')));
    expect(file.format).toBe('enedis-flat');
    expect(file.rows.map((row) => [row.startAt, row.valueW])).toEqual([
      ['2022-10-29T23:00:00.000Z', 301],
      ['2022-10-29T23:30:00.000Z', 302],
      ['2022-10-30T00:00:00.000Z', 303],
      ['2022-10-30T00:30:00.000Z', 304],
      ['2022-10-30T01:00:00.000Z', 305],
      ['2022-10-30T01:30:00.000Z', 306],
      ['2022-10-30T02:00:00.000Z', 307],
      ['2022-10-30T02:30:00.000Z', 308],
    ]);
    expect(file.issues).toEqual([
      expect.objectContaining({ line: 10, code: 'CSV_OTHER_METER', value: '99999999999999' }),
    ]);
  });
});

describe('Conso Downloader (format D)', () => {
  it('reads kW with a decimal comma as W at the interval start, the repeated hour in order, null as missing', () => {
    const file = curve(
      parseEnedisCsv(fixture('historique_conso_12345678901234_2023.csv'), {
        fileName: 'historique_conso_12345678901234_2023.csv',
      }),
    );
    expect(file).toMatchObject({
      format: 'conso-downloader',
      usagePointId: '12345678901234',
      direction: 'consumption',
    });
    expect(file.rows.map((row) => [row.startAt, row.valueW])).toEqual([
      ['2023-10-28T23:00:00.000Z', 400],
      ['2023-10-28T23:30:00.000Z', 401],
      ['2023-10-29T00:00:00.000Z', 402],
      ['2023-10-29T00:30:00.000Z', 403],
      ['2023-10-29T01:00:00.000Z', 404],
      ['2023-10-29T02:00:00.000Z', 406],
      ['2023-10-29T02:30:00.000Z', 407],
    ]);
    expect(file.issues).toEqual([expect.objectContaining({ line: 7, code: 'CSV_MISSING_VALUE' })]);
  });

  it('takes the direction from the file name and refuses the March hour that does not exist', () => {
    const text =
      'debut;fin;kW\n2024-03-31T01:30;2024-03-31T03:00;1\n2024-03-31T02:00;2024-03-31T02:30;1\n2024-03-31T03:00;2024-03-31T03:30;1,5\n';
    const file = curve(parseEnedisCsv(text, { fileName: 'historique_prod_12345678901234.csv' }));
    expect(file.direction).toBe('production');
    expect(file.rows.map((row) => [row.startAt, row.valueW])).toEqual([
      ['2024-03-31T00:30:00.000Z', 1000],
      ['2024-03-31T01:00:00.000Z', 1500],
    ]);
    expect(file.issues).toEqual([expect.objectContaining({ line: 3, code: 'CSV_NONEXISTENT_LOCAL_TIME' })]);
  });
});

describe('idempotence', () => {
  it('gives the same rows for the same file, and for overlapping files joined together', () => {
    const bytes = fixture('export-curve-october.csv');
    expect(parseEnedisCsv(bytes)).toEqual(parseEnedisCsv(bytes));
    const text = new TextDecoder().decode(bytes);
    const dataLines = text.split('\r\n').slice(3, -1);
    const overlapping = `${text}${dataLines.slice(10, 30).join('\r\n')}\r\n`;
    const once = curve(parseEnedisCsv(bytes));
    const twice = curve(parseEnedisCsv(overlapping));
    expect(twice.rows).toEqual(once.rows);
    expect(twice.duplicates).toBe(20);
    expect(twice.issues).toEqual([]);
  });

  it('gives the same rows whatever the encoding, line endings or separator of the same data', () => {
    const text = new TextDecoder().decode(fixture('export-curve-march.csv'));
    const reference = curve(parseEnedisCsv(text)).rows;
    const variants = [
      text.replaceAll('\r\n', '\n'),
      text.replaceAll(';', '\t'),
      text.replaceAll(';', ','),
      new TextDecoder().decode(new Uint8Array(Buffer.from(text.replace(/^\uFEFF/, ''), 'latin1'))),
    ];
    for (const variant of variants) {
      expect(curve(parseEnedisCsv(variant)).rows).toEqual(reference);
    }
    const utf16 = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/^\uFEFF/, ''), 'utf16le')]),
    );
    expect(curve(parseEnedisCsv(utf16)).rows).toEqual(reference);
  });
});

describe('files refused as a whole', () => {
  const exportOf = (unit: string) =>
    `Identifiant PRM;Type de donnees;Unite\n12345678901234;Courbe de charge;${unit}\nHorodate;Valeur\n2024-01-10T00:30:00+01:00;1\n`;

  it.each([
    ['empty file', new Uint8Array(), 'CSV_EMPTY_FILE', null],
    ['blank lines only', '\r\n\r\n  \n', 'CSV_EMPTY_FILE', null],
    ['an Excel workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'CSV_NOT_TEXT', null],
    ['a foreign CSV', 'date,temperature\n2024-01-01,3\n', 'CSV_UNKNOWN_FORMAT', 1],
    ['a curve without its metadata lines', 'Horodate;Valeur\n2024-01-10T00:30:00+01:00;1\n', 'CSV_UNKNOWN_FORMAT', 1],
    ['metadata without values', 'Identifiant PRM;Type de donnees;Unite\n', 'CSV_UNKNOWN_FORMAT', 1],
    ['an unknown unit', exportOf('kvarh'), 'CSV_UNKNOWN_UNIT', 2],
    [
      'no Horodate header',
      'Identifiant PRM;Type de donnees;Unite\n12345678901234;Courbe de charge;W\n',
      'CSV_MISSING_COLUMN',
      3,
    ],
    [
      'no Valeur column',
      'Identifiant PRM;Type de donnees;Unite\n12345678901234;Courbe de charge;W\nHorodate;Value\n',
      'CSV_MISSING_COLUMN',
      3,
    ],
  ])('%s', (_name, input, code, line) => {
    expect(parseEnedisCsv(input)).toMatchObject({ ok: false, error: { code, line } });
  });

  it('refuses a file of another meter than the one it is imported for', () => {
    const result = parseEnedisCsv(fixture('export-curve-march.csv'), { usagePointId: '98765432109876' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CSV_METER_MISMATCH', line: 2, value: '12345678901234' },
    });
    expect(parseEnedisCsv(fixture('export-curve-march.csv'), { usagePointId: '12345678901234' }).ok).toBe(true);
  });

  it('reads the unit when the data type is unusual, and the data type when the unit is blank', () => {
    expect(parsed(parseEnedisCsv(exportOf('W'))).kind).toBe('load_curve');
    expect(parsed(parseEnedisCsv(exportOf('Wh'))).kind).toBe('daily');
    expect(parsed(parseEnedisCsv(exportOf('VA'))).kind).toBe('max_power');
    const noUnit =
      'Identifiant PRM;Type de donnees;Unite\n12345678901234;Puissance maximale;\nHorodate;Valeur\n2024-01-10T08:00:00+01:00;4\n';
    expect(parsed(parseEnedisCsv(noUnit)).kind).toBe('max_power');
  });
});

describe('unreadable CSV', () => {
  it('names the line of a quote that is never closed', () => {
    const text = 'debut;fin;kW\n"2024-01-01T00:00";"2024-01-01T00:30";0,5\n"2024-01-01T00:30;"2024-01-01T01:00";0,5\n';
    expect(parseEnedisCsv(text)).toMatchObject({ ok: false, error: { code: 'CSV_UNKNOWN_FORMAT', line: 3 } });
  });
});
