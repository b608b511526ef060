import { describe, expect, it } from 'vitest';
import { MemoryCache } from '../../cache/memory-cache.ts';
import { createEnedisPacer, TOKEN_LANE } from './enedis-pacer.ts';

/**
 * A clock that only moves when told: `sleep` registers a timer, `runUntilIdle` lets every pending
 * promise settle, then jumps to the earliest timer, again and again until none is left. The memory
 * cache and the pacer both read it, so schedules are checked to the millisecond without real waiting.
 */
function simulatedClock() {
  let now = 0;
  let sequence = 0;
  const timers: { at: number; order: number; fire: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        timers.push({ at: now + ms, order: (sequence += 1), fire: resolve });
      }),
    /** Runs `action` at simulated time `at`. */
    at(at: number, action: () => void) {
      timers.push({ at, order: (sequence += 1), fire: action });
    },
    async runUntilIdle() {
      await settle();
      while (timers.length > 0) {
        timers.sort((a, b) => a.at - b.at || a.order - b.order);
        const next = timers.shift();
        if (next) {
          now = Math.max(now, next.at);
          next.fire();
        }
        await settle();
      }
    },
  };
}

/** Pacers (one per simulated instance) on one shared memory cache, 5 calls/s, and a log of granted turns. */
function setup(instances = 1) {
  const clock = simulatedClock();
  const cache = new MemoryCache(clock.now);
  const pacers = Array.from({ length: instances }, () =>
    createEnedisPacer({ cache, scope: 'test', ratePerSecond: 5, sleep: clock.sleep }),
  );
  const granted: { lane: string; at: number }[] = [];
  const pending: Promise<void>[] = [];
  const request = (lane: string, count = 1, pacer = pacers[0]) => {
    for (let call = 0; call < count; call += 1) {
      const turn = pacer?.turn(lane);
      if (turn) {
        pending.push(turn.then(() => void granted.push({ lane, at: clock.now() })));
      }
    }
  };
  /** Runs the simulation to its end; every requested turn must have been granted. */
  const run = async () => {
    await clock.runUntilIdle();
    await Promise.all(pending);
  };
  return { clock, cache, pacers, granted, request, run };
}

const gaps = (times: number[]) => times.slice(1).map((time, index) => time - (times[index] ?? 0));

describe('fair pacing of Enedis calls (simulated clock)', () => {
  it('serves a lone batch at the full rate: one call every 200 ms', async () => {
    const { granted, request, run } = setup();
    request('batch', 20);
    await run();
    expect(granted.map((turn) => turn.at)).toEqual(Array.from({ length: 20 }, (_, index) => index * 200));
  });

  it('serves a single call issued during another user’s 105-call batch at the second slot, not after the batch', async () => {
    const { clock, granted, request, run } = setup();
    request('batch', 105);
    clock.at(3_050, () => request('single'));
    await run();
    const single = granted.find((turn) => turn.lane === 'single');
    // The batch holds the 3,200 ms slot (booked at 3,000 ms): the single call takes the next one.
    expect(single?.at).toBe(3_400);
    expect(granted.findIndex((turn) => turn.lane === 'single')).toBe(17);
    // The global rate holds throughout: never two calls less than 200 ms apart.
    expect(Math.min(...gaps(granted.map((turn) => turn.at)))).toBe(200);
    // The batch lost one slot to its neighbour, nothing more.
    expect(granted.at(-1)?.at).toBe(105 * 200);
  });

  it('serves busy lanes in turn (round robin), whatever the length of their queues', async () => {
    const { granted, request, run } = setup();
    request('a', 30);
    request('b', 3);
    request('c', 10);
    await run();
    expect(
      granted
        .slice(0, 12)
        .map((turn) => turn.lane)
        .join(''),
    ).toBe('abcabcabcaca');
    expect(Math.min(...gaps(granted.map((turn) => turn.at)))).toBe(200);
    expect(granted).toHaveLength(43);
  });

  it('never starves the token lane: a renewal waits one slot per busy lane at most', async () => {
    const { clock, granted, request, run } = setup();
    request('a', 50);
    request('b', 50);
    request('c', 50);
    clock.at(4_010, () => request(TOKEN_LANE));
    await run();
    const token = granted.find((turn) => turn.lane === TOKEN_LANE);
    expect(token?.at).toBeGreaterThan(4_010);
    expect(token?.at).toBeLessThanOrEqual(4_010 + 4 * 200);
  });

  it('keeps the global rate and the round robin across two instances sharing the cache', async () => {
    const { clock, granted, request, pacers, run } = setup(2);
    // The batch user has calls queued on both instances; the other user on the second one only.
    request('batch', 20, pacers[0]);
    request('batch', 20, pacers[1]);
    clock.at(1_050, () => request('single', 2, pacers[1]));
    await run();
    expect(Math.min(...gaps(granted.map((turn) => turn.at)))).toBe(200);
    // Two instances do not give the batch user two shares: the single user's calls come one round apart.
    const single = granted.filter((turn) => turn.lane === 'single').map((turn) => turn.at);
    expect(single).toEqual([1_400, 1_800]);
    expect(granted).toHaveLength(42);
  });

  it('drops an aborted call from its lane without a slot, and still serves the rest', async () => {
    const { clock, granted, request, pacers, run } = setup();
    request('batch', 5);
    const controller = new AbortController();
    const aborted = pacers[0]?.turn('batch', controller.signal);
    clock.at(100, () => controller.abort(new Error('not needed any more')));
    request('batch', 2);
    await Promise.all([expect(aborted).rejects.toThrow('not needed any more'), run()]);
    expect(granted.map((turn) => turn.at)).toEqual([0, 200, 400, 600, 800, 1_000, 1_200]);
  });
});
