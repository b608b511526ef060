import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CachePort } from './cache.port.ts';
import { MemoryCache } from './memory-cache.ts';
import { ValkeyCache } from './valkey-cache.ts';

/**
 * One contract, two implementations. Memory runs on an injected clock; Valkey on real time with a
 * unique key prefix (containing glob characters, to prove SCAN patterns are escaped).
 */
interface Harness {
  name: string;
  open(): CachePort;
  /** Lets `ms` pass for the cache (fake clock for memory, real sleep for Valkey). */
  advance(ms: number): Promise<void>;
  cleanup(): Promise<void>;
}

function memoryHarness(): Harness {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const cache = new MemoryCache(() => now);
  return {
    name: 'memory',
    open: () => cache,
    advance: async (ms) => {
      now += ms;
    },
    cleanup: () => cache.close(),
  };
}

function valkeyHarness(url: string): Harness {
  const prefix = `test:cache:${randomBytes(4).toString('hex')}:[*?]\\:`;
  const cache = new ValkeyCache(url, prefix);
  return {
    name: 'valkey',
    open: () => cache,
    advance: (ms) => sleep(ms),
    async cleanup() {
      await cache.deleteByPrefix('');
      await cache.close();
    },
  };
}

const harnesses: [string, () => Harness][] = [
  ['memory', memoryHarness],
  ...(process.env.TEST_REDIS_URL
    ? [['valkey', () => valkeyHarness(process.env.TEST_REDIS_URL ?? '')] as [string, () => Harness]]
    : []),
];

