/**
 * Exponential backoff: `minMs`, then doubling per further failure, capped at `maxMs`, plus up to 20 %
 * random jitter so instances and retries spread out. The wait never drops below `minMs`, so a failing
 * upstream can never be called in a tight loop, whatever the random draw.
 *
 * @param failures consecutive failures so far (1 after the first failure)
 */
export function backoffDelayMs(
  failures: number,
  minMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.max(0, failures - 1));
  return Math.round(Math.min(maxMs, base * (1 + 0.2 * random())));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      return reject(signal.reason as Error);
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
