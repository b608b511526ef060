import { brotliDecompressSync } from 'node:zlib';
import { addDays, parisDateFast, parisDayLengthMinutes, parisToday } from '@med/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../src/features/metering/datasets.ts';
import { backends } from './support/backends.ts';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { giveConsent, type MeterReadingBody } from './support/consent-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const MINUTE = 60_000;
// 2020 to 2030, whole minutes (Enedis stamps) and any millisecond alike.
const instant = fc.oneof(
  fc.integer({ min: 26_297_280, max: 31_558_560 }).map((minutes) => minutes * MINUTE),
  fc.integer({ min: 1_577_836_800_000, max: 1_893_456_000_000 }),
);
const reading = fc.integer({ min: -1, max: 2_000_000 });

describe('readings written from their stored form', () => {
  it('serveJson writes exactly JSON.stringify(serve(…)) for every dataset, DST days included', () => {
    fc.assert(
      fc.property(instant, reading, fc.constantFrom(10, 15, 30, 60), (atMs, value, minutes) => {
        const day = parisDateFast(new Date(atMs));
        for (const spec of [DATASETS.consumption_curve, DATASETS.production_curve]) {
          const stored: [number, number, number] = [atMs, minutes, value];
          expect(spec.serveJson(stored, day)).toBe(JSON.stringify(spec.serve(stored, day)));
        }
        expect(DATASETS.max_power.serveJson([atMs, value], day)).toBe(
          JSON.stringify(DATASETS.max_power.serve([atMs, value], day)),
        );
        for (const spec of [DATASETS.consumption_daily, DATASETS.production_daily]) {
          expect(spec.serveJson(value, day)).toBe(JSON.stringify(spec.serve(value, day)));
        }
      }),
      { numRuns: 5_000 },
    );
  });
});

describe.each(backends)('big metering answers on $name', (backend) => {
  // Sandbox client 3's consumption meter: load curve every day.
  const PRM = '12345678901234';
  const today = parisToday(new Date());
  const start = addDays(today, -62);
  let server: TestServer;
  let user: TestUser;
  beforeAll(async () => {
    server = await startTestServer(backend, { USER_DAILY_LIMIT_NO_CACHE: '1000' });
    user = await createUser(server, 'stream');
    await giveConsent(server, user, [PRM]);
  });
  afterAll(async () => server.close());

  const get = (url: string, acceptEncoding = 'identity') =>
    server.app.inject({ method: 'GET', url, headers: { cookie: user.cookie, 'accept-encoding': acceptEncoding } });
  const curveUrl = `/api/enedis/consumption/detail/batch/${PRM}?start=${start}&end=${today}`;

  it('a two-month load curve is streamed in pieces, whole and in order, from Enedis and then from the cache', async () => {
    const fromEnedis = await get(curveUrl);
    const fromCache = await get(curveUrl);
    for (const response of [fromEnedis, fromCache]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      // Streamed: the length is not known up front.
      expect(response.headers['content-length']).toBeUndefined();
      expect(response.headers['transfer-encoding']).toBe('chunked');
    }
    const body = fromCache.json<MeterReadingBody>();
    expect({ ...body, timestamp: null }).toEqual({ ...fromEnedis.json<MeterReadingBody>(), timestamp: null });
    expect(body).toMatchObject({ success: true, error: null, data: { missing_dates: [] } });
    const readings = body.data?.meter_reading.interval_reading ?? [];
    let expectedMinutes = 0;
    for (let day = start; day < today; day = addDays(day, 1)) {
      expectedMinutes += parisDayLengthMinutes(day);
    }
    expect(readings.reduce((total, entry) => total + Number(entry.interval_length?.slice(2, -1)), 0)).toBe(
      expectedMinutes,
    );
    const instants = readings.map((entry) => Date.parse(entry.date));
    expect(instants.every((at, index) => index === 0 || at > (instants[index - 1] ?? 0))).toBe(true);
    expect(readings[0]).toEqual({
      value: expect.any(Number) as number,
      date: `${start}T00:00:00${readings[0]?.date.slice(-6) ?? ''}`,
      interval_length: 'PT30M',
      measure_type: 'B',
    });
  });

  it('the streamed answer is compressed like any JSON when the client accepts it', async () => {
    const plain = await get(curveUrl);
    const compressed = await get(curveUrl, 'br');
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
    const decoded = JSON.parse(brotliDecompressSync(compressed.rawPayload).toString()) as MeterReadingBody;
    expect({ ...decoded, timestamp: null }).toEqual({ ...plain.json<MeterReadingBody>(), timestamp: null });
  });

  it('a small answer (a week of daily data) is one string with its length', async () => {
    const response = await get(`/api/enedis/consumption/daily/${PRM}?start=${addDays(today, -7)}&end=${today}`);
    expect(response.statusCode).toBe(200);
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
    expect(response.json<MeterReadingBody>().data?.meter_reading.interval_reading).toHaveLength(7);
  });

  it('a refusal is still a plain JSON envelope (404 for a meter of no one), not a stream', async () => {
    const other = await get(`/api/enedis/consumption/daily/99999999999999?start=${addDays(today, -7)}&end=${today}`);
    expect(other.statusCode).toBe(404);
    expect(other.json<MeterReadingBody>()).toMatchObject({ success: false, data: null });
  });
});
