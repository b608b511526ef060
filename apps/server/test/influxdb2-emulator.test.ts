import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curveLines, dailyLines } from '../src/features/exporters/tsdb/tsdb-points.ts';
import { parseLine, startInfluxDb2Emulator, type InfluxDb2Emulator } from './support/influxdb2-emulator.ts';

// The InfluxDB 2/3 emulator stands in for a server the exporter suites cannot install: before trusting it
// to accept the exporter's writes, prove it refuses what a real one refuses.
describe('InfluxDB 2 emulator enforces the write API', () => {
  let influx: InfluxDb2Emulator;
  beforeAll(async () => {
    influx = await startInfluxDb2Emulator();
  });
  afterAll(async () => {
    await influx.stop();
  });

  const write = (body: string, options: { token?: string; bucket?: string; precision?: string } = {}) =>
    fetch(
      `${influx.url}/api/v2/write?${new URLSearchParams({
        org: influx.org,
        bucket: options.bucket ?? influx.bucket,
        precision: options.precision ?? 'ms',
      }).toString()}`,
      { method: 'POST', headers: { authorization: `Token ${options.token ?? influx.token}` }, body },
    );

  it('parses escaped names, typed fields and timestamps', () => {
    expect(parseLine('my\\ m,tag\\=k=v\\,1 a=1i,b=2.5,c="x \\"y\\"",d=true 1700000000000')).toEqual({
      measurement: 'my m',
      tags: [['tag=k', 'v,1']],
      fields: [
        ['a', { type: 'integer', value: 1 }],
        ['b', { type: 'float', value: 2.5 }],
        ['c', { type: 'string', value: 'x "y"' }],
        ['d', { type: 'boolean', value: true }],
      ],
      timestamp: 1700000000000n,
    });
    for (const bad of ['m', 'm,t= f=1', 'm f=', 'm f=1 12x', 'm f="open', ',t=1 f=1', 'm f=abc']) {
      expect(() => parseLine(bad), bad).toThrow();
    }
  });

  it('refuses a bad token, an unknown bucket or precision, and a batch with one bad line (whole batch)', async () => {
    expect((await write('m f=1 1', { token: 'stolen' })).status).toBe(401);
    expect((await write('m f=1 1', { bucket: 'other' })).status).toBe(404);
    expect((await write('m f=1 1', { precision: 'h' })).status).toBe(400);
    const before = influx.writes;
    const refused = await write('m,k=v f=1 1\nm,k=v f= 2');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('line 2');
    expect(influx.writes).toBe(before);
    expect(influx.points().size).toBe(0);
  });

  it('keeps a field type forever and merges a re-written point', async () => {
    expect((await write('m,k=v f=1.5 1000')).status).toBe(204);
    expect((await write('m,k=v f=2i 1000')).status).toBe(422);
    expect((await write('m,k=v f=2.5 1000')).status).toBe(204);
    expect([...(influx.points().get('m,k=v')?.entries() ?? [])]).toEqual([[1000, { f: 2.5 }]]);
  });

  it('accepts what the exporter writes', async () => {
    const lines = [
      ...dailyLines('12345678901234', 'consumption', [{ day: '2026-03-29', valueWh: 12345 }]),
      ...curveLines('12345678901234', 'consumption', [
        { startAt: '2026-03-29T00:00:00.000Z', day: '2026-03-29', minutes: 30, valueW: 501 },
      ]),
    ];
    expect((await write(lines.join('\n'))).status).toBe(204);
    const daily = influx.points().get('electricity_consumption,granularity=daily,usage_point_id=12345678901234');
    // 2026-03-29 (DST day) starts at 00:00 Paris = 23:00 UTC the day before.
    expect([...(daily?.entries() ?? [])]).toEqual([
      [Date.parse('2026-03-28T23:00:00Z'), { value_wh: 12345, value_kwh: 12.345 }],
    ]);
    const detailed = influx.points().get('electricity_consumption,granularity=detailed,usage_point_id=12345678901234');
    expect([...(detailed?.values() ?? [])]).toEqual([{ value_w: 501, value_wh: 250.5, value_kwh: 0.2505 }]);
  });
});
