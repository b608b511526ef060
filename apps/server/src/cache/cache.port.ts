/**
 * Key/value store behind the gateway's cache, counters, single-use states and locks.
 * Two implementations share one test suite: in-memory (embedded default) and Valkey (`REDIS_URL`).
 * Values are opaque bytes; encryption happens above this port.
 */
export interface CachePort {
  readonly kind: 'memory' | 'valkey';
  get(key: string): Promise<Buffer | null>;
  /** Several values in one round trip (MGET on Valkey), in the order of `keys`. */
  getMany(keys: readonly string[]): Promise<(Buffer | null)[]>;
  /** Stores a value; `ttlSeconds` undefined keeps it until deleted. */
  set(key: string, value: Buffer | string, ttlSeconds?: number): Promise<void>;
  /** Stores only when absent (locks, single-use states). Returns whether it was stored. */
  setIfAbsent(key: string, value: Buffer | string, ttlMs: number): Promise<boolean>;
  /** Reads and deletes atomically: single-use values can be consumed once only. */
  take(key: string): Promise<Buffer | null>;
  delete(...keys: string[]): Promise<number>;
  /** Deletes every key starting with `prefix` (SCAN-based on Valkey, never KEYS). */
  deleteByPrefix(prefix: string): Promise<number>;
  /** Lists keys with a prefix (admin and tests; not for hot paths). */
  keys(prefix: string): Promise<string[]>;
  /**
   * Atomically adds 1 when the counter is below `limit` (creating it with `ttlSeconds`).
   * Returns the counter after the call and whether this call was counted.
   */
  incrementBelow(key: string, limit: number, ttlSeconds: number): Promise<{ allowed: boolean; count: number }>;
  /** Atomically adds 1 (creating the key with `ttlSeconds`) and returns the new value and the time left. */
  increment(key: string, ttlSeconds: number): Promise<{ count: number; ttlMs: number }>;
  /** Reads an integer counter (0 when absent). */
  counter(key: string): Promise<number>;
  /**
   * Atomically adds 1 to each of `fields` of the hash at `key` (creating it with `ttlSeconds`; the TTL is
   * kept afterwards, like `increment`). Counters many instances share, read without scanning keys.
   */
  incrementFields(key: string, fields: readonly string[], ttlSeconds: number): Promise<void>;
  /** Every field of a hash of counters (empty when absent). */
  readFields(key: string): Promise<Record<string, number>>;
  /**
   * Prepends `values` (given oldest first, so the last one ends up newest) to the list at `key` and keeps
   * only the newest `maxLength` items, in one atomic step (a bounded journal shared by instances).
   */
  pushCapped(key: string, values: string | readonly string[], maxLength: number): Promise<void>;
  /** Items `start`..`stop` (inclusive, newest first, -1 = the oldest) of the list at `key` (empty when absent). */
  readList(key: string, start?: number, stop?: number): Promise<string[]>;
  /** Removes, atomically, every item of the list at `key` starting with `prefix` ('' = all); returns how many. */
  removeFromList(key: string, prefix: string): Promise<number>;
  /**
   * Records `member` (a key name) in the index set `index` until `expiresAtMs`, dropping members already
   * expired: a kind of entry can then be found and removed without scanning the key space.
   */
  indexAdd(index: string, member: string, expiresAtMs: number): Promise<void>;
  /** Deletes every key recorded in `index` and the index itself; returns how many keys existed. */
  deleteIndexed(index: string): Promise<number>;
  /** Milliseconds before the key expires: 0 when it is absent, -1 when it has no expiry. */
  ttlMs(key: string): Promise<number>;
  /** Releases a lock only if it still holds `token` (compare-and-delete). */
  deleteIfEquals(key: string, token: string): Promise<boolean>;
  /**
   * Round-robin pacing of a rate-limited upstream shared by every instance (the Valkey version uses the
   * server's clock). `schedule` holds the next free start time, slots being `intervalMs` apart; `lane`
   * (one per user) holds the start of the lane's latest slot. A lane may hold at most one slot that has
   * not started yet: while it does, the call is refused and `waitMs` says when that slot starts (come
   * back then); otherwise the next free slot is the lane's and `waitMs` is how long to wait before using
   * it (0 = now). Since every waiting lane holds at most one future slot, a lane that asks waits for at
   * most one slot per other busy lane, however many calls those lanes have queued.
   */
  reserveSlot(schedule: string, lane: string, intervalMs: number): Promise<SlotReservation>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Answer of `CachePort.reserveSlot`. */
export interface SlotReservation {
  /** True: the slot starting in `waitMs` is the caller's. False: the lane's own slot starts in `waitMs`; ask again then. */
  granted: boolean;
  waitMs: number;
}
