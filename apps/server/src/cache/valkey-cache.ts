import { Valkey } from 'iovalkey';
import type { CachePort, SlotReservation } from './cache.port.ts';

// Scripts keep check-and-update steps atomic on the server, so concurrent gateway instances agree.
const INCREMENT_BELOW = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current >= tonumber(ARGV[1]) then return {0, current} end
current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
return {1, current}`;
const INCREMENT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return {current, redis.call('PTTL', KEYS[1])}`;
// Round-robin slots on the server clock: every instance reads the same time, so pacing holds across hosts.
// KEYS[1] = next free start of the schedule, KEYS[2] = start of the lane's latest slot; a lane whose slot
// has not started yet is refused (0) with the time until it does.
const RESERVE_SLOT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local held = tonumber(redis.call('GET', KEYS[2]) or '0')
if held > now then return {0, held - now} end
local interval = tonumber(ARGV[1])
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], slot + interval, 'PX', slot + interval - now + 60000)
redis.call('SET', KEYS[2], slot, 'PX', slot - now + 60000)
return {1, slot - now}`;
const INCREMENT_FIELDS = `
local created = redis.call('EXISTS', KEYS[1]) == 0
for i = 2, #ARGV do redis.call('HINCRBY', KEYS[1], ARGV[i], 1) end
if created then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return 1`;
// Rewrites the list without the items starting with ARGV[1], in one step: no push of another instance
// can land between the read and the rewrite. RPUSH in chunks: Lua's unpack has a stack limit.
const REMOVE_FROM_LIST = `
local items = redis.call('LRANGE', KEYS[1], 0, -1)
local kept = {}
local prefix = ARGV[1]
for _, item in ipairs(items) do
  if string.sub(item, 1, #prefix) ~= prefix then kept[#kept + 1] = item end
end
local removed = #items - #kept
if removed > 0 then
  redis.call('DEL', KEYS[1])
  for i = 1, #kept, 1000 do redis.call('RPUSH', KEYS[1], unpack(kept, i, math.min(i + 999, #kept))) end
end
return removed`;
const DELETE_IF_EQUALS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Keys deleted per round trip when an index is cleared. */
const INDEX_BATCH = 500;

/** Valkey/Redis implementation (`REDIS_URL`). `keyPrefix` namespaces every key (tests use one per suite). */
export class ValkeyCache implements CachePort {
  readonly kind = 'valkey' as const;
  readonly #client: Valkey;
  readonly #prefix: string;

  constructor(url: string, keyPrefix = '') {
    this.#prefix = keyPrefix;
    this.#client = new Valkey(url.replace(/^valkey(s?):/, 'redis$1:'), {
      keyPrefix,
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      lazyConnect: false,
    });
    // The client reconnects by itself; failures surface on the commands that hit them and in /ready.
    // Without a listener, every dropped connection would also print an "Unhandled error event".
    this.#client.on('error', () => undefined);
  }

  async get(key: string): Promise<Buffer | null> {
    return this.#client.getBuffer(key);
  }

  async getMany(keys: readonly string[]): Promise<(Buffer | null)[]> {
    if (keys.length === 0) {
      return [];
    }
    return this.#client.mgetBuffer(...keys);
  }

  async set(key: string, value: Buffer | string, ttlSeconds?: number): Promise<void> {
    if (ttlSeconds === undefined) {
      await this.#client.set(key, value);
    } else {
      await this.#client.set(key, value, 'EX', ttlSeconds);
    }
  }

  async setIfAbsent(key: string, value: Buffer | string, ttlMs: number): Promise<boolean> {
    return (await this.#client.set(key, value, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async take(key: string): Promise<Buffer | null> {
    return this.#client.getdelBuffer(key);
  }

  async delete(...keys: string[]): Promise<number> {
    if (keys.length === 0) {
      return 0;
    }
    return this.#client.del(...keys);
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    let deleted = 0;
    for (const batch of await this.#scan(prefix)) {
      if (batch.length > 0) {
        deleted += await this.#client.del(...batch);
      }
    }
    return deleted;
  }

  async keys(prefix: string): Promise<string[]> {
    return (await this.#scan(prefix)).flat();
  }

  /** SCAN returns fully prefixed keys; strip the client prefix so callers see their own names. */
  async #scan(prefix: string): Promise<string[][]> {
    const batches: string[][] = [];
    let cursor = '0';
    do {
      const [next, found] = await this.#client.scan(
        cursor,
        'MATCH',
        `${escapeGlob(this.#prefix + prefix)}*`,
        'COUNT',
        500,
      );
      cursor = next;
      batches.push(found.map((key) => key.slice(this.#prefix.length)));
    } while (cursor !== '0');
    return batches;
  }

  async incrementBelow(key: string, limit: number, ttlSeconds: number): Promise<{ allowed: boolean; count: number }> {
    const [allowed, count] = (await this.#client.eval(INCREMENT_BELOW, 1, key, limit, ttlSeconds)) as [number, number];
    return { allowed: allowed === 1, count };
  }

  async increment(key: string, ttlSeconds: number): Promise<{ count: number; ttlMs: number }> {
    const [count, ttlMs] = (await this.#client.eval(INCREMENT, 1, key, ttlSeconds)) as [number, number];
    return { count, ttlMs };
  }

  async counter(key: string): Promise<number> {
    return Number((await this.#client.get(key)) ?? 0);
  }

  async ttlMs(key: string): Promise<number> {
    const ttl = await this.#client.pttl(key);
    // PTTL answers -2 for a missing key.
    return ttl === -2 ? 0 : ttl;
  }

  async incrementFields(key: string, fields: readonly string[], ttlSeconds: number): Promise<void> {
    if (fields.length > 0) {
      await this.#client.eval(INCREMENT_FIELDS, 1, key, ttlSeconds, ...fields);
    }
  }

  async readFields(key: string): Promise<Record<string, number>> {
    const raw = await this.#client.hgetall(key);
    return Object.fromEntries(Object.entries(raw).map(([field, value]) => [field, Number(value)]));
  }

  async pushCapped(key: string, values: string | readonly string[], maxLength: number): Promise<void> {
    const items = typeof values === 'string' ? [values] : values;
    if (items.length === 0) {
      return;
    }
    await this.#client
      .multi()
      .lpush(key, ...items)
      .ltrim(key, 0, maxLength - 1)
      .exec();
  }

  async readList(key: string, start = 0, stop = -1): Promise<string[]> {
    return this.#client.lrange(key, start, stop);
  }

  async removeFromList(key: string, prefix: string): Promise<number> {
    return (await this.#client.eval(REMOVE_FROM_LIST, 1, key, prefix)) as number;
  }

  async indexAdd(index: string, member: string, expiresAtMs: number): Promise<void> {
    await this.#client.multi().zadd(index, expiresAtMs, member).zremrangebyscore(index, '-inf', Date.now()).exec();
  }

  async deleteIndexed(index: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      // Members are key names without the client prefix; DEL adds it, ZREM (members, not keys) does not.
      const members = await this.#client.zrange(index, 0, INDEX_BATCH - 1);
      if (members.length === 0) {
        return deleted;
      }
      const results = await this.#client
        .multi()
        .del(...members)
        .zrem(index, ...members)
        .exec();
      deleted += Number(results?.[0]?.[1] ?? 0);
    }
  }

  async deleteIfEquals(key: string, token: string): Promise<boolean> {
    return (await this.#client.eval(DELETE_IF_EQUALS, 1, key, token)) === 1;
  }

  async reserveSlot(schedule: string, lane: string, intervalMs: number): Promise<SlotReservation> {
    const [granted, waitMs] = (await this.#client.eval(RESERVE_SLOT, 2, schedule, lane, intervalMs)) as [
      number,
      number,
    ];
    return { granted: granted === 1, waitMs };
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.#client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.#client.quit().catch(() => this.#client.disconnect());
  }
}

function escapeGlob(value: string): string {
  return value.replace(/[*?[\]\\]/g, (char) => `\\${char}`);
}
