/**
 * Latency and fault injection. Draws come from a seeded generator so a benchmark or a retry test can
 * replay the same sequence of failures; without a seed one is picked at random at start-up.
 */
import { randomInt } from 'node:crypto';
import { mulberry32, type Random } from './generator/prng.ts';
import type { FaultOptions, FaultTarget, LatencyOptions } from './options.ts';

/** A failure the injector can decide on. */
export type FaultKind = '500' | '503' | '429' | 'timeout' | 'truncated' | 'gap';

export class FaultInjector {
  #faults: () => FaultOptions;
  #latency: () => LatencyOptions;
  #random: Random = Math.random;
  #seed = 0;

  /** The getters are read on every draw, so runtime changes apply at once. */
  constructor(faults: () => FaultOptions, latency: () => LatencyOptions, initialSeed: number | null) {
    this.#faults = faults;
    this.#latency = latency;
    this.#start(initialSeed);
  }

  /** Restarts the draw sequence from the configured seed (or a fresh random one). */
  reseed(): void {
    this.#start(this.#faults().seed);
  }

  #start(seed: number | null): void {
    this.#seed = seed ?? randomInt(2 ** 31);
    this.#random = mulberry32(this.#seed);
  }

  /** The seed in use, so a failing random run can be replayed. */
  get seed(): number {
    return this.#seed;
  }

  /** Decides whether this call fails, one draw per targeted call. */
  drawFault(target: FaultTarget): FaultKind | null {
    const faults = this.#faults();
    if (!faults.targets.includes(target)) {
      return null;
    }
    const roll = this.#random();
    const table: Array<[FaultKind, number]> = [
      ['500', faults.error500Rate],
      ['503', faults.error503Rate],
      ['429', faults.error429Rate],
      ['timeout', faults.timeoutRate],
      ['truncated', faults.truncatedRate],
      ['gap', faults.gapRate],
    ];
    let threshold = 0;
    for (const [kind, rate] of table) {
      threshold += rate;
      if (roll < threshold) {
        return kind;
      }
    }
    return null;
  }

  /** Delay to add before answering an API call (token, metering, customers), in ms. */
  drawDelayMs(): number {
    const latency = this.#latency();
    const jitter = latency.jitterMs > 0 ? this.#random() * latency.jitterMs : 0;
    return Math.max(0, latency.fixedMs + jitter);
  }
}

/** Waits `ms`, or less when `signal` aborts (client gone, emulator closing). */
export function hold(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
