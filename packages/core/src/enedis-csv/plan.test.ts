import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEnedisCsv } from './parse.ts';
import { importDayRange, planCurveImport, planDailyImport, planMaxPowerImport } from './plan.ts';
import type { CurveRow } from './rows.ts';

const curve = (startAt: string, minutes: number, valueW: number): CurveRow => {
  const start = Date.parse(startAt);
  return {
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + minutes * 60_000).toISOString(),
    day: '2024-01-10',
    minutes,
    valueW,
  };
};

describe('import plan', () => {
  it('adds what the store lacks, counts equal rows as unchanged and keeps the stored value when they differ', () => {
    const plan = planDailyImport(
      [
        { day: '2024-01-09', valueWh: 10 },
        { day: '2024-01-10', valueWh: 20 },
        { day: '2024-01-11', valueWh: 30 },
      ],
      [
        { day: '2024-01-10', valueWh: 20 },
        { day: '2024-01-11', valueWh: 31 },
      ],
    );
    expect(plan).toEqual({ add: [{ day: '2024-01-09', valueWh: 10 }], unchanged: 1, differing: 1 });
  });

  it('compares max power by day and VA, whatever the stored time of the peak', () => {
    const plan = planMaxPowerImport(
      [
        { day: '2024-01-10', valueVa: 5000, at: '2024-01-10T07:00:00.000Z' },
        { day: '2024-01-11', valueVa: 6000, at: '2024-01-11T07:00:00.000Z' },
      ],
      [{ day: '2024-01-10', valueVa: 5000, at: '2024-01-10T07:00:30.000Z' }],
    );
    expect(plan.add.map((row) => row.day)).toEqual(['2024-01-11']);
    expect(plan.unchanged).toBe(1);
  });

  it('never adds a curve interval that overlaps a stored one at another step', () => {
    const stored = [curve('2024-01-10T10:00:00Z', 30, 100), curve('2024-01-10T10:30:00Z', 30, 120)];
    const plan = planCurveImport(
      [
        curve('2024-01-10T09:30:00Z', 30, 90), // before: added
        curve('2024-01-10T10:00:00Z', 30, 100), // same: unchanged
        curve('2024-01-10T10:30:00Z', 30, 121), // other value: stored kept
        curve('2024-01-10T10:40:00Z', 10, 500), // inside a stored half-hour: stored kept
        curve('2024-01-10T11:00:00Z', 60, 80), // after: added
      ],
      stored,
    );
    expect(plan.add.map((row) => row.startAt)).toEqual(['2024-01-10T09:30:00.000Z', '2024-01-10T11:00:00.000Z']);
    expect(plan).toMatchObject({ unchanged: 1, differing: 2 });
  });

  it('adds nothing when the same file is imported again', () => {
    const bytes = new Uint8Array(readFileSync(new URL('./fixtures/export-curve-october.csv', import.meta.url)));
    const file = parseEnedisCsv(bytes);
    if (!file.ok || file.kind !== 'load_curve') {
      throw new Error('fixture not parsed as a curve');
    }
    const first = planCurveImport(file.rows, []);
    expect(first.add).toHaveLength(50);
    const again = planCurveImport(file.rows, first.add);
    expect(again).toEqual({ add: [], unchanged: 50, differing: 0 });
    expect(importDayRange(file.rows)).toEqual({ start: '2022-10-30', end: '2022-10-31' });
    expect(importDayRange([])).toBeNull();
  });
});
