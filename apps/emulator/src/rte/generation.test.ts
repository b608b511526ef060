import { afterEach, describe, expect, it } from 'vitest';
import { GENERATION_FORECAST_PATH } from './generation.ts';
import { rteTestEmulator, type RteTestEmulator } from './test-kit.ts';

interface Forecast {
  production_type: string;
  type: string;
  start_date: string;
  end_date: string;
  values: { start_date: string; end_date: string; updated_date: string; value: number }[];
}

let emulator: RteTestEmulator;
afterEach(() => emulator.close());

const forecasts = async (query: Record<string, string>) => {
  const response = await emulator.get(GENERATION_FORECAST_PATH, query);
  expect(response.statusCode).toBe(200);
  return response.json<{ forecasts: Forecast[] }>().forecasts;
};

describe('Generation forecast v3', () => {
  it('returns solar in MW: zero at night, a midday bell', async () => {
    emulator = await rteTestEmulator('2025-06-21T12:00:00Z');
    const [solar] = await forecasts({
      production_type: 'SOLAR',
      type: 'ID',
      start_date: '2025-06-21T00:00:00+02:00',
      end_date: '2025-06-22T00:00:00+02:00',
    });
    expect(solar).toMatchObject({ production_type: 'SOLAR', type: 'ID', start_date: '2025-06-21T00:00:00+02:00' });
    const values = solar?.values ?? [];
    expect(values).toHaveLength(48);
    expect(values[0]).toEqual({
      start_date: '2025-06-21T00:00:00+02:00',
      end_date: '2025-06-21T00:30:00+02:00',
      updated_date: '2025-06-21T14:00:00+02:00',
      value: 0,
    });
    const at = (hhmm: string) => values.find((v) => v.start_date.slice(11, 16) === hhmm)?.value ?? -1;
    expect(at('02:00')).toBe(0);
    expect(at('23:00')).toBe(0);
    expect(at('14:00')).toBeGreaterThan(4_000);
    expect(at('14:00')).toBeLessThan(30_000);
    expect(at('14:00')).toBeGreaterThan(at('09:00'));
  });

  it('returns onshore and offshore wind, all types when production_type is omitted', async () => {
    emulator = await rteTestEmulator('2025-01-15T12:00:00Z');
    const all = await forecasts({ type: 'CURRENT' });
    expect(all.map((f) => f.production_type)).toEqual(['SOLAR', 'WIND_ONSHORE', 'WIND_OFFSHORE']);
    const onshore = all[1]?.values ?? [];
    expect(onshore).toHaveLength(2 * 96); // today and tomorrow, 15-minute steps
    for (const { value } of onshore) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(25_000);
    }
    expect(Math.max(...(all[2]?.values ?? []).map((v) => v.value))).toBeLessThanOrEqual(1_470 * 1.1);
  });

  it('publishes D-1 at 18:00 the day before and answers 400 until then', async () => {
    emulator = await rteTestEmulator('2025-01-15T16:59:00Z'); // 17:59 Paris
    const tomorrow = {
      production_type: 'WIND_ONSHORE',
      type: 'D-1',
      start_date: '2025-01-16T00:00:00+01:00',
      end_date: '2025-01-17T00:00:00+01:00',
    };
    const early = await emulator.get(GENERATION_FORECAST_PATH, tomorrow);
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ error: 'GENERATIONFORECAST_FORECASTS_F04', error_uri: '' });
    emulator.setNow('2025-01-15T17:00:00Z');
    const [late] = await forecasts(tomorrow);
    expect(late?.values).toHaveLength(48);
    expect(late?.values[0]?.updated_date).toBe('2025-01-15T18:00:00+01:00');
    // Without dates, D-1 gives the latest published day.
    const [latest] = await forecasts({ production_type: 'SOLAR', type: 'D-1' });
    expect(latest?.start_date).toBe('2025-01-16T00:00:00+01:00');
  });

  it('answers 400 to D-2/D-3, to a missing type and to bad values', async () => {
    emulator = await rteTestEmulator('2025-01-15T12:00:00Z');
    const cases: [Record<string, string>, string][] = [
      [{ type: 'D-2' }, 'F04'],
      [{ type: 'D-3' }, 'F04'],
      [{ production_type: 'SOLAR' }, 'F09'],
      [{ type: 'TOMORROW' }, 'F09'],
      [{ type: 'ID', production_type: 'NUCLEAR' }, 'F08'],
      [{ type: 'ID', start_date: '2025-01-15T00:00:00+01:00' }, 'F01'],
      [{ type: 'ID', start_date: '2025-01-20T00:00:00+01:00', end_date: '2025-01-21T00:00:00+01:00' }, 'F04'],
    ];
    for (const [query, code] of cases) {
      const response = await emulator.get(GENERATION_FORECAST_PATH, query);
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      expect(response.json<{ error: string }>().error).toBe(`GENERATIONFORECAST_FORECASTS_${code}`);
    }
  });

  it('keeps forecasts deterministic', async () => {
    emulator = await rteTestEmulator('2025-01-15T12:00:00Z');
    const other = await rteTestEmulator('2025-01-15T12:00:00Z');
    const query = { type: 'ID', production_type: 'SOLAR,WIND_ONSHORE' };
    const body = (await emulator.get(GENERATION_FORECAST_PATH, query)).body;
    expect((await other.get(GENERATION_FORECAST_PATH, query)).body).toBe(body);
    await other.close();
  });
});
