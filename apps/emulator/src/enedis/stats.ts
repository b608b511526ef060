/**
 * Call counters and a bounded log of recent calls, read by tests and benchmarks through
 * `app.enedisEmulator.stats` (e.g. "the adapter made exactly 3 load-curve calls", "one 429 was sent").
 */

/** Why the emulator answered something other than the real data. */
export type InjectedOutcome = '500' | '503' | '429' | 'timeout' | 'truncated' | 'gap' | 'quota-second' | 'quota-hour';

/** One answered call. */
export interface CallRecord {
  /** Real time the call ended (ISO). */
  at: string;
  method: string;
  /** Path without the query string. */
  path: string;
  /** Registered route (`/metering_data_dc/v5/daily_consumption`), or null when nothing matched. */
  route: string | null;
  clientId: string | null;
  usagePointId: string | null;
  status: number;
  /** Set when fault injection or the rate limiter produced the answer. */
  injected: InjectedOutcome | null;
  durationMs: number;
}

/** Snapshot of the counters. */
export interface EmulatorStats {
  total: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  byClient: Record<string, number>;
  injected: Record<string, number>;
  /**
   * Calls whose client hung up before the answer (a held `timeout`, typically), by injected outcome
   * (`none` without one). Kept apart from the counters above, which count answered calls only.
   */
  abandoned: Record<string, number>;
  /** The most recent calls, oldest first (bounded by `callLogSize`). */
  calls: CallRecord[];
}

function bump(counter: Record<string, number>, key: string): void {
  counter[key] = (counter[key] ?? 0) + 1;
}

/** Accumulates call records. */
export class CallStats {
  #limit: () => number;
  #stats: EmulatorStats = CallStats.#empty();

  constructor(limit: () => number) {
    this.#limit = limit;
  }

  static #empty(): EmulatorStats {
    return { total: 0, byRoute: {}, byStatus: {}, byClient: {}, injected: {}, abandoned: {}, calls: [] };
  }

  record(call: CallRecord): void {
    const stats = this.#stats;
    stats.total += 1;
    bump(stats.byRoute, call.route ?? call.path);
    bump(stats.byStatus, String(call.status));
    if (call.clientId !== null) {
      bump(stats.byClient, call.clientId);
    }
    if (call.injected !== null) {
      bump(stats.injected, call.injected);
    }
    stats.calls.push(call);
    const overflow = stats.calls.length - this.#limit();
    if (overflow > 0) {
      stats.calls.splice(0, overflow);
    }
  }

  /** A copy, so a test can keep it while more calls arrive. */
  snapshot(): EmulatorStats {
    const s = this.#stats;
    return {
      total: s.total,
      byRoute: { ...s.byRoute },
      byStatus: { ...s.byStatus },
      byClient: { ...s.byClient },
      injected: { ...s.injected },
      abandoned: { ...s.abandoned },
      calls: [...s.calls],
    };
  }

  /** A call the client gave up on before the answer. */
  abandon(injected: InjectedOutcome | null): void {
    bump(this.#stats.abandoned, injected ?? 'none');
  }

  reset(): void {
    this.#stats = CallStats.#empty();
  }
}
