import { ErrorCode } from '@med/contracts';
import type { CachePort } from '../cache/cache.port.ts';
import type { ServerKeys } from '../security/keys.ts';
import { tooManyRequests } from './app-error.ts';

/**
 * Fixed-window attempt counters in the cache (shared by every instance when Valkey is used).
 * Names (which contain IPs or emails) are hashed with a server key: no personal data in key names.
 */
export function createThrottle(cache: CachePort, windowSeconds: number, keys: ServerKeys) {
  const key = (name: string) => `throttle:${keys.hmac('cache-keys', `throttle:${name}`).slice(0, 32)}`;
  return {
    /** Counts one attempt and throws 429 with Retry-After once `limit` is exceeded. */
    async hit(name: string, limit: number): Promise<void> {
      const { count, ttlMs } = await cache.increment(key(name), windowSeconds);
      if (count > limit) {
        throw tooManyAttempts(ttlMs, windowSeconds);
      }
    },
    /**
     * Throws 429 when the counter already reached `limit`; below it nothing is counted. Once blocked,
     * one more increment reads the time left in the window for Retry-After: the counter only grows
     * past a limit it already reached and keeps its expiry (set when the window opened), so the block
     * ends exactly when it would have.
     */
    async check(name: string, limit: number): Promise<void> {
      if ((await cache.counter(key(name))) < limit) {
        return;
      }
      const { count, ttlMs } = await cache.increment(key(name), windowSeconds);
      // count 1: the window ended between the two calls, so the caller is not blocked any more.
      if (count > 1) {
        throw tooManyAttempts(ttlMs, windowSeconds);
      }
    },
    async reset(name: string): Promise<void> {
      await cache.delete(key(name));
    },
  };
}
export type Throttle = ReturnType<typeof createThrottle>;

function tooManyAttempts(ttlMs: number, windowSeconds: number) {
  const retryAfter = ttlMs > 0 ? ttlMs / 1000 : windowSeconds;
  return tooManyRequests(ErrorCode.TOO_MANY_ATTEMPTS, 'Trop de tentatives. Réessayez plus tard.', retryAfter);
}
