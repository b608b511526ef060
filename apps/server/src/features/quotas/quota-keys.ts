import { addDays, parisMidnightUtc, parisToday } from '@med/core';
import type { ServerKeys } from '../../security/keys.ts';

export type QuotaKind = 'cached' | 'no_cache';

/** Quotas reset at midnight Paris time; the day is part of the key and keys expire after it. */
export function quotaDay(now: Date = new Date()): { day: string; resetAt: Date; secondsLeft: number } {
  const day = parisToday(now);
  const resetAt = parisMidnightUtc(addDays(day, 1));
  return { day, resetAt, secondsLeft: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)) };
}

export function quotaKey(keys: ServerKeys, userId: string, day: string, kind: QuotaKind): string {
  return `quota:${day}:${keys.hmac('cache-keys', `quota:${userId}`).slice(0, 22)}:${kind}`;
}
