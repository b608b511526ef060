import { createSecretKey, randomBytes } from 'node:crypto';
import type { CachePort } from '../../cache/cache.port.ts';
import { cacheIndexKey, userCachePrefix, type CachedDataKind } from '../../cache/user-keys.ts';
import { open, seal } from '../../security/aead.ts';
import type { ServerKeys } from '../../security/keys.ts';

export type Dataset = 'consumption_daily' | 'consumption_curve' | 'production_daily' | 'production_curve' | 'max_power';

/**
 * A month bundle: index = day of month − 1; each entry is `[storedAtMs, items]`, `[storedAtMs]` or null.
 * `[storedAtMs]` (no items at all, not an empty or zero value) means "Enedis answered and had no data
 * for this day": the day is not asked again until the entry expires, like any cached day.
 * An array (not an object keyed by date) parses and indexes several times faster: a year is 13 bundles
 * on every request. Each day keeps its own store time, so the TTL applies per day.
 */
type StoredDay<T> = [at: number, items: T] | [at: number];
type Bundle<T> = (StoredDay<T> | null)[];

/** Fresh cached days of a read: their items, and the days Enedis answered it had no data for. */
export interface CachedDays<T> {
  found: Map<string, T>;
  noData: Set<string>;
}

const kindOf = (dataset: Dataset): CachedDataKind => (dataset.startsWith('production') ? 'production' : 'consumption');

const dayIndex = (day: string) => Number(day.slice(8, 10)) - 1;

/** A month entry is rewritten under a short lock; a writer that crashed frees it after this long. */
const LOCK_TTL_MS = 5_000;
/** A writer that cannot get the lock within this long skips caching: the days are simply fetched again. */
const LOCK_WAIT_MS = 3_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Per-user encrypted cache of complete days. Days are the unit of completeness (a day is stored only
 * once complete) while storage is one entry per calendar month, so a year is read with 13 keys.
 *
 * - Key names: `<opaque user prefix>m:<dataset>:<keyed hash of the PRM>:<YYYY-MM>` — no PRM in clear.
 * - Values: AES-256-GCM under a key derived (HKDF) from the server key and the user's client secret,
 *   with the key name as associated data. Rotating the secret makes old entries unreadable and the
 *   rotation deletes them anyway.
 * - Writes re-read and merge a month entry under a per-entry lock (`setIfAbsent`), so two requests
 *   caching different days of one month, on one instance or several, never drop each other's days.
 */
