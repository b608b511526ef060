import { describe, expect, it } from 'vitest';
import { CSV_FORMATS, csvFormatFor, toCsv, toJsonRows, type DataTable } from './table.ts';

const table: DataTable = {
  columns: [
    { key: 'date', label: 'Date' },
    { key: 'kwh', label: 'Énergie (kWh)' },
    { key: 'note', label: 'Note; remarque' },
  ],
  rows: [
    { date: '2025-10-26T02:30:00+01:00', kwh: 1234.5, note: 'a "quoted" word' },
    { date: '2025-10-27', kwh: 0.1 + 0.2, note: null },
    { date: '2025-10-28', kwh: -0.000_000_1 },
  ],
};

describe('CSV', () => {
  it('writes French CSV: BOM, header, ";" and decimal comma, ISO dates, CRLF', () => {
    expect(toCsv(table, CSV_FORMATS.fr)).toBe(
      '\uFEFFDate;Énergie (kWh);"Note; remarque"\r\n2025-10-26T02:30:00+01:00;1234,5;"a ""quoted"" word"\r\n2025-10-27;0,3;\r\n2025-10-28;0;\r\n',
    );
  });

  it('writes English CSV with "," and a decimal point, quoting what needs it', () => {
    expect(toCsv(table, CSV_FORMATS.en)).toBe(
      '\uFEFFDate,Énergie (kWh),Note; remarque\r\n2025-10-26T02:30:00+01:00,1234.5,"a ""quoted"" word"\r\n2025-10-27,0.3,\r\n2025-10-28,0,\r\n',
    );
  });

  it('never writes exponents or thousands separators', () => {
    const big: DataTable = {
      columns: [{ key: 'v', label: 'v' }],
      rows: [{ v: 12_345_678.25 }, { v: 1e21 }, { v: Number.NaN }],
    };
    expect(toCsv(big, CSV_FORMATS.fr).split('\r\n').slice(1, 3)).toEqual(['12345678,25', '1000000000000000000000']);
  });

  it('picks the format from the language', () => {
    expect(csvFormatFor('fr')).toBe(CSV_FORMATS.fr);
    expect(csvFormatFor('en')).toBe(CSV_FORMATS.en);
  });
});

describe('JSON rows', () => {
  it('keys every row by column, null for missing values', () => {
    expect(toJsonRows(table)[2]).toEqual({ date: '2025-10-28', kwh: -0.000_000_1, note: null });
  });
});
