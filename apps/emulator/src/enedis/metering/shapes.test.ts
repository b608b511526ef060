import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getWithToken, PATHS, PRMS, readings, testEmulator, type MeterReadingBody } from '../test-support.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testEmulator();
});
afterAll(() => app.close());

const INTEGER_STRING = /^\d+$/;

async function body(path: string, usagePointId: string, start: string, end: string) {
  const response = await getWithToken(app, path, { usage_point_id: usagePointId, start, end });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('application/json');
  return response.json<MeterReadingBody>().meter_reading;
}

describe('metering response shapes (reference §A5)', () => {
  it('daily consumption', async () => {
    const reading = await body(PATHS.dailyConsumption, PRMS.complete, '2025-10-01', '2025-10-04');
    expect(Object.keys(reading)).toEqual([
      'usage_point_id',
      'start',
      'end',
      'quality',
      'reading_type',
      'interval_reading',
    ]);
    expect(reading).toMatchObject({
      usage_point_id: PRMS.complete,
      start: '2025-10-01',
      end: '2025-10-04',
      quality: 'BRUT',
    });
    expect(reading.reading_type).toEqual({
      unit: 'Wh',
      measurement_kind: 'energy',
      aggregate: 'sum',
      measuring_period: 'P1D',
    });
    expect(reading.interval_reading.map((r) => r.date)).toEqual(['2025-10-01', '2025-10-02', '2025-10-03']);
    for (const point of reading.interval_reading) {
      expect(Object.keys(point)).toEqual(['value', 'date']);
      expect(point.value).toMatch(INTEGER_STRING);
    }
  });

  it('consumption load curve', async () => {
    const reading = await body(PATHS.consumptionLoadCurve, PRMS.complete, '2025-10-01', '2025-10-02');
    expect(reading.reading_type).toEqual({ unit: 'W', measurement_kind: 'power', aggregate: 'average' });
    const points = reading.interval_reading;
    expect(points).toHaveLength(48);
    expect(points[0]).toEqual({
      value: expect.stringMatching(INTEGER_STRING) as unknown,
      date: '2025-10-01 00:30:00',
      interval_length: 'PT30M',
      measure_type: 'B',
    });
    expect(points.at(-1)?.date).toBe('2025-10-02 00:00:00');
    for (const point of points) {
      expect(Object.keys(point)).toEqual(['value', 'date', 'interval_length', 'measure_type']);
    }
  });

  it('daily max power, dated at the moment of the peak', async () => {
    const reading = await body(PATHS.maxPower, PRMS.complete, '2025-10-01', '2025-10-04');
    expect(reading.reading_type).toEqual({
      unit: 'VA',
      measurement_kind: 'power',
      aggregate: 'maximum',
      measuring_period: 'P1D',
    });
    expect(reading.interval_reading).toHaveLength(3);
    reading.interval_reading.forEach((point, i) => {
      expect(point.value).toMatch(INTEGER_STRING);
      expect(point.date).toMatch(new RegExp(`^2025-10-0${i + 1} \\d{2}:\\d{2}:\\d{2}$`));
    });
  });

  it('daily production and production load curve', async () => {
    const daily = await body(PATHS.dailyProduction, PRMS.productionOnly, '2025-06-01', '2025-06-03');
    expect(daily.reading_type).toEqual({
      unit: 'Wh',
      measurement_kind: 'energy',
      aggregate: 'sum',
      measuring_period: 'P1D',
    });
    expect(daily.interval_reading.map((r) => r.date)).toEqual(['2025-06-01', '2025-06-02']);
    const curve = await body(PATHS.productionLoadCurve, PRMS.productionOnly, '2025-06-01', '2025-06-02');
    expect(curve.reading_type).toEqual({ unit: 'W', measurement_kind: 'power', aggregate: 'average' });
    expect(curve.interval_reading).toHaveLength(48);
    expect(curve.interval_reading.every((p) => p.interval_length === 'PT30M' && p.measure_type === 'B')).toBe(true);
  });

  it('serves both directions of a self-consumption PRM, net per slot', async () => {
    const consumption = await readings(
      app,
      PATHS.consumptionLoadCurve,
      PRMS.selfConsumption,
      '2025-06-01',
      '2025-06-08',
    );
    const production = await readings(app, PATHS.productionLoadCurve, PRMS.selfConsumption, '2025-06-01', '2025-06-08');
    expect(consumption.map((p) => p.date)).toEqual(production.map((p) => p.date));
    consumption.forEach((point, i) => {
      // Only one side of the meter is non-zero in each slot.
      expect(Number(point.value) === 0 || Number(production[i]?.value) === 0).toBe(true);
    });
    expect(production.some((p) => Number(p.value) > 0)).toBe(true);
    expect(consumption.some((p) => Number(p.value) > 0)).toBe(true);
  });

  it('serves the demo solar meter in both directions', async () => {
    app.enedisEmulator.grantConsent([PRMS.demoSolar]);
    const production = await readings(app, PATHS.dailyProduction, PRMS.demoSolar, '2025-07-01', '2025-07-08');
    const consumption = await readings(app, PATHS.dailyConsumption, PRMS.demoSolar, '2025-07-01', '2025-07-08');
    expect(production).toHaveLength(7);
    expect(consumption).toHaveLength(7);
  });

  it('answers the same request with the same body, across instances too', async () => {
    const query = { usage_point_id: PRMS.complete, start: '2025-10-20', end: '2025-10-27' };
    const first = await getWithToken(app, PATHS.consumptionLoadCurve, query);
    const second = await getWithToken(app, PATHS.consumptionLoadCurve, query);
    const other = await testEmulator();
    const third = await getWithToken(other, PATHS.consumptionLoadCurve, query);
    await other.close();
    expect(second.body).toBe(first.body);
    expect(third.body).toBe(first.body);
    const maxPower = await getWithToken(app, PATHS.maxPower, query);
    expect((await getWithToken(app, PATHS.maxPower, query)).body).toBe(maxPower.body);
  });

  it('varies data between meters and days', async () => {
    const a = await readings(app, PATHS.dailyConsumption, PRMS.complete, '2025-10-01', '2025-10-08');
    const b = await readings(app, PATHS.dailyConsumption, PRMS.holes, '2025-10-01', '2025-10-08');
    expect(a.map((p) => p.value)).not.toEqual(b.map((p) => p.value));
    expect(new Set(a.map((p) => p.value)).size).toBe(a.length);
  });
});
