import { afterEach, describe, expect, it } from 'vitest';
import { SHORT_TERM_PATH, WEEKLY_FORECASTS_PATH } from './consumption.ts';
import { anyNumber, rteTestEmulator, type RteTestEmulator } from './test-kit.ts';

interface ShortTermEntry {
  type: string;
  start_date: string;
  end_date: string;
  values: { start_date: string; end_date: string; updated_date: string; value: number }[];
}

let emulator: RteTestEmulator;
afterEach(() => emulator.close());

const day = (date: string, offset = '+01:00') => ({ start_date: `${date}T00:00:00${offset}` });
const period = (start: string, end: string) => ({ start_date: start, end_date: end });
const mean = (values: { value: number }[]) => values.reduce((sum, v) => sum + v.value, 0) / values.length;

describe('Consumption short_term', () => {
  it('returns REALISED 15-minute values in MW, only up to now', async () => {
    emulator = await rteTestEmulator('2025-01-15T11:00:00Z'); // 12:00 Paris
    const response = await emulator.get(SHORT_TERM_PATH, {
      type: 'REALISED',
      ...period('2025-01-15T00:00:00+01:00', '2025-01-16T00:00:00+01:00'),
    });
    expect(response.statusCode).toBe(200);
    const [entry] = response.json<{ short_term: ShortTermEntry[] }>().short_term;
    expect(entry).toMatchObject({
      type: 'REALISED',
      start_date: '2025-01-15T00:00:00+01:00',
      end_date: '2025-01-16T00:00:00+01:00',
    });
    expect(entry?.values[0]).toEqual({
      start_date: '2025-01-15T00:00:00+01:00',
      end_date: '2025-01-15T00:15:00+01:00',
      updated_date: '2025-01-15T00:30:00+01:00',
      value: anyNumber(),
    });
    // Slots ending by 11:45 Paris are published at 12:00 at the latest: 47 slots (00:00 → 11:45).
    expect(entry?.values).toHaveLength(47);
    expect(entry?.values.at(-1)?.start_date).toBe('2025-01-15T11:30:00+01:00');
    for (const { value } of entry?.values ?? []) {
      expect(Number.isInteger(value)).toBe(true);
    }
  });

  it('has realistic magnitudes: winter above summer, night below evening peak', async () => {
    emulator = await rteTestEmulator('2025-09-01T00:00:00Z');
    const winter =
      (
        await emulator.get(SHORT_TERM_PATH, {
          type: 'REALISED',
          ...period('2025-01-13T00:00:00+01:00', '2025-01-20T00:00:00+01:00'),
        })
      ).json<{ short_term: ShortTermEntry[] }>().short_term[0]?.values ?? [];
    const summer =
      (
        await emulator.get(SHORT_TERM_PATH, {
          type: 'REALISED',
          ...period('2025-07-14T00:00:00+02:00', '2025-07-21T00:00:00+02:00'),
        })
      ).json<{ short_term: ShortTermEntry[] }>().short_term[0]?.values ?? [];
    expect(mean(winter)).toBeGreaterThan(55_000);
    expect(mean(winter)).toBeLessThan(85_000);
    expect(mean(summer)).toBeGreaterThan(32_000);
    expect(mean(summer)).toBeLessThan(50_000);
    const at = (values: typeof winter, hhmm: string) =>
      values.find((v) => v.start_date.slice(11, 16) === hhmm)?.value ?? 0;
    expect(at(winter, '04:00')).toBeLessThan(at(winter, '19:00'));
  });

  it('counts 92 and 100 slots on DST days', async () => {
    emulator = await rteTestEmulator('2025-11-01T00:00:00Z');
    const spring = await emulator.get(SHORT_TERM_PATH, {
      type: 'REALISED',
      ...period('2025-03-30T00:00:00+01:00', '2025-03-31T00:00:00+02:00'),
    });
    expect(spring.json<{ short_term: ShortTermEntry[] }>().short_term[0]?.values).toHaveLength(92);
    const autumn = await emulator.get(SHORT_TERM_PATH, {
      type: 'REALISED',
      ...period('2025-10-26T00:00:00+02:00', '2025-10-27T00:00:00+01:00'),
    });
    const values = autumn.json<{ short_term: ShortTermEntry[] }>().short_term[0]?.values ?? [];
    expect(values).toHaveLength(100);
    // The repeated hour appears twice, once per offset.
    expect(values.filter((v) => v.start_date.startsWith('2025-10-26T02:00:00')).map((v) => v.start_date)).toEqual([
      '2025-10-26T02:00:00+02:00',
      '2025-10-26T02:00:00+01:00',
    ]);
  });

  it('publishes D-1 at 19:30 the day before and keeps forecasts close to realised', async () => {
    emulator = await rteTestEmulator('2025-01-15T18:29:00Z'); // 19:29 Paris
    const tomorrow = period('2025-01-16T00:00:00+01:00', '2025-01-17T00:00:00+01:00');
    const early = (await emulator.get(SHORT_TERM_PATH, { type: 'D-1', ...tomorrow })).json<{
      short_term: ShortTermEntry[];
    }>();
    expect(early.short_term[0]?.values).toEqual([]);
    emulator.setNow('2025-01-15T18:30:00Z');
    const late = (await emulator.get(SHORT_TERM_PATH, { type: 'D-1,D-2', ...tomorrow })).json<{
      short_term: ShortTermEntry[];
    }>();
    expect(late.short_term.map((e) => [e.type, e.values.length])).toEqual([
      ['D-1', 96],
      ['D-2', 96],
    ]);
    expect(late.short_term[0]?.values[0]?.updated_date).toBe('2025-01-15T19:30:00+01:00');
    expect(late.short_term[1]?.values[0]?.updated_date).toBe('2025-01-14T07:00:00+01:00');

    emulator.setNow('2025-01-17T12:00:00Z');
    const all = (await emulator.get(SHORT_TERM_PATH, tomorrow)).json<{ short_term: ShortTermEntry[] }>().short_term;
    expect(all.map((e) => e.type)).toEqual(['REALISED', 'ID', 'D-1', 'D-2']);
    const realised = all[0]?.values ?? [];
    for (const forecast of all.slice(1)) {
      forecast.values.forEach((v, i) => {
        const actual = realised[i]?.value ?? 0;
        expect(Math.abs(v.value - actual) / actual).toBeLessThan(0.05);
      });
    }
  });

  it('defaults to today and rejects bad parameters', async () => {
    emulator = await rteTestEmulator('2025-01-15T11:00:00Z');
    const today = (await emulator.get(SHORT_TERM_PATH, { type: 'ID' })).json<{ short_term: ShortTermEntry[] }>()
      .short_term[0];
    expect(today?.values).toHaveLength(96);
    expect(today?.values[0]?.updated_date).toBe('2025-01-15T12:00:00+01:00');
    const cases: [Record<string, string>, string][] = [
      [day('2025-01-15'), 'CONSUMPTION_SHORTTERM_F01'],
      [period('2025-01-16T00:00:00+01:00', '2025-01-15T00:00:00+01:00'), 'CONSUMPTION_SHORTTERM_F02'],
      [period('2024-01-01T00:00:00+01:00', '2025-01-15T00:00:00+01:00'), 'CONSUMPTION_SHORTTERM_F03'],
      [period('2025-01-15', '2025-01-16'), 'CONSUMPTION_SHORTTERM_F06'],
      [{ type: 'FORECAST' }, 'CONSUMPTION_SHORTTERM_F08'],
    ];
    for (const [query, code] of cases) {
      const response = await emulator.get(SHORT_TERM_PATH, query);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: code, error_uri: '' });
    }
  });
});

