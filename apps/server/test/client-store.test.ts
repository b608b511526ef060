import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, parisDateFast, parisMidnightUtc } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DbHandle } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import {
  completeCurveDays,
  readCurve,
  readDaily,
  readMaxPower,
  upsertCurve,
  upsertDaily,
  upsertMaxPower,
  type CurveRow,
} from '../src/features/sync/client-data.repository.ts';
import { backends } from './support/backends.ts';
import { runSql } from './support/test-server.ts';

const PRM = '12345678901234';

/** Every 30-min point of the Paris days `[start, end)`, valued by `value`. */
function curveDays(start: string, end: string, value: (index: number) => number): CurveRow[] {
  const rows: CurveRow[] = [];
  for (let t = parisMidnightUtc(start).getTime(), i = 0; t < parisMidnightUtc(end).getTime(); t += 1_800_000, i += 1) {
    const at = new Date(t);
    rows.push({ startAt: at.toISOString(), day: parisDateFast(at), minutes: 30, valueW: value(i) });
  }
  return rows;
}

/**
 * The client's reading store on both backends: an upsert replaces a changed row and leaves an unchanged one
 * alone (the write skips identical rows for speed, and must not skip corrections), and load-curve day
 * ranges read through interval starts give whole Paris days, DST days included.
 */
describe.each(backends)('client store on $name', (backend) => {
  let handle: DbHandle;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    if (backend.databaseUrl) {
      const schema = `store_${randomBytes(4).toString('hex')}`;
      await runSql(backend.databaseUrl, `CREATE SCHEMA ${schema}`);
      handle = connectDatabase(backend.databaseUrl, { schema });
      const url = backend.databaseUrl;
      drop = async () => {
        await handle.close();
        await runSql(url, `DROP SCHEMA ${schema} CASCADE`);
      };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'med-client-store-'));
      handle = connectDatabase(`sqlite:${join(dir, 'client.db')}`);
      drop = async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      };
    }
    await migrateToLatest(handle);
  });
  afterAll(() => drop());

  it('replaces corrected readings and keeps identical ones, on every table', async () => {
    const db = handle.db;
    const curve = curveDays('2025-03-29', '2025-04-01', (i) => 100 + i);
    await upsertCurve(db, PRM, 'consumption', curve);
    const corrected = curve.map((row, i) => (i % 7 === 0 ? { ...row, valueW: row.valueW + 1 } : row));
    await upsertCurve(db, PRM, 'consumption', corrected);
    expect(await readCurve(db, PRM, 'consumption', '2025-03-29', '2025-04-01')).toEqual(corrected);

    await upsertDaily(db, PRM, 'consumption', [
      { day: '2025-03-29', valueWh: 10 },
      { day: '2025-03-30', valueWh: 20 },
    ]);
    await upsertDaily(db, PRM, 'consumption', [
      { day: '2025-03-29', valueWh: 10 },
      { day: '2025-03-30', valueWh: 21 },
    ]);
    expect(await readDaily(db, PRM, 'consumption', '2025-03-29', '2025-03-31')).toEqual([
      { day: '2025-03-29', valueWh: 10 },
      { day: '2025-03-30', valueWh: 21 },
    ]);

    await upsertMaxPower(db, PRM, [{ day: '2025-03-29', valueVa: 5000, at: '2025-03-29T18:00:00.000Z' }]);
    await upsertMaxPower(db, PRM, [{ day: '2025-03-29', valueVa: 5000, at: '2025-03-29T19:00:00.000Z' }]);
    expect(await readMaxPower(db, PRM, '2025-03-29', '2025-03-30')).toEqual([
      { day: '2025-03-29', valueVa: 5000, at: '2025-03-29T19:00:00.000Z' },
    ]);
  });

  it('reads whole Paris days of load curve by interval start: 46 and 50 half-hours on DST days', async () => {
    const db = handle.db;
    await upsertCurve(
      db,
      PRM,
      'production',
      curveDays('2025-10-25', '2025-10-28', () => 1),
    );
    const rows = await readCurve(db, PRM, 'production', '2025-10-26', '2025-10-27');
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((row) => row.day))).toEqual(new Set(['2025-10-26']));
    const spring = await readCurve(db, PRM, 'consumption', '2025-03-30', '2025-03-31');
    expect(spring).toHaveLength(46);
    expect(await completeCurveDays(db, PRM, 'production', '2025-10-25', addDays('2025-10-27', 1))).toEqual(
      new Set(['2025-10-25', '2025-10-26', '2025-10-27']),
    );
  });
});
