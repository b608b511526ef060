import { addDays, parisMidnightUtc, parisToday } from '@med/core';
import { z } from 'zod';

/** The gateway's per-user allowance of calls that may reach Enedis (the reference's default, ours too). */
export const DEFAULT_GATEWAY_CALLS_PER_DAY = 50;
/** A gateway call of the sync before any was timed: a 183-day curve is ~27 Enedis calls at 5/s. */
export const DEFAULT_CALL_MS = 6_000;

/** The gateway's `GET /api/accounts/usage-stats`: today's calls and limits, reset at midnight Paris time. */
export const gatewayUsageSchema = z.object({
  data: z.object({
    no_cache_requests: z.number().int(),
    no_cache_limit: z.number().int().nullable(),
    reset_at: z.string(),
  }),
});

export interface GatewayQuota {
  used: number;
  /** null: the account is not limited (a gateway admin). */
  limit: number | null;
  resetAt: string;
}

export interface FirstSyncEstimate {
  remaining_calls: number;
  quota_left_today: number | null;
  quota_per_day: number | null;
  estimated_finish_at: string | null;
}

/**
 * When the whole first sync will be stored: the calls it still needs, spent at the measured pace within
 * what is left of today's quota, then one quota's worth per gateway day after each reset. Every call of
 * the plan is counted as one that may reach Enedis (`use_cache=true` calls served from the gateway's cache
 * cost nothing there, so this errs late). A quota cut in force (`resumeAt`) starts the count there.
 */
export function estimateFirstSync(input: {
  remainingCalls: number;
  quota: GatewayQuota | null;
  resumeAt: string | null;
  now: Date;
  averageCallMs: number;
}): FirstSyncEstimate {
  const { remainingCalls, quota, now, averageCallMs } = input;
  const perDay = quota ? quota.limit : DEFAULT_GATEWAY_CALLS_PER_DAY;
  // A quota read before its reset counts nothing of today.
  const fresh = quota !== null && Date.parse(quota.resetAt) > now.getTime();
  const leftToday =
    perDay === null ? null : input.resumeAt !== null ? 0 : Math.max(0, perDay - (fresh ? quota.used : 0));
  if (remainingCalls === 0) {
    return { remaining_calls: 0, quota_left_today: leftToday, quota_per_day: perDay, estimated_finish_at: null };
  }
  const start = Math.max(now.getTime(), input.resumeAt ? Date.parse(input.resumeAt) : 0);
  let finish: number;
  if (leftToday === null || perDay === null || remainingCalls <= leftToday) {
    finish = start + remainingCalls * averageCallMs;
  } else if (perDay === 0) {
    return { remaining_calls: remainingCalls, quota_left_today: 0, quota_per_day: 0, estimated_finish_at: null };
  } else {
    const afterToday = remainingCalls - leftToday;
    const extraDays = Math.ceil(afterToday / perDay);
    // The next reset: the one the gateway announced, else the next Paris midnight; never before a cut ends.
    const announced = fresh ? Date.parse(quota.resetAt) : parisMidnightUtc(addDays(parisToday(now), 1)).getTime();
    const nextReset = Math.max(start, announced);
    const lastDayCalls = afterToday - (extraDays - 1) * perDay;
    finish = nextReset + (extraDays - 1) * 24 * 3600_000 + lastDayCalls * averageCallMs;
  }
  return {
    remaining_calls: remainingCalls,
    quota_left_today: leftToday,
    quota_per_day: perDay,
    estimated_finish_at: new Date(finish).toISOString(),
  };
}