describe('Consumption weekly_forecasts', () => {
  it('returns D+3 … D+9 with a daily peak and 30-minute values', async () => {
    emulator = await rteTestEmulator('2025-01-15T11:00:00Z');
    const response = await emulator.get(WEEKLY_FORECASTS_PATH);
    expect(response.statusCode).toBe(200);
    const days = response.json<{
      weekly_forecasts: {
        start_date: string;
        updated_date: string;
        peak: { peak_hour: string; value: number; temperature: number; temperature_deviation: number };
        values: { start_date: string; end_date: string; value: number }[];
      }[];
    }>().weekly_forecasts;
    expect(days.map((d) => d.start_date.slice(0, 10))).toEqual([
      '2025-01-18',
      '2025-01-19',
      '2025-01-20',
      '2025-01-21',
      '2025-01-22',
      '2025-01-23',
      '2025-01-24',
    ]);
    for (const d of days) {
      expect(d.updated_date).toBe('2025-01-15T10:00:00+01:00');
      expect(d.values).toHaveLength(48);
      expect(d.peak.value).toBe(Math.max(...d.values.map((v) => v.value)));
      expect(d.values.some((v) => v.start_date === d.peak.peak_hour)).toBe(true);
      expect(d.peak.temperature).toBeGreaterThan(-20);
      expect(d.peak.temperature).toBeLessThan(20);
    }
  });
});
