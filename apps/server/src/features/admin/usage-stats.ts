import { addDays, parisToday } from '@med/core';
import type { FastifyBaseLogger } from 'fastify';
import type { CachePort } from '../../cache/cache.port.ts';

/** What the Enedis client reports as it works (one event per HTTP attempt, 429, 5xx answer or retry). */
export type EnedisEvent = 'call' | 'throttled' | 'server_error' | 'retry';
export type CallKind = 'cached' | 'no_cache';

/** Days of history kept for the overview's chart, and how long a day's counters live. */
export const HISTORY_DAYS = 30;
const DAY_TTL_SECONDS = (HISTORY_DAYS + 5) * 86_400;
/** Per-user counters only feed today's top users. */
const USERS_TTL_SECONDS = 2 * 86_400;

const dayKey = (day: string) => `stats:day:${day}`;
const usersKey = (day: string) => `stats:users:${day}`;

export interface DayCounters {
  date: string;
  /** `calls:<kind>`, `endpoint:<kind>:<route>`, `enedis:<event>` → count. */
  fields: Record<string, number>;
}

/**
 * Usage counters of the gateway, kept as calls happen: one hash of counters per Paris day (calls by kind,
 * by route, Enedis events) and one per day of calls by user, in the cache every instance shares. Hash
 * increments are atomic on Valkey, so two instances never lose a count; reading the overview reads a
 * fixed set of keys and never scans.
 */
export function createUsageStats(deps: { cache: CachePort; log: FastifyBaseLogger; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const today = () => parisToday(now());

  return {
    /** One metering call served to `userId` by `endpoint` (the route pattern, no meter number in it). */
    async recordCall(userId: string, endpoint: string, kind: CallKind): Promise<void> {
      const day = today();
      await Promise.all([
        deps.cache.incrementFields(dayKey(day), [`calls:${kind}`, `endpoint:${kind}:${endpoint}`], DAY_TTL_SECONDS),
        deps.cache.incrementFields(usersKey(day), [userId], USERS_TTL_SECONDS),
      ]);
    },

    /** Fire and forget: counting must never slow down or fail an Enedis call. */
    recordEnedis(event: EnedisEvent): void {
      deps.cache
        .incrementFields(dayKey(today()), [`enedis:${event}`], DAY_TTL_SECONDS)
        .catch((error: unknown) => deps.log.warn({ err: error }, 'usage counter not written'));
    },

    /** The last `HISTORY_DAYS` days' counters, oldest first (today last). */
    async days(): Promise<DayCounters[]> {
      const last = today();
      const dates = Array.from({ length: HISTORY_DAYS }, (_, index) => addDays(last, index - HISTORY_DAYS + 1));
      const fields = await Promise.all(dates.map((date) => deps.cache.readFields(dayKey(date))));
      return dates.map((date, index) => ({ date, fields: fields[index] ?? {} }));
    },

    /** Today's calls per user id. */
    usersToday(): Promise<Record<string, number>> {
      return deps.cache.readFields(usersKey(today()));
    },
  };
}
export type UsageStats = ReturnType<typeof createUsageStats>;
