import type { CachePort } from './cache.port.ts';
import { MemoryCache } from './memory-cache.ts';
import { ValkeyCache } from './valkey-cache.ts';

/** Valkey when `REDIS_URL` is set, otherwise the in-memory cache of the embedded default. */
export function createCache(redisUrl: string | undefined, keyPrefix = ''): CachePort {
  return redisUrl ? new ValkeyCache(redisUrl, keyPrefix) : new MemoryCache();
}
