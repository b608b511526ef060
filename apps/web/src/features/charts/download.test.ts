import { describe, expect, it } from 'vitest';
import { downloadName, tableFile } from './download.ts';

describe('downloads', () => {
  it('builds a safe file name', () => {
    expect(
      downloadName(['MyElectricalData', '12345678901234', 'Consommation journalière', '2024-11-05', null], 'csv'),
    ).toBe('myelectricaldata_12345678901234_consommation-journaliere_2024-11-05.csv');
    expect(downloadName(['  ', '!!'], 'json')).toBe('export.json');
  });

  it('writes CSV in the page language convention, JSON as rows', () => {
    const table = { columns: [{ key: 'kwh', label: 'kWh' }], rows: [{ kwh: 1.5 }] };
    expect(tableFile(table, 'csv', 'fr').content).toBe('\uFEFFkWh\r\n1,5\r\n');
    expect(tableFile(table, 'csv', 'en').content).toBe('\uFEFFkWh\r\n1.5\r\n');
    expect(JSON.parse(tableFile(table, 'json', 'fr').content)).toEqual([{ kwh: 1.5 }]);
  });
});
