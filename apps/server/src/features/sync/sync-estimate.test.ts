import { describe, expect, it } from 'vitest';
import { estimateFirstSync } from './sync-estimate.ts';

const NOW = new Date('2026-03-10T10:00:00.000Z');
// Midnight Paris time after NOW (UTC+1 in March before the DST change).
const RESET = '2026-03-10T23:00:00.000Z';

describe('estimateFirstSync', () => {
  it('is done when nothing is left', () => {
    expect(
      estimateFirstSync({ remainingCalls: 0, quota: null, resumeAt: null, now: NOW, averageCallMs: 5000 }),
    ).toEqual({ remaining_calls: 0, quota_left_today: 50, quota_per_day: 50, estimated_finish_at: null });
  });

  it('finishes today at the measured pace when the quota left covers the calls', () => {
    const estimate = estimateFirstSync({
      remainingCalls: 9,
      quota: { used: 10, limit: 50, resetAt: RESET },
      resumeAt: null,
      now: NOW,
      averageCallMs: 4000,
    });
    expect(estimate).toEqual({
      remaining_calls: 9,
      quota_left_today: 40,
      quota_per_day: 50,
      estimated_finish_at: '2026-03-10T10:00:36.000Z',
    });
  });

  it('spreads the rest over the following gateway days, one quota per reset', () => {
    // 2 left today, then 5 per day: 12 calls → 2 today, 5 on day 1, 5 on day 2.
    const estimate = estimateFirstSync({
      remainingCalls: 12,
      quota: { used: 3, limit: 5, resetAt: RESET },
      resumeAt: null,
      now: NOW,
      averageCallMs: 1000,
    });
    expect(estimate.quota_left_today).toBe(2);
    expect(estimate.estimated_finish_at).toBe('2026-03-11T23:00:05.000Z');
  });

  it('starts from the end of a quota cut, with nothing left today', () => {
    const estimate = estimateFirstSync({
      remainingCalls: 3,
      quota: { used: 2, limit: 2, resetAt: RESET },
      resumeAt: RESET,
      now: NOW,
      averageCallMs: 1000,
    });
    expect(estimate).toMatchObject({ quota_left_today: 0, quota_per_day: 2 });
    // 2 calls the first day after the cut, the third the day after.
    expect(estimate.estimated_finish_at).toBe('2026-03-11T23:00:01.000Z');
  });

  it('counts a quota read before its reset as a whole new day, and an unlimited account as no wait', () => {
    const stale = estimateFirstSync({
      remainingCalls: 4,
      quota: { used: 50, limit: 50, resetAt: '2026-03-09T23:00:00.000Z' },
      resumeAt: null,
      now: NOW,
      averageCallMs: 1000,
    });
    expect(stale).toMatchObject({ quota_left_today: 50, estimated_finish_at: '2026-03-10T10:00:04.000Z' });
    const unlimited = estimateFirstSync({
      remainingCalls: 400,
      quota: { used: 900, limit: null, resetAt: RESET },
      resumeAt: null,
      now: NOW,
      averageCallMs: 1000,
    });
    expect(unlimited).toMatchObject({ quota_left_today: null, estimated_finish_at: '2026-03-10T10:06:40.000Z' });
  });
});
