import { ErrorCode } from '@med/contracts';
import type { FastifyReply } from 'fastify';
import type { CachePort } from '../../cache/cache.port.ts';
import type { Config } from '../../config/config.ts';
import { tooManyRequests } from '../../http/app-error.ts';
import type { AuthUser } from '../../http/auth.ts';
import type { ServerKeys } from '../../security/keys.ts';
import { quotaDay, quotaKey, type QuotaKind } from './quota-keys.ts';

/**
 * Daily per-user quotas of the metering API, reset at midnight Paris time.
 * A request that has to reach Enedis counts against `no_cache` (USER_DAILY_LIMIT_NO_CACHE); a request
 * served entirely from the cache counts against `cached` (USER_DAILY_LIMIT_WITH_CACHE). The check and the
 * increment are one atomic step on both backends, so concurrent requests can never overshoot.
 * Admins (and the demo account) are counted but not limited.
 */
export function createQuotas(deps: {
  cache: CachePort;
  keys: ServerKeys;
  config: Config;
  /** Told of each call let through, by route pattern (the admin overview's counters). */
  recordCall: (userId: string, endpoint: string, kind: QuotaKind) => Promise<void>;
  /** Told of each call refused past the limit (the Prometheus refusal counter). */
  onRefused?: (kind: QuotaKind) => void;
}) {
  /** Counts the call against the user's quota of `kind`; refuses it (429) past the limit. */
  async function limit(user: AuthUser, kind: QuotaKind, reply: FastifyReply): Promise<void> {
    const { day, resetAt, secondsLeft } = quotaDay();
    const key = quotaKey(deps.keys, user.id, day, kind);
    const limit = kind === 'cached' ? deps.config.quotas.withCachePerDay : deps.config.quotas.noCachePerDay;
    // Keys outlive the day a little so a clock skew between instances cannot reset a counter early.
    const ttl = secondsLeft + 3600;
    // The demo account reads emulator meters and is shared by every visitor: counted, never blocked.
    if (user.isAdmin || user.isDemo) {
      await deps.cache.increment(key, ttl);
      return;
    }
    const { allowed, count } = await deps.cache.incrementBelow(key, limit, ttl);
    void reply.headers({
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - count)),
      'x-ratelimit-reset': String(Math.floor(resetAt.getTime() / 1000)),
      'x-ratelimit-scope': kind,
    });
    if (!allowed) {
      deps.onRefused?.(kind);
      const error = tooManyRequests(
        ErrorCode.RATE_LIMIT_EXCEEDED,
        `Quota quotidien atteint (${limit} requêtes ${kind === 'cached' ? 'servies par le cache' : 'vers Enedis'}). Réinitialisation à ${resetAt.toISOString()} (minuit, heure de Paris).`,
        secondsLeft,
      );
      throw error;
    }
  }

  return {
    async consume(user: AuthUser, kind: QuotaKind, reply: FastifyReply): Promise<void> {
      await limit(user, kind, reply);
      await deps.recordCall(user.id, reply.request.routeOptions.url ?? 'unknown', kind);
    },
  };
}
export type Quotas = ReturnType<typeof createQuotas>;