describe.each(harnesses)('CachePort contract: %s', (_name, makeHarness) => {
  let harness: Harness;
  let cache: CachePort;
  let run = 0;
  /** A key namespace per test, so tests never see each other's keys. */
  let ns = '';
  beforeAll(() => {
    harness = makeHarness();
    cache = harness.open();
  });
  afterAll(async () => harness.cleanup());
  const fresh = () => {
    run += 1;
    ns = `t${run}:`;
    return ns;
  };

  it('stores strings and bytes, returns null when absent, and overwrites', async () => {
    const p = fresh();
    expect(await cache.get(`${p}missing`)).toBeNull();
    await cache.set(`${p}text`, 'bonjour');
    expect((await cache.get(`${p}text`))?.toString()).toBe('bonjour');
    const bytes = Buffer.from([0, 255, 1, 128, 0]);
    await cache.set(`${p}bytes`, bytes);
    expect(await cache.get(`${p}bytes`)).toEqual(bytes);
    await cache.set(`${p}text`, 'au revoir');
    expect((await cache.get(`${p}text`))?.toString()).toBe('au revoir');
  });

  it('expires values, locks and counters after their TTL; values without TTL stay', async () => {
    const p = fresh();
    await cache.set(`${p}ttl`, 'v', 1);
    await cache.set(`${p}forever`, 'v');
    expect(await cache.setIfAbsent(`${p}lock`, 'owner', 1000)).toBe(true);
    await cache.increment(`${p}count`, 1);
    await cache.incrementBelow(`${p}below`, 10, 1);
    expect((await cache.get(`${p}ttl`))?.toString()).toBe('v');
    const countTtl = await cache.ttlMs(`${p}count`);
    expect(countTtl).toBeGreaterThan(0);
    expect(countTtl).toBeLessThanOrEqual(1000);
    expect(await cache.ttlMs(`${p}forever`)).toBe(-1);
    expect(await cache.ttlMs(`${p}absent`)).toBe(0);

    await harness.advance(1250);
    expect(await cache.ttlMs(`${p}count`)).toBe(0);
    expect(await cache.get(`${p}ttl`)).toBeNull();
    expect((await cache.get(`${p}forever`))?.toString()).toBe('v');
    expect(await cache.counter(`${p}count`)).toBe(0);
    expect(await cache.counter(`${p}below`)).toBe(0);
    expect(await cache.keys(p)).toEqual([`${p}forever`]);
    // An expired lock can be taken again.
    expect(await cache.setIfAbsent(`${p}lock`, 'next', 1000)).toBe(true);
    // A counter that expired starts again at 1.
    expect((await cache.increment(`${p}count`, 60)).count).toBe(1);
  });

  it('setIfAbsent stores only once', async () => {
    const p = fresh();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => cache.setIfAbsent(`${p}lock`, `owner-${index}`, 60_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect((await cache.get(`${p}lock`))?.toString()).toBe(`owner-${winner}`);
  });

  it('take returns a value once, even under concurrent takes', async () => {
    const p = fresh();
    await cache.set(`${p}state`, 'single-use', 60);
    const taken = await Promise.all(Array.from({ length: 20 }, () => cache.take(`${p}state`)));
    expect(taken.filter((value) => value !== null).map((value) => value?.toString())).toEqual(['single-use']);
    expect(await cache.get(`${p}state`)).toBeNull();
    expect(await cache.take(`${p}missing`)).toBeNull();
  });

  it('deletes keys one by one and by prefix, and lists keys by prefix', async () => {
    const p = fresh();
    for (const key of ['a:1', 'a:2', 'ab:1', 'b:1']) {
      await cache.set(`${p}${key}`, key);
    }
    expect((await cache.keys(`${p}a:`)).sort()).toEqual([`${p}a:1`, `${p}a:2`]);
    expect((await cache.keys(`${p}a`)).sort()).toEqual([`${p}a:1`, `${p}a:2`, `${p}ab:1`]);
    expect(await cache.keys(`${p}zzz`)).toEqual([]);

    expect(await cache.delete(`${p}a:1`, `${p}missing`)).toBe(1);
    expect(await cache.delete()).toBe(0);
    expect(await cache.deleteByPrefix(`${p}a`)).toBe(2);
    expect(await cache.keys(p)).toEqual([`${p}b:1`]);
    expect(await cache.deleteByPrefix(`${p}nothing`)).toBe(0);
  });

  it('treats glob characters in prefixes literally', async () => {
    const p = fresh();
    for (const key of ['g*:1', 'gx:1', 'g?:2', 'gy:2', 'g[a]:3', 'ga:3', 'g\\:4', 'g:4']) {
      await cache.set(`${p}${key}`, '1');
    }
    expect(await cache.keys(`${p}g*:`)).toEqual([`${p}g*:1`]);
    expect(await cache.keys(`${p}g?:`)).toEqual([`${p}g?:2`]);
    expect(await cache.keys(`${p}g[a]:`)).toEqual([`${p}g[a]:3`]);
    expect(await cache.keys(`${p}g\\:`)).toEqual([`${p}g\\:4`]);
    expect(await cache.deleteByPrefix(`${p}g*`)).toBe(1);
    expect((await cache.keys(p)).length).toBe(7);
  });

  it('increment counts atomically and keeps the TTL set at creation', async () => {
    const p = fresh();
    const first = await cache.increment(`${p}hits`, 100);
    expect(first.count).toBe(1);
    expect(first.ttlMs).toBeGreaterThan(98_000);
    expect(first.ttlMs).toBeLessThanOrEqual(100_000);
    await harness.advance(300);
    // A later call with a longer TTL does not extend the window.
    const second = await cache.increment(`${p}hits`, 1000);
    expect(second.count).toBe(2);
    expect(second.ttlMs).toBeLessThanOrEqual(first.ttlMs - 250);
    const counts = await Promise.all(Array.from({ length: 100 }, () => cache.increment(`${p}hits`, 100)));
    expect(new Set(counts.map((result) => result.count)).size).toBe(100);
    expect(await cache.counter(`${p}hits`)).toBe(102);
    expect(await cache.counter(`${p}never`)).toBe(0);
  });

  it('incrementBelow lets exactly `limit` calls through under 200 concurrent calls', async () => {
    const p = fresh();
    const limit = 37;
    const results = await Promise.all(Array.from({ length: 200 }, () => cache.incrementBelow(`${p}quota`, limit, 60)));
    const allowed = results.filter((result) => result.allowed);
    expect(allowed).toHaveLength(limit);
    expect(allowed.map((result) => result.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: limit }, (_, index) => index + 1),
    );
    expect(results.filter((result) => !result.allowed).every((result) => result.count === limit)).toBe(true);
    expect(await cache.counter(`${p}quota`)).toBe(limit);
    expect(await cache.incrementBelow(`${p}zero`, 0, 60)).toEqual({ allowed: false, count: 0 });
  });

  it('incrementFields counts every field exactly under 200 concurrent calls and keeps the creation TTL', async () => {
    const p = fresh();
    await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        cache.incrementFields(`${p}stats`, ['calls', index % 2 === 0 ? 'even' : 'odd'], 100),
      ),
    );
    expect(await cache.readFields(`${p}stats`)).toEqual({ calls: 200, even: 100, odd: 100 });
    expect(await cache.readFields(`${p}absent`)).toEqual({});
    const ttl = await cache.ttlMs(`${p}stats`);
    expect(ttl).toBeGreaterThan(90_000);
    await harness.advance(300);
    await cache.incrementFields(`${p}stats`, ['calls'], 1000);
    expect(await cache.ttlMs(`${p}stats`)).toBeLessThanOrEqual(ttl);
    expect(await cache.deleteByPrefix(p)).toBe(1);
    expect(await cache.readFields(`${p}stats`)).toEqual({});
  });

  it('pushCapped keeps the newest items, newest first, under concurrent pushes', async () => {
    const p = fresh();
    await Promise.all(Array.from({ length: 50 }, (_, index) => cache.pushCapped(`${p}log`, `a${index}`, 20)));
    const items = await cache.readList(`${p}log`);
    expect(items).toHaveLength(20);
    expect(new Set(items).size).toBe(20);
    await cache.pushCapped(`${p}log`, 'last', 20);
    expect((await cache.readList(`${p}log`))[0]).toBe('last');
    expect(await cache.readList(`${p}none`)).toEqual([]);
    expect(await cache.delete(`${p}log`)).toBe(1);
    expect(await cache.readList(`${p}log`)).toEqual([]);
  });

  it('pushCapped takes a batch (oldest first), readList pages, removeFromList drops items by prefix', async () => {
    const p = fresh();
    await cache.pushCapped(`${p}journal`, ['a:1', 'b:2', 'a:3'], 10);
    await cache.pushCapped(`${p}journal`, [], 10);
    await cache.pushCapped(`${p}journal`, ['b:4'], 3);
    expect(await cache.readList(`${p}journal`)).toEqual(['b:4', 'a:3', 'b:2']);
    expect(await cache.readList(`${p}journal`, 1, 1)).toEqual(['a:3']);
    expect(await cache.readList(`${p}journal`, 2)).toEqual(['b:2']);
    expect(await cache.removeFromList(`${p}journal`, 'b:')).toBe(2);
    expect(await cache.readList(`${p}journal`)).toEqual(['a:3']);
    expect(await cache.removeFromList(`${p}journal`, 'b:')).toBe(0);
    expect(await cache.removeFromList(`${p}journal`, '')).toBe(1);
    expect(await cache.readList(`${p}journal`)).toEqual([]);
    expect(await cache.removeFromList(`${p}none`, '')).toBe(0);
  });

  it('deleteIndexed removes the indexed keys (counting those that existed) and nothing else', async () => {
    const p = fresh();
    const later = Date.now() + 86_400_000;
    for (let index = 0; index < 1_200; index += 1) {
      await cache.indexAdd(`${p}index`, `${p}kept:${index}`, later);
    }
    await Promise.all(Array.from({ length: 1_100 }, (_, index) => cache.set(`${p}kept:${index}`, 'x')));
    await cache.set(`${p}other`, 'x');
    expect(await cache.deleteIndexed(`${p}index`)).toBe(1_100);
    expect(await cache.keys(p)).toEqual([`${p}other`]);
    expect(await cache.deleteIndexed(`${p}index`)).toBe(0);
    await cache.set(`${p}again`, 'x');
    await cache.indexAdd(`${p}index`, `${p}again`, later);
    expect(await cache.deleteIndexed(`${p}index`)).toBe(1);
  });

  it('deleteIfEquals releases a lock only for its holder', async () => {
    const p = fresh();
    await cache.setIfAbsent(`${p}lock`, 'token-a', 60_000);
    expect(await cache.deleteIfEquals(`${p}lock`, 'token-b')).toBe(false);
    expect((await cache.get(`${p}lock`))?.toString()).toBe('token-a');
    expect(await cache.deleteIfEquals(`${p}lock`, 'token-a')).toBe(true);
    expect(await cache.get(`${p}lock`)).toBeNull();
    expect(await cache.deleteIfEquals(`${p}lock`, 'token-a')).toBe(false);
  });

  it('answers ping', async () => {
    expect(await cache.ping()).toBe(true);
  });
});

describe.runIf(process.env.TEST_REDIS_URL)('ValkeyCache key prefixes', () => {
  it('isolates instances whose prefixes differ only by glob characters', async () => {
    const url = process.env.TEST_REDIS_URL ?? '';
    const base = `test:iso:${randomBytes(4).toString('hex')}:`;
    const glob = new ValkeyCache(url, `${base}[ab]:`);
    const plain = new ValkeyCache(url, `${base}a:`);
    try {
      await plain.set('k', 'plain');
      await glob.set('k', 'glob');
      expect(await glob.keys('')).toEqual(['k']);
      expect((await plain.get('k'))?.toString()).toBe('plain');
      expect(await glob.deleteByPrefix('')).toBe(1);
      expect((await plain.get('k'))?.toString()).toBe('plain');
    } finally {
      await plain.deleteByPrefix('');
      await Promise.all([glob.close(), plain.close()]);
    }
  });
});
