import type { ConsumptionFranceResponse, GenerationMix } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { alignSeries, consumptionSeries, formatPower, mixAt, mixSeries, slotLabel, todayPeak } from './france.ts';
import { nowIndex, powerChartOption, powerTable } from './franceChart.ts';

const value = (start: string, mw: number) => ({ start_date: start, end_date: start, value: mw, updated_date: null });

const response: ConsumptionFranceResponse = {
  period: { start_date: '2026-11-20T00:00:00+01:00', end_date: '2026-11-23T00:00:00+01:00' },
  short_term: [
    {
      type: 'REALISED',
      values: [value('2026-11-21T00:00:00+01:00', 50_000), value('2026-11-21T00:15:00+01:00', 51_000)],
    },
    {
      type: 'ID',
      values: [
        value('2026-11-21T00:15:00+01:00', 51_500),
        value('2026-11-21T00:30:00+01:00', 60_000),
        value('2026-11-22T00:30:00+01:00', 70_000),
      ],
    },
    { type: 'D-1', values: [value('2026-11-21T00:00:00+01:00', 49_000), value('2026-11-20T23:45:00+01:00', 80_000)] },
    { type: 'D-2', values: [] },
    { type: 'WEEKLY', values: [value('2026-11-21T00:00:00+01:00', 1)] },
  ],
};

describe('consumptionSeries', () => {
  const aligned = consumptionSeries(response);

  it('aligns the four series on the sorted union of slot starts, without WEEKLY', () => {
    expect(aligned.instants.map((at) => new Date(at).toISOString())).toEqual([
      '2026-11-20T22:45:00.000Z',
      '2026-11-20T23:00:00.000Z',
      '2026-11-20T23:15:00.000Z',
      '2026-11-20T23:30:00.000Z',
      '2026-11-21T23:30:00.000Z',
    ]);
    expect(aligned.values.REALISED).toEqual([null, 50_000, 51_000, null, null]);
    expect(aligned.values.ID).toEqual([null, null, 51_500, 60_000, 70_000]);
    expect(aligned.values['D-1']).toEqual([80_000, 49_000, null, null, null]);
    expect(aligned.values['D-2']).toEqual([null, null, null, null, null]);
    expect(Object.keys(aligned.values)).not.toContain('WEEKLY');
  });

  it('finds today’s peak from the realised value first, then the freshest forecast, on Paris days only', () => {
    // 2026-11-20T23:45+01:00 (80 GW) is yesterday in Paris; 2026-11-22 (70 GW) is tomorrow.
    expect(todayPeak(aligned, '2026-11-21')).toEqual({ value: 60_000, at: Date.parse('2026-11-21T00:30:00+01:00') });
    expect(todayPeak(aligned, '2026-11-25')).toBeNull();
  });

  it('uses the realised value over a forecast of the same slot', () => {
    const only = alignSeries(
      {
        REALISED: [value('2026-11-21T12:00:00+01:00', 40_000)],
        ID: [value('2026-11-21T12:00:00+01:00', 90_000)],
        'D-1': [],
        'D-2': [],
      },
      ['REALISED', 'ID', 'D-1', 'D-2'],
    );
    expect(todayPeak(only, '2026-11-21')?.value).toBe(40_000);
  });
});

describe('mix', () => {
  const mix: GenerationMix = {
    forecast_type: 'ID',
    period: { start_date: '2026-11-21T00:00:00+01:00', end_date: '2026-11-23T00:00:00+01:00' },
    mix: [
      { start_date: '2026-11-21T12:00:00+01:00', solar: 3000, wind: 8000, total_renewable: 11_000 },
      { start_date: '2026-11-21T12:30:00+01:00', solar: null, wind: 7000, total_renewable: 7000 },
    ],
  };

  it('aligns solar and wind, keeping unknown values null', () => {
    expect(mixSeries(mix).values).toEqual({ solar: [3000, null], wind: [8000, 7000] });
  });

  it('finds the slot containing now', () => {
    expect(mixAt(mix, Date.parse('2026-11-21T12:29:59+01:00'))?.total).toBe(11_000);
    expect(mixAt(mix, Date.parse('2026-11-21T12:30:00+01:00'))).toMatchObject({ solar: null, wind: 7000 });
    expect(mixAt(mix, Date.parse('2026-11-21T13:00:00+01:00'))).toBeNull();
  });
});

describe('formatting', () => {
  it('writes power in GW from 1,000 MW, in MW below', () => {
    expect(formatPower(57_477, 'fr').replace(/\s/g, ' ')).toBe('57,5 GW');
    expect(formatPower(57_477, 'en')).toBe('57.5 GW');
    expect(formatPower(850.4, 'fr')).toBe('850 MW');
    expect(formatPower(0, 'en')).toBe('0 MW');
  });

  it('labels slots in Paris wall-clock time whatever the process zone', () => {
    expect(slotLabel(Date.parse('2026-11-21T21:30:00+01:00'), false)).toBe('21:30');
    expect(slotLabel(Date.parse('2026-07-01T00:15:00+02:00'), true)).toBe('01/07 00:15');
  });
});

describe('power chart', () => {
  const instants = [0, 900_000, 1_800_000];

  it('marks the slot that contains now, none outside the series', () => {
    expect(nowIndex(instants, 1_000_000, 900_000)).toBe(1);
    expect(nowIndex(instants, 1_800_000, 900_000)).toBe(2);
    expect(nowIndex(instants, 2_700_000, 900_000)).toBe(-1);
    expect(nowIndex(instants, -1, 900_000)).toBe(-1);
    expect(nowIndex([], 0, 900_000)).toBe(-1);
  });

  it('draws MW as GW, stacks areas, and marks now on the first series only', () => {
    const aligned = alignSeries(
      { wind: [value('2026-11-21T12:00:00+01:00', 8000)], solar: [value('2026-11-21T12:00:00+01:00', 3000)] },
      ['wind', 'solar'],
    );
    const option = powerChartOption({
      aligned,
      lines: [
        { key: 'wind', name: 'Wind', color: '#000', style: 'area' },
        { key: 'solar', name: 'Solar', color: '#111', style: 'area' },
      ],
      language: 'en',
      nowIndex: 0,
      nowLabel: 'Now',
      nowColor: '#f00',
    });
    const series = option.series as { data: (number | null)[]; stack?: string; markLine?: unknown }[];
    expect(series.map((entry) => entry.data)).toEqual([[8], [3]]);
    expect(series.every((entry) => entry.stack === 'total')).toBe(true);
    expect(series[0]?.markLine).toBeDefined();
    expect(series[1]?.markLine).toBeUndefined();
  });

  it('downloads what the chart shows in MW with Paris instants', () => {
    const aligned = consumptionSeries(response);
    const table = powerTable(aligned, [{ key: 'REALISED', name: 'Measured', color: '#000', style: 'bold' }], 'Start');
    expect(table.columns).toEqual([
      { key: 'start', label: 'Start' },
      { key: 'REALISED', label: 'Measured (MW)' },
    ]);
    expect(table.rows[1]).toEqual({ start: '2026-11-21T00:00:00+01:00', REALISED: 50_000 });
    expect(table.rows[0]).toEqual({ start: '2026-11-20T23:45:00+01:00', REALISED: null });
  });
});
