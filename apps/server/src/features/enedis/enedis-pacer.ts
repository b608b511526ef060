import { setTimeout as sleep } from 'node:timers/promises';
import type { CachePort } from '../../cache/cache.port.ts';

/** Lane of the token calls: its own, so renewals never queue behind a user's batch. */
export const TOKEN_LANE = 'token';
/** Lane of calls made on nobody's behalf (scheduled work, test fixtures). */
export const SYSTEM_LANE = 'system';

export interface EnedisPacerOptions {
  cache: Pick<CachePort, 'reserveSlot'>;
  /** Names the upstream (production, sandbox, emulator): each has its own schedule. */
  scope: string;
  ratePerSecond: number;
  /** Waits `ms`; tests pass a simulated clock's (the memory cache then takes the same clock). */
  sleep?: (ms: number) => Promise<unknown>;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * Shares the upstream's rate fairly between users. Enedis allows 5 calls per second per application,
 * whoever they are for; a global first-come schedule let one user's 2-year batch (105 calls, 21 s)
 * book every slot ahead of a neighbour's single call. Here each user has a lane: calls of one lane wait
 * in a local FIFO and a single loop per lane takes their turns from the shared schedule
 * (`CachePort.reserveSlot`), which lets a lane hold one future slot at a time. Busy lanes therefore take
 * slots in turn (round robin, across instances too), and a single call waits about one slot per other
 * busy lane. One loop per lane also means one cache round trip per slot, not one per queued call.
 *
 * @example
 * const pacer = createEnedisPacer({ cache, scope: 'production', ratePerSecond: 5 });
 * await pacer.turn(laneOfUser); // now send one request
 */
export function createEnedisPacer(options: EnedisPacerOptions) {
  // Whole milliseconds: Valkey expiries (PX) take integers.
  const intervalMs = Math.ceil(1000 / options.ratePerSecond);
  const wait = options.sleep ?? sleep;
  const scheduleKey = `enedis:${options.scope}:pacing`;
  const lanes = new Map<string, Waiter[]>();

  function settle(waiter: Waiter | undefined, outcome: { error: unknown } | null): void {
    if (!waiter) {
      return;
    }
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    if (outcome) {
      waiter.reject(outcome.error);
    } else {
      waiter.resolve();
    }
  }

  async function serve(lane: string, queue: Waiter[]): Promise<void> {
    const laneKey = `${scheduleKey}:lane:${lane}`;
    while (queue.length > 0) {
      let reservation;
      try {
        reservation = await options.cache.reserveSlot(scheduleKey, laneKey, intervalMs);
      } catch (error) {
        // The shared store is down: the call at the head fails (its retry logic decides), the next ones try again.
        settle(queue.shift(), { error });
        continue;
      }
      if (reservation.waitMs > 0) {
        await wait(reservation.waitMs);
      }
      if (reservation.granted) {
        // A waiter aborted during the wait leaves the slot unused: one slot, not worth giving back.
        settle(queue.shift(), null);
      }
    }
    // No await between the last check and here: a turn() arriving now starts a new loop.
    lanes.delete(lane);
  }

  return {
    /**
     * Resolves when the caller may send one request for `lane`; rejects with the signal's reason if it
     * aborts first (the call then leaves the queue without using a slot).
     */
    turn(lane: string, signal?: AbortSignal): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason as Error);
          return;
        }
        let queue = lanes.get(lane);
        const waiter: Waiter = {
          resolve,
          reject,
          signal,
          onAbort: () => {
            const index = queue?.indexOf(waiter) ?? -1;
            if (index >= 0) {
              queue?.splice(index, 1);
              reject(signal?.reason as Error);
            }
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        if (queue) {
          queue.push(waiter);
          return;
        }
        queue = [waiter];
        lanes.set(lane, queue);
        void serve(lane, queue);
      });
    },
  };
}
export type EnedisPacer = ReturnType<typeof createEnedisPacer>;
