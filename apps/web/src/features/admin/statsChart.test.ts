import { describe, expect, it } from 'vitest';
import { dailyCallsOption, dailyCallsTable, shortDay } from './statsChart.ts';

const labels = { cached: 'Cache', noCache: 'Enedis', enedisErrors: 'Erreurs', day: 'Jour' };
const daily = [
  { date: '2026-03-29', cached: 3, no_cache: 2, enedis_calls: 2, enedis_errors: 1 },
  { date: '2026-03-30', cached: 0, no_cache: 0, enedis_calls: 0, enedis_errors: 0 },
];

describe('the overview chart of calls per day', () => {
  it('labels each Paris day by its calendar date, whatever the browser’s zone (the DST day included)', () => {
    expect(shortDay('2026-03-29', 'fr')).toBe('29/03');
    expect(shortDay('2026-03-29', 'en')).toBe('29 Mar');
  });

  it('stacks cached and Enedis calls and puts the errors on their own axis', () => {
    const option = dailyCallsOption(daily, labels, 'fr', { cached: '#000', noCache: '#111', errors: '#222' });
    const series = option.series as { name: string; data: number[]; stack?: string; yAxisIndex?: number }[];
    expect(series.map((entry) => [entry.name, entry.data, entry.stack, entry.yAxisIndex])).toEqual([
      ['Cache', [3, 0], 'calls', undefined],
      ['Enedis', [2, 0], 'calls', undefined],
      ['Erreurs', [1, 0], undefined, 1],
    ]);
  });

  it('downloads the same figures', () => {
    expect(dailyCallsTable(daily, labels).rows).toEqual([
      { date: '2026-03-29', cached: 3, no_cache: 2, enedis_errors: 1 },
      { date: '2026-03-30', cached: 0, no_cache: 0, enedis_errors: 0 },
    ]);
  });
});
