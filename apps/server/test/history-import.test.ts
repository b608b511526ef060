import { readFileSync } from 'node:fs';
import type { HistoryImportReport } from '@med/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { startClientTestServer, type ClientTestServer } from './support/client-server.ts';

const PRM = '12345678901234';
const OTHER_PRM = '98765432109876';
const fixture = (name: string) =>
  readFileSync(new URL(`../../../packages/core/src/enedis-csv/fixtures/${name}`, import.meta.url));

/**
 * Local history import on a real client app (SERVER_MODE=false), both backends: rows land in the
 * client-mode tables with the parser's semantics (interval start, DST days), a second import adds nothing,
 * stored rows are never overwritten, refused files write nothing, bad lines are reported by line.
 */
describe.each(backends)('client mode: history import on $name', (backend) => {
  let client: ClientTestServer;

  beforeAll(async () => {
    // No credentials: the app starts (status "not configured") and calls no gateway.
    client = await startClientTestServer(backend, { MED_API_URL: 'http://127.0.0.1:9/api' });
    await client.deps.db
      .insertInto('client_meters')
      .values({
        usage_point_id: PRM,
        pdl: JSON.stringify({ usage_point_id: PRM }),
        updated_at: new Date().toISOString(),
      })
      .execute();
  }, 60_000);
  afterAll(async () => {
    await client.close();
  });

  const post = (pdl: string, body: Buffer | string, contentType = 'text/csv', fileName?: string) =>
    client.app.inject({
      method: 'POST',
      url: `/api/history-import/${pdl}${fileName ? `?file_name=${encodeURIComponent(fileName)}` : ''}`,
      headers: { 'content-type': contentType },
      payload: body,
    });

  const curveRows = () =>
    client.deps.db
      .selectFrom('client_curve')
      .select(['start_at', 'day', 'minutes', 'value_w', 'direction'])
      .where('usage_point_id', '=', PRM)
      .orderBy('start_at')
      .execute();

  it('imports the October DST day as 50 half-hours by interval start, then adds nothing the second time', async () => {
    const first = await post(PRM, fixture('export-curve-october.csv'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<{ data: HistoryImportReport }>().data).toMatchObject({
      kind: 'load_curve',
      direction: 'consumption',
      format: 'enedis-export',
      step_minutes: 30,
      first_day: '2022-10-30',
      last_day: '2022-10-30',
      added: 50,
      unchanged: 0,
      differing: 0,
      rejected: 0,
      issues: [],
    });
    const rows = await curveRows();
    expect(rows).toHaveLength(50);
    expect(rows[0]).toMatchObject({
      start_at: '2022-10-29T22:00:00.000Z',
      day: '2022-10-30',
      direction: 'consumption',
    });
    expect(rows.map((row) => Number(row.value_w)).slice(4, 7)).toEqual([150, 160, 170]);

    const again = await post(PRM, fixture('export-curve-october.csv'));
    expect(again.json<{ data: HistoryImportReport }>().data).toMatchObject({ added: 0, unchanged: 50 });
    expect(await curveRows()).toHaveLength(50);
  });

  it('keeps a stored value that differs from the file, and reports it', async () => {
    await client.deps.db
      .insertInto('client_curve')
      .values({
        usage_point_id: PRM,
        direction: 'consumption',
        start_at: '2023-03-26T00:00:00.000Z',
        day: '2023-03-26',
        minutes: 30,
        value_w: 9999,
      })
      .execute();
    const response = await post(PRM, fixture('export-curve-march.csv'));
    expect(response.json<{ data: HistoryImportReport }>().data).toMatchObject({ added: 45, differing: 1 });
    const stored = await client.deps.db
      .selectFrom('client_curve')
      .select(['value_w'])
      .where('start_at', '=', '2023-03-26T00:00:00.000Z')
      .executeTakeFirstOrThrow();
    expect(Number(stored.value_w)).toBe(9999);
    const march = (await curveRows()).filter((row) => row.day === '2023-03-26');
    expect(march).toHaveLength(46);
  });

  it('imports daily energy from a Windows-1252 file and lists the lines it left out', async () => {
    const response = await post(PRM, fixture('export-daily-windows1252.csv'), 'application/vnd.ms-excel');
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<{ data: HistoryImportReport }>().data;
    expect(report).toMatchObject({ kind: 'daily', added: 3, rejected: 3, duplicates: 1 });
    expect(report.issues.map((issue) => [issue.line, issue.code])).toEqual([
      [6, 'CSV_MISSING_VALUE'],
      [8, 'CSV_BAD_VALUE'],
      [9, 'CSV_BAD_TIMESTAMP'],
    ]);
    const days = await client.deps.db
      .selectFrom('client_daily')
      .select(['day', 'value_wh'])
      .where('usage_point_id', '=', PRM)
      .orderBy('day')
      .execute();
    expect(days.map((row) => [row.day, Number(row.value_wh)])).toEqual([
      ['2023-03-25', 12000],
      ['2023-03-26', 11500],
      ['2023-03-28', 12480],
    ]);
  });

  it('imports max power and a Conso Downloader production curve named after the meter', async () => {
    const max = await post(PRM, fixture('export-max-power.csv'));
    expect(max.json<{ data: HistoryImportReport }>().data).toMatchObject({ kind: 'max_power', added: 3, rejected: 1 });
    const csv = 'debut;fin;kW\n"2024-06-01T12:00";"2024-06-01T12:30";1,25\n"2024-06-01T12:30";"2024-06-01T13:00";1,5\n';
    const production = await post(PRM, csv, 'text/plain', `historique_prod_${PRM}_2024.csv`);
    expect(production.json<{ data: HistoryImportReport }>().data).toMatchObject({
      direction: 'production',
      format: 'conso-downloader',
      added: 2,
    });
    const rows = (await curveRows()).filter((row) => row.direction === 'production');
    expect(rows.map((row) => [row.start_at, Number(row.value_w)])).toEqual([
      ['2024-06-01T10:00:00.000Z', 1250],
      ['2024-06-01T10:30:00.000Z', 1500],
    ]);
  });

  it('refuses a whole file that is not an export, belongs to another meter or is empty, writing nothing', async () => {
    const before = (await curveRows()).length;
    const cases: [Buffer | string, number, string][] = [
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 422, 'CSV_NOT_TEXT'],
      ['date,temperature\n2024-01-01,3\n', 422, 'CSV_UNKNOWN_FORMAT'],
      [fixture('export-curve-october.csv').toString('utf8').replace(PRM, OTHER_PRM), 422, 'CSV_METER_MISMATCH'],
      ['', 400, 'CSV_EMPTY_FILE'],
    ];
    for (const [body, status, code] of cases) {
      const response = await post(PRM, body);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json<{ error: { code: string } }>().error.code).toBe(code);
    }
    expect(await curveRows()).toHaveLength(before);
  });

  it('refuses an unknown meter, a malformed meter number and a JSON body', async () => {
    expect((await post(OTHER_PRM, fixture('export-curve-october.csv'))).statusCode).toBe(404);
    expect((await post('1234', fixture('export-curve-october.csv'))).statusCode).toBe(422);
    const json = await post(PRM, '{"a":1}', 'application/json');
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);
  });
});
