import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
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

// Slots of 10 s: the few milliseconds a test takes between two calls cannot blur which slot is which.
const LONG = 10_000;

describe.each(caches)('reserveSlot on $name (fair pacing of Enedis calls)', ({ make }) => {
  const opened: CachePort[] = [];
  const open = () => {
    const cache = make();
    opened.push(cache);
    return cache;
  };
  afterAll(async () => {
    await opened[0]?.deleteByPrefix('');
    for (const cache of opened) {
      await cache.close();
    }
  });

  it('lets a lane hold one slot not yet started: it is refused until then, while another lane books the next', async () => {
    const cache = open();
    const first = await cache.reserveSlot('s1', 's1:a', LONG);
    expect(first).toEqual({ granted: true, waitMs: 0 });
    // The lane's slot has started (it was "now"): it may book the next one.
    const second = await cache.reserveSlot('s1', 's1:a', LONG);
    expect(second.granted).toBe(true);
    expect(second.waitMs).toBeGreaterThan(LONG / 2);
    expect(second.waitMs).toBeLessThanOrEqual(LONG);
    // Its second slot has not started: a third call is refused and told when that slot starts.
    const third = await cache.reserveSlot('s1', 's1:a', LONG);
    expect(third.granted).toBe(false);
    expect(third.waitMs).toBeGreaterThan(0);
    expect(third.waitMs).toBeLessThanOrEqual(second.waitMs);
    // Another lane is not behind lane a's queue, only behind its one booked slot.
    const other = await cache.reserveSlot('s1', 's1:b', LONG);
    expect(other.granted).toBe(true);
    expect(other.waitMs - second.waitMs).toBeGreaterThan(LONG / 2);
    expect(other.waitMs - second.waitMs).toBeLessThanOrEqual(LONG);
  });

  it('hands concurrent lanes of two instances sharing the store one slot each, an interval apart', async () => {
    const first = open();
    // Two clients of one Valkey stand for two gateway instances; the memory cache is per process.
    const second = first.kind === 'valkey' ? open() : first;
    const reservations = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? first : second).reserveSlot('s2', `s2:lane-${index}`, LONG),
      ),
    );
    expect(reservations.every((reservation) => reservation.granted)).toBe(true);
    const waits = reservations.map((reservation) => reservation.waitMs).sort((a, b) => a - b);
    expect(waits[0]).toBe(0);
    waits.slice(1).forEach((wait, index) => expect(wait - (waits[index] ?? 0)).toBeGreaterThan(LONG / 2));
  });

  it('starts from now again once the schedule and the lane’s slot are in the past', async () => {
    const cache = open();
    expect(await cache.reserveSlot('s3', 's3:a', 1)).toEqual({ granted: true, waitMs: 0 });
    await sleep(20);
    expect(await cache.reserveSlot('s3', 's3:a', 1)).toEqual({ granted: true, waitMs: 0 });
  });
});

describe('reserveSlot on the memory cache, simulated clock', () => {
  it('refuses a lane exactly until its slot starts', async () => {
    let now = 1_000_000;
    const cache = new MemoryCache(() => now);
    await cache.reserveSlot('s', 's:a', 200);
    expect(await cache.reserveSlot('s', 's:a', 200)).toEqual({ granted: true, waitMs: 200 });
    expect(await cache.reserveSlot('s', 's:a', 200)).toEqual({ granted: false, waitMs: 200 });
    now += 199;
    expect(await cache.reserveSlot('s', 's:a', 200)).toEqual({ granted: false, waitMs: 1 });
    now += 1;
    expect(await cache.reserveSlot('s', 's:a', 200)).toEqual({ granted: true, waitMs: 200 });
    await cache.close();
  });
});