export function createDayCache(options: { cache: CachePort; keys: ServerKeys; ttlSeconds: number }) {
  const { cache, keys, ttlSeconds } = options;

  return {
    forUser(userId: string, clientSecret: string) {
      const prefix = userCachePrefix(keys, userId);
      // One KeyObject per request: Node would otherwise rebuild it for every bundle.
      const key = createSecretKey(keys.derive('cache-encryption', `user:${clientSecret}`));
      const prmHashes = new Map<string, string>();
      const prmHash = (prm: string): string => {
        let hash = prmHashes.get(prm);
        if (hash === undefined) {
          hash = keys.hmac('cache-keys', `prm:${prm}`).slice(0, 22);
          prmHashes.set(prm, hash);
        }
        return hash;
      };
      const name = (dataset: Dataset, prm: string, month: string) => `${prefix}m:${dataset}:${prmHash(prm)}:${month}`;

      function openBundle<T>(keyName: string, sealed: Buffer | null): Bundle<T> {
        const plain = sealed ? open(key, sealed, keyName) : null;
        if (!plain) {
          return [];
        }
        try {
          const parsed: unknown = JSON.parse(plain.toString());
          return Array.isArray(parsed) ? (parsed as Bundle<T>) : [];
        } catch {
          return [];
        }
      }

      async function readBundle<T>(keyName: string): Promise<Bundle<T>> {
        return openBundle<T>(keyName, await cache.get(keyName));
      }

      /** Runs `work` holding the entry's lock; gives up (without running it) when the lock stays taken. */
      async function underLock(keyName: string, work: () => Promise<void>): Promise<void> {
        const lockName = `${keyName}:lock`;
        const token = randomBytes(12).toString('base64url');
        // performance.now(), not Date.now(): a moved wall clock must not make the wait endless or empty.
        const deadline = performance.now() + LOCK_WAIT_MS;
        while (!(await cache.setIfAbsent(lockName, token, LOCK_TTL_MS))) {
          if (performance.now() > deadline) {
            return;
          }
          await sleep(2 + Math.random() * 8);
        }
        try {
          await work();
        } finally {
          await cache.deleteIfEquals(lockName, token);
        }
      }

      /** Like `read`, plus the still fresh days Enedis answered it had no data for. */
      async function readWithNoData<T>(dataset: Dataset, prm: string, days: readonly string[]): Promise<CachedDays<T>> {
        const months = [...new Set(days.map((day) => day.slice(0, 7)))];
        const names = months.map((month) => name(dataset, prm, month));
        const sealed = await cache.getMany(names);
        const bundles = names.map((keyName, index) => openBundle<T>(keyName, sealed[index] ?? null));
        const oldest = Date.now() - ttlSeconds * 1000;
        const found = new Map<string, T>();
        const noData = new Set<string>();
        const byMonth = new Map(months.map((month, index) => [month, bundles[index] ?? []]));
        for (const day of days) {
          const stored = byMonth.get(day.slice(0, 7))?.[dayIndex(day)];
          if (!stored || stored[0] < oldest) {
            continue;
          }
          if (stored.length === 1) {
            noData.add(day);
          } else {
            found.set(day, stored[1]);
          }
        }
        return { found, noData };
      }

      return {
        readWithNoData,

        /** Cached items of each requested day that is still fresh; absent days are simply missing. */
        async read<T>(dataset: Dataset, prm: string, days: readonly string[]): Promise<Map<string, T>> {
          return (await readWithNoData<T>(dataset, prm, days)).found;
        },

        /**
         * Adds complete days (callers never pass a partial day) and, in `noData`, days Enedis answered it
         * had no data for. Expired days are dropped on the way.
         */
        async write<T>(
          dataset: Dataset,
          prm: string,
          days: ReadonlyMap<string, T>,
          noData: readonly string[] = [],
        ): Promise<void> {
          const byMonth = new Map<string, [string, T | undefined][]>();
          const add = (day: string, items: T | undefined) => {
            byMonth.set(day.slice(0, 7), [...(byMonth.get(day.slice(0, 7)) ?? []), [day, items]]);
          };
          for (const [day, items] of days) {
            add(day, items);
          }
          for (const day of noData) {
            add(day, undefined);
          }
          await Promise.all(
            [...byMonth].map(([month, entries]) => {
              const keyName = name(dataset, prm, month);
              return underLock(keyName, async () => {
                // Read inside the lock: whatever another writer stored meanwhile is kept.
                const bundle = await readBundle<T>(keyName);
                const now = Date.now();
                for (let index = 0; index < bundle.length; index += 1) {
                  const stored = bundle[index];
                  if (stored && stored[0] < now - ttlSeconds * 1000) {
                    bundle[index] = null;
                  }
                }
                for (const [day, items] of entries) {
                  const index = dayIndex(day);
                  while (bundle.length < index) {
                    bundle.push(null);
                  }
                  bundle[index] = items === undefined ? [now] : [now, items];
                }
                // Indexed before it is written: an index entry without its key is harmless, the reverse not.
                await cache.indexAdd(cacheIndexKey(kindOf(dataset)), keyName, now + ttlSeconds * 1000);
                await cache.set(keyName, seal(key, Buffer.from(JSON.stringify(bundle)), keyName), ttlSeconds);
              });
            }),
          );
        },

        /** Removes every dataset of one meter for this user (`DELETE /api/enedis/cache/{pdl}`). */
        async clearMeter(prm: string): Promise<number> {
          const hash = prmHash(prm);
          // Month entries (`…:<hash>:<month>`) and documents (`…d:<kind>:<hash>`) alike.
          const names = (await cache.keys(prefix)).filter((keyName) =>
            keyName.slice(prefix.length).split(':').includes(hash),
          );
          return cache.delete(...names);
        },

        /** Single encrypted entries (contract, address, …) under the same user prefix and key. */
        async getDocument(kind: string, prm: string): Promise<unknown> {
          const keyName = `${prefix}d:${kind}:${prmHash(prm)}`;
          const sealed = await cache.get(keyName);
          const plain = sealed ? open(key, sealed, keyName) : null;
          return plain ? (JSON.parse(plain.toString()) as unknown) : undefined;
        },

        async setDocument(kind: string, prm: string, value: unknown): Promise<void> {
          const keyName = `${prefix}d:${kind}:${prmHash(prm)}`;
          await cache.indexAdd(cacheIndexKey('documents'), keyName, Date.now() + ttlSeconds * 1000);
          await cache.set(keyName, seal(key, Buffer.from(JSON.stringify(value)), keyName), ttlSeconds);
        },
      };
    },
  };
}
export type DayCache = ReturnType<typeof createDayCache>;
export type UserDayCache = ReturnType<DayCache['forUser']>;
