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
    /** Throws 429 (Retry-After: the time left in the window) when the counter already reached `limit`; counts nothing. */
    async check(name: string, limit: number): Promise<void> {
      if ((await cache.counter(key(name))) < limit) {
        return;
      }
      const ttlMs = await cache.ttlMs(key(name));
      // 0: the window ended between the two reads, so the caller is not blocked any more.
      if (ttlMs !== 0) {
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
