import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { CachePort } from './cache.port.ts';
import { MemoryCache } from './memory-cache.ts';
import { ValkeyCache } from './valkey-cache.ts';

// One key prefix per run: the two Valkey clients of a test must share it, as two instances would.
const prefix = `test:${randomBytes(6).toString('hex')}:`;
const caches: { name: string; make: () => CachePort }[] = [
  { name: 'memory', make: () => new MemoryCache() },
  ...(process.env.TEST_REDIS_URL
    ? [{ name: 'valkey', make: () => new ValkeyCache(process.env.TEST_REDIS_URL ?? '', prefix) }]
    : []),
];

describe.each(caches)('reserveSlot on $name (global pacing of Enedis calls)', ({ make }) => {
  const opened: CachePort[] = [];
  afterAll(async () => {
    await opened[0]?.deleteByPrefix('');
    for (const cache of opened) {
      await cache.close();
    }
  });

  it('hands out one slot per interval, even to concurrent callers and to two instances sharing the store', async () => {
    const first = make();
    opened.push(first);
    // Two clients of one Valkey stand for two gateway instances; the memory cache is per process.
    const second = first.kind === 'valkey' ? make() : first;
    if (second !== first) {
      opened.push(second);
    }
    const waits = await Promise.all(
      Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? first : second).reserveSlot('pacing', 200)),
    );
    const sorted = [...waits].sort((a, b) => a - b);
    expect(sorted[0]).toBeLessThanOrEqual(20);
    // Slots are 200 ms apart: ten calls need at least 1.8 s, i.e. never more than 5 per second.
    sorted.slice(1).forEach((wait, index) => expect(wait - (sorted[index] ?? 0)).toBeGreaterThanOrEqual(180));
    expect(sorted.at(-1)).toBeGreaterThanOrEqual(1750);
  });

  it('starts again from now once the schedule is in the past', async () => {
    const cache = make();
    opened.push(cache);
    expect(await cache.reserveSlot('idle', 50)).toBeLessThanOrEqual(5);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await cache.reserveSlot('idle', 50)).toBeLessThanOrEqual(5);
  });
});
