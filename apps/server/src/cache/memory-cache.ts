import type { CachePort, SlotReservation } from './cache.port.ts';

interface Entry {
  value: Buffer;
  expiresAt: number | null;
  /** A hash of counters (`incrementFields`); `value` is then empty. */
  fields?: Map<string, number>;
  /** A bounded list (`pushCapped`), oldest first; `value` is then empty. */
  items?: string[];
  /** An index of key names (`indexAdd`) → their expiry; `value` is then empty. */
  members?: Map<string, number>;
}

/**
 * Single-process implementation for the embedded default. JavaScript runs one callback at a time,
 * so read-modify-write sequences without an `await` inside are atomic here.
 */
export class MemoryCache implements CachePort {
  readonly kind = 'memory' as const;
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #sweeper: NodeJS.Timeout;

  constructor(now: () => number = Date.now) {
    this.#now = now;
    // Expired entries are dropped lazily on read; the sweep bounds memory for keys never read again.
    this.#sweeper = setInterval(() => this.#sweep(), 60_000);
    this.#sweeper.unref();
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt !== null && entry.expiresAt <= now) {
        this.#entries.delete(key);
      }
      for (const [member, expiresAt] of entry.members ?? []) {
        if (expiresAt <= now) {
          entry.members?.delete(member);
        }
      }
    }
  }

  #put(key: string, value: Buffer | string, ttlMs: number | undefined): void {
    const buffer = typeof value === 'string' ? Buffer.from(value) : Buffer.from(value);
    this.#entries.set(key, { value: buffer, expiresAt: ttlMs === undefined ? null : this.#now() + ttlMs });
  }

  async get(key: string): Promise<Buffer | null> {
    // A copy, as Valkey would give: callers must not be able to change the stored bytes.
    const entry = this.#live(key);
    return entry ? Buffer.from(entry.value) : null;
  }

  async getMany(keys: readonly string[]): Promise<(Buffer | null)[]> {
    return Promise.all(keys.map((key) => this.get(key)));
  }

  async set(key: string, value: Buffer | string, ttlSeconds?: number): Promise<void> {
    this.#put(key, value, ttlSeconds === undefined ? undefined : ttlSeconds * 1000);
  }

  async setIfAbsent(key: string, value: Buffer | string, ttlMs: number): Promise<boolean> {
    if (this.#live(key)) {
      return false;
    }
    this.#put(key, value, ttlMs);
    return true;
  }

  async take(key: string): Promise<Buffer | null> {
    const entry = this.#live(key);
    this.#entries.delete(key);
    return entry ? entry.value : null;
  }

  async delete(...keys: string[]): Promise<number> {
    let deleted = 0;
    for (const key of keys) {
      if (this.#live(key)) {
        deleted += 1;
      }
      this.#entries.delete(key);
    }
    return deleted;
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    return this.delete(...(await this.keys(prefix)));
  }

  async keys(prefix: string): Promise<string[]> {
    return [...this.#entries.keys()].filter((key) => key.startsWith(prefix) && this.#live(key));
  }

  async incrementBelow(key: string, limit: number, ttlSeconds: number): Promise<{ allowed: boolean; count: number }> {
    const current = this.#readCounter(key);
    if (current >= limit) {
      return { allowed: false, count: current };
    }
    this.#writeCounter(key, current + 1, ttlSeconds);
    return { allowed: true, count: current + 1 };
  }

  async increment(key: string, ttlSeconds: number): Promise<{ count: number; ttlMs: number }> {
    const count = this.#readCounter(key) + 1;
    this.#writeCounter(key, count, ttlSeconds);
    const expiresAt = this.#entries.get(key)?.expiresAt ?? null;
    return { count, ttlMs: expiresAt === null ? -1 : expiresAt - this.#now() };
  }

  async counter(key: string): Promise<number> {
    return this.#readCounter(key);
  }

  async ttlMs(key: string): Promise<number> {
    const entry = this.#live(key);
    if (!entry) {
      return 0;
    }
    return entry.expiresAt === null ? -1 : entry.expiresAt - this.#now();
  }

  async incrementFields(key: string, fields: readonly string[], ttlSeconds: number): Promise<void> {
    if (fields.length === 0) {
      return;
    }
    const entry = this.#live(key) ?? this.#create(key, ttlSeconds * 1000);
    const counters = (entry.fields ??= new Map());
    for (const field of fields) {
      counters.set(field, (counters.get(field) ?? 0) + 1);
    }
  }

  async readFields(key: string): Promise<Record<string, number>> {
    return Object.fromEntries(this.#live(key)?.fields ?? []);
  }

  async pushCapped(key: string, values: string | readonly string[], maxLength: number): Promise<void> {
    const entry = this.#live(key) ?? this.#create(key, undefined);
    const items = (entry.items ??= []);
    items.push(...(typeof values === 'string' ? [values] : values));
    if (items.length > maxLength) {
      items.splice(0, items.length - maxLength);
    }
  }

  async readList(key: string, start = 0, stop = -1): Promise<string[]> {
    const newestFirst = [...(this.#live(key)?.items ?? [])].reverse();
    return newestFirst.slice(start, stop === -1 ? undefined : stop + 1);
  }

  async removeFromList(key: string, prefix: string): Promise<number> {
    const entry = this.#live(key);
    if (!entry?.items) {
      return 0;
    }
    const kept = entry.items.filter((item) => !item.startsWith(prefix));
    const removed = entry.items.length - kept.length;
    entry.items = kept;
    if (kept.length === 0) {
      this.#entries.delete(key);
    }
    return removed;
  }

  async indexAdd(index: string, member: string, expiresAtMs: number): Promise<void> {
    const entry = this.#live(index) ?? this.#create(index, undefined);
    // Expired members are dropped by the sweep, not here: a write must not walk the whole index.
    (entry.members ??= new Map()).set(member, expiresAtMs);
  }

  async deleteIndexed(index: string): Promise<number> {
    const members = this.#live(index)?.members;
    this.#entries.delete(index);
    return members ? this.delete(...members.keys()) : 0;
  }

  #create(key: string, ttlMs: number | undefined): Entry {
    const entry: Entry = { value: Buffer.alloc(0), expiresAt: ttlMs === undefined ? null : this.#now() + ttlMs };
    this.#entries.set(key, entry);
    return entry;
  }

  async deleteIfEquals(key: string, token: string): Promise<boolean> {
    const entry = this.#live(key);
    if (!entry || entry.value.toString() !== token) {
      return false;
    }
    this.#entries.delete(key);
    return true;
  }

  async reserveSlot(schedule: string, lane: string, intervalMs: number): Promise<SlotReservation> {
    const now = this.#now();
    const held = this.#readCounter(lane);
    if (held > now) {
      return { granted: false, waitMs: held - now };
    }
    const slot = Math.max(now, this.#readCounter(schedule));
    this.#entries.set(schedule, {
      value: Buffer.from(String(slot + intervalMs)),
      expiresAt: slot + intervalMs + 60_000,
    });
    this.#entries.set(lane, { value: Buffer.from(String(slot)), expiresAt: slot + 60_000 });
    return { granted: true, waitMs: slot - now };
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    this.#entries.clear();
  }

  #readCounter(key: string): number {
    const entry = this.#live(key);
    return entry ? Number(entry.value.toString()) : 0;
  }

  /** Like Redis INCR + EXPIRE NX: the TTL is set when the counter is created and kept afterwards. */
  #writeCounter(key: string, count: number, ttlSeconds: number): void {
    const existing = this.#live(key);
    const expiresAt = existing ? existing.expiresAt : this.#now() + ttlSeconds * 1000;
    this.#entries.set(key, { value: Buffer.from(String(count)), expiresAt });
  }
}
