import { randomBytes } from 'node:crypto';
import type { CachePort } from '../cache/cache.port.ts';

/**
 * A lock in the shared cache (Valkey across instances, memory for one): taken with `setIfAbsent` and a
 * random token, given back with a compare-and-delete so an instance whose lock expired never deletes
 * the lock another instance took since. The TTL frees the lock of an instance that died mid-run.
 */
export function createJobLock(cache: CachePort) {
  return {
    async acquire(key: string, ttlMs: number): Promise<string | null> {
      const token = randomBytes(16).toString('hex');
      return (await cache.setIfAbsent(key, token, ttlMs)) ? token : null;
    },
    async release(key: string, token: string): Promise<void> {
      await cache.deleteIfEquals(key, token);
    },
  };
}
export type JobLock = ReturnType<typeof createJobLock>;
