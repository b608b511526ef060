import { describe, expect, it } from 'vitest';
import { detectSeparator, headerKey, readCsvLines, UnclosedQuoteError } from './table.ts';

describe('CSV lines', () => {
  it('keeps the file line numbers across blank lines and any line ending', () => {
    expect(readCsvLines('a;b\r\n\r\n1;2\r3;4\n ; \n5', ';')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
      { line: 4, cells: ['3', '4'] },
      { line: 6, cells: ['5'] },
    ]);
  });

  it('unquotes whole cells, with separators and doubled quotes inside', () => {
    expect(readCsvLines('"2024-01-01T00:30";"a;b";"say ""hi""" ;x', ';')).toEqual([
      { line: 1, cells: ['2024-01-01T00:30', 'a;b', 'say "hi"', 'x'] },
    ]);
  });

  it('reports a quote left open at the end of its line', () => {
    expect(() => readCsvLines('a;b\n"open;1\nclose";2', ';')).toThrow(UnclosedQuoteError);
    try {
      readCsvLines('a;b\n"open;1\nclose";2', ';');
    } catch (error) {
      expect((error as UnclosedQuoteError).line).toBe(2);
    }
  });

  it('guesses the separator from the first non-blank line', () => {
    expect(detectSeparator('\n\nIdentifiant PRM;Type de donnees;Unite')).toBe(';');
    expect(detectSeparator('Horodate\tValeur')).toBe('\t');
    expect(detectSeparator('debut,fin,kW')).toBe(',');
    expect(detectSeparator('Horodate')).toBe(';');
  });

  it('compares headers without accents, case or extra spaces', () => {
    expect(headerKey(' Unité ')).toBe('unite');
    expect(headerKey('Type de  DONNÉES')).toBe('type de donnees');
  });
});
