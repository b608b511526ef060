import { describe, expect, it } from 'vitest';
import { chunkRange, missingDayRanges, planRange } from './ranges.ts';

describe('planRange', () => {
  const today = '2026-11-21';
  it('keeps a range that ends yesterday (end exclusive) untouched', () => {
    expect(planRange({ start: '2026-11-01', end: '2026-11-21', today, historyMonths: 36 })).toEqual({
      ok: true,
      range: { start: '2026-11-01', end: '2026-11-21' },
      clampedStart: false,
      clampedEnd: false,
    });
  });
  it('caps end at today: the last available day (yesterday) is kept', () => {
    const plan = planRange({ start: '2026-11-10', end: '2026-12-31', today, historyMonths: 36 });
    expect(plan).toMatchObject({ ok: true, range: { start: '2026-11-10', end: '2026-11-21' }, clampedEnd: true });
  });
  it('a single day is [D, D+1)', () => {
    expect(planRange({ start: '2026-11-20', end: '2026-11-21', today, historyMonths: 36 })).toMatchObject({
      ok: true,
      range: { start: '2026-11-20', end: '2026-11-21' },
    });
  });
  it('refuses empty, reversed and future-only ranges', () => {
    expect(planRange({ start: '2026-11-20', end: '2026-11-20', today, historyMonths: 36 })).toEqual({
      ok: false,
      reason: 'start_not_before_end',
    });
    expect(planRange({ start: '2026-11-21', end: '2026-11-22', today, historyMonths: 36 })).toEqual({
      ok: false,
      reason: 'nothing_before_today',
    });
  });
  it('clamps to the history depth and the activation date', () => {
    expect(planRange({ start: '2020-01-01', end: '2025-01-01', today, historyMonths: 24 })).toMatchObject({
      ok: true,
      range: { start: '2024-11-22' },
      clampedStart: true,
    });
    expect(
      planRange({ start: '2024-01-01', end: '2025-01-01', today, historyMonths: 36, activationDate: '2024-06-15' }),
    ).toMatchObject({ ok: true, range: { start: '2024-06-15' } });
    expect(planRange({ start: '2020-01-01', end: '2021-01-01', today, historyMonths: 36 })).toEqual({
      ok: false,
      reason: 'before_history',
    });
  });
});

describe('chunkRange', () => {
  it('splits a year of load curve into 7-day calls without losing or repeating a day', () => {
    const chunks = chunkRange({ start: '2025-11-21', end: '2026-11-21' }, 7);
    expect(chunks).toHaveLength(53);
    expect(chunks[0]).toEqual({ start: '2025-11-21', end: '2025-11-28' });
    expect(chunks.at(-1)).toEqual({ start: '2026-11-20', end: '2026-11-21' });
    chunks.slice(1).forEach((chunk, index) => expect(chunk.start).toBe(chunks[index]?.end));
  });
  it('splits three years of daily data into ≤ 365-day calls', () => {
    const chunks = chunkRange({ start: '2023-11-21', end: '2026-11-21' }, 365);
    expect(chunks.map((chunk) => chunk.end)).toEqual(['2024-11-20', '2025-11-20', '2026-11-20', '2026-11-21']);
  });
});

describe('missingDayRanges', () => {
  it('groups consecutive days and splits long runs', () => {
    expect(missingDayRanges(['2026-03-01', '2026-03-02', '2026-03-04'], 7)).toEqual([
      { start: '2026-03-01', end: '2026-03-03' },
      { start: '2026-03-04', end: '2026-03-05' },
    ]);
    const days = Array.from({ length: 10 }, (_, index) => `2026-03-${String(index + 1).padStart(2, '0')}`);
    expect(missingDayRanges(days, 7)).toEqual([
      { start: '2026-03-01', end: '2026-03-08' },
      { start: '2026-03-08', end: '2026-03-11' },
    ]);
  });
});
