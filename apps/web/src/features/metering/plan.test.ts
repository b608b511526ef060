import { describe, expect, it } from 'vitest';
import { curveChunksFor, curveHistoryChunks, dailyChunks, uniqueRanges } from './plan.ts';

describe('history plan', () => {
  const today = '2025-11-05';

  it('splits three years of daily data into ≤ 365-day calls ending today, clipped to the history', () => {
    const chunks = dailyChunks('consumption_daily', today, null, 3);
    expect(chunks).toEqual([
      { start: '2024-11-05', end: '2025-11-05' },
      { start: '2023-11-06', end: '2024-11-05' },
      // 36 months back plus one safety day.
      { start: '2022-11-06', end: '2023-11-06' },
    ]);
    for (const chunk of chunks) {
      expect(Date.parse(chunk.end) - Date.parse(chunk.start)).toBeLessThanOrEqual(365 * 86_400_000);
    }
  });

  it('stops at the activation date', () => {
    expect(dailyChunks('max_power', today, '2024-02-01', 3)).toEqual([
      { start: '2024-11-05', end: '2025-11-05' },
      { start: '2024-02-01', end: '2024-11-05' },
    ]);
  });

  it('splits two years of load curve into three-month calls, newest first, without gaps', () => {
    const chunks = curveHistoryChunks('consumption_curve', today, null);
    expect(chunks[0]).toEqual({ start: '2025-09-01', end: '2025-11-05' });
    expect(chunks[1]).toEqual({ start: '2025-06-01', end: '2025-09-01' });
    expect(chunks.at(-1)).toEqual({ start: '2023-11-06', end: '2023-12-01' });
    expect(chunks).toHaveLength(9);
    chunks.slice(1).forEach((chunk, index) => expect(chunk.end).toBe(chunks[index]?.start));
  });

  it('stops at yesterday on the first of the month (nothing before today yet)', () => {
    expect(curveHistoryChunks('production_curve', '2025-11-01', null)[0]).toEqual({
      start: '2025-09-01',
      end: '2025-11-01',
    });
  });

  it('finds the month calls a view needs', () => {
    expect(curveChunksFor('consumption_curve', { start: '2025-09-29', end: '2025-10-06' }, today, null)).toEqual([
      { start: '2025-09-01', end: '2025-10-01' },
      { start: '2025-10-01', end: '2025-11-01' },
    ]);
    expect(curveChunksFor('consumption_curve', { start: '2020-01-01', end: '2020-01-08' }, today, null)).toEqual([]);
  });

  it('removes duplicate ranges keeping the first', () => {
    const a = { start: '2025-01-01', end: '2025-02-01' };
    const b = { start: '2025-02-01', end: '2025-03-01' };
    expect(uniqueRanges([a, b, { ...a }])).toEqual([a, b]);
  });
});
