/**
 * Mutable state of one RTE emulator instance (tokens, EcoWatt last calls, counters, faults, Tempo
 * overrides) and the control object tests use, exposed as `app.rteEmulator`.
 */
import type { TempoColour } from '@med/core';
import { isIsoDate, isTempoColour } from '@med/core';
import type { InjectedStatus } from './errors.ts';
import {
  assertDelayMinutes,
  checkFaults,
  NO_FAULTS,
  type RteEmulatorOptions,
  type RteFaultSettings,
} from './options.ts';
import { seededRandom } from './prng.ts';
import { assertHhMm } from './rte-dates.ts';

export interface RteCallRecord {
  method: string;
  path: string;
  status: number;
  /** Emulator clock when the call arrived. */
  at: string;
  /** Real clock (ms since epoch): lets a test check the spacing of retries. */
  realTimeMs: number;
  /** The answer was an injected fault. */
  injected: boolean;
}

export interface RteCallStats {
  /** Calls received on RTE paths, whatever their answer. */
  total: number;
  /** Calls per path (query string removed), e.g. `/open_api/ecowatt/v5/signals`. */
  byPath: Record<string, number>;
  /** Answers per HTTP status, e.g. `{ "200": 3, "429": 1 }`. */
  byStatus: Record<string, number>;
  /** Answers that were injected faults. */
  injectedFaults: number;
  /** The last 1 000 calls, oldest first. */
  log: RteCallRecord[];
}

/** Control surface of the RTE emulator, decorated on the Fastify instance as `app.rteEmulator`. */
export interface RteEmulatorControl {
  /** Options in force (defaults filled in). */
  readonly options: Readonly<RteEmulatorOptions>;
  /** Live counters since start or the last `reset()`. */
  readonly stats: RteCallStats;
  /** Fault settings in force. */
  readonly faults: Readonly<RteFaultSettings>;
  /** Calls received on exactly this path. */
  calls(path: string): number;
  /** Changes fault rates / latency / paths; omitted fields keep their value. */
  setFaults(faults: Partial<RteFaultSettings>): void;
  /** Answers the next `count` calls (on paths starting with `pathPrefix`) with `status`, deterministically. */
  failNext(status: InjectedStatus, count?: number, pathPrefix?: string): void;
  /** Forces Tempo colours for some dates (over the generated calendar; not re-validated). */
  setTempoColours(colours: Readonly<Record<string, TempoColour>>): void;
  /** Moves the Paris time at which tomorrow's Tempo colour is published (`HH:MM`). */
  setTempoPublicationTime(hhmm: string): void;
  /** Makes RTE generate the EcoWatt file this many minutes late (0 = on time). */
  setEcowattDelay(minutes: number): void;
  /** Forgets tokens, EcoWatt history, counters, queued failures and overrides; faults back to the options. */
  reset(): void;
}

const LOG_LIMIT = 1000;

interface QueuedFailure {
  status: InjectedStatus;
  remaining: number;
  pathPrefix: string;
}

function emptyStats(): RteCallStats {
  return { total: 0, byPath: {}, byStatus: {}, injectedFaults: 0, log: [] };
}

export class RteRuntime implements RteEmulatorControl {
  readonly options: RteEmulatorOptions;
  /** access_token → client and expiry (emulator ms). */
  readonly tokens = new Map<string, { clientId: string; expiresAtMs: number }>();
  /** client_id → emulator ms of the last EcoWatt call that was served. */
  readonly ecowattLastServed = new Map<string, number>();
  readonly tempoOverrides = new Map<string, TempoColour>();
  tempoPublicationTime: string;
  ecowattDelayMinutes: number;
  #stats = emptyStats();
  #faults: RteFaultSettings;
  #queued: QueuedFailure[] = [];
  #dice: () => number;

  constructor(options: RteEmulatorOptions) {
    this.options = options;
    this.tempoPublicationTime = options.tempoPublicationTime;
    this.ecowattDelayMinutes = options.ecowattDelayMinutes;
    this.#faults = { ...NO_FAULTS, ...options.faults };
    this.#dice = seededRandom(options.faultSeed);
  }

  get stats(): RteCallStats {
    return this.#stats;
  }

  get faults(): Readonly<RteFaultSettings> {
    return this.#faults;
  }

  now(): Date {
    return this.options.now();
  }

  calls(path: string): number {
    return this.#stats.byPath[path] ?? 0;
  }

  setFaults(faults: Partial<RteFaultSettings>): void {
    const next = { ...this.#faults, ...faults };
    checkFaults(next);
    this.#faults = next;
  }

  failNext(status: InjectedStatus, count = 1, pathPrefix = ''): void {
    this.#queued.push({ status, remaining: count, pathPrefix });
  }

  setTempoColours(colours: Readonly<Record<string, TempoColour>>): void {
    for (const [date, colour] of Object.entries(colours)) {
      if (!isIsoDate(date) || !isTempoColour(colour)) {
        throw new RangeError(`Bad Tempo override ${date}=${colour}`);
      }
      this.tempoOverrides.set(date, colour);
    }
  }

  setTempoPublicationTime(hhmm: string): void {
    assertHhMm(hhmm, 'tempoPublicationTime');
    this.tempoPublicationTime = hhmm;
  }

  setEcowattDelay(minutes: number): void {
    assertDelayMinutes(minutes);
    this.ecowattDelayMinutes = minutes;
  }

  reset(): void {
    this.tokens.clear();
    this.ecowattLastServed.clear();
    this.tempoOverrides.clear();
    this.tempoPublicationTime = this.options.tempoPublicationTime;
    this.ecowattDelayMinutes = this.options.ecowattDelayMinutes;
    this.#stats = emptyStats();
    this.#faults = { ...NO_FAULTS, ...this.options.faults };
    this.#queued = [];
    this.#dice = seededRandom(this.options.faultSeed);
  }

  /** True when faults and latency apply to this path. */
  appliesTo(path: string): boolean {
    return this.#faults.paths.length === 0 || this.#faults.paths.some((prefix) => path.startsWith(prefix));
  }

  /** Status of the fault to inject for this call, if any: queued failures first, then the dice. */
  drawFault(path: string): InjectedStatus | null {
    const queued = this.#queued.find((q) => path.startsWith(q.pathPrefix));
    if (queued) {
      queued.remaining -= 1;
      if (queued.remaining <= 0) {
        this.#queued.splice(this.#queued.indexOf(queued), 1);
      }
      return queued.status;
    }
    if (!this.appliesTo(path)) {
      return null;
    }
    const { rate500, rate503, rate429 } = this.#faults;
    if (rate500 + rate503 + rate429 === 0) {
      return null;
    }
    const roll = this.#dice();
    if (roll < rate500) {
      return 500;
    }
    if (roll < rate500 + rate503) {
      return 503;
    }
    if (roll < rate500 + rate503 + rate429) {
      return 429;
    }
    return null;
  }

  recordCall(record: RteCallRecord): void {
    const stats = this.#stats;
    stats.total += 1;
    stats.byPath[record.path] = (stats.byPath[record.path] ?? 0) + 1;
    stats.byStatus[String(record.status)] = (stats.byStatus[String(record.status)] ?? 0) + 1;
    if (record.injected) {
      stats.injectedFaults += 1;
    }
    stats.log.push(record);
    if (stats.log.length > LOG_LIMIT) {
      stats.log.shift();
    }
  }

  /** Credentials of every configured application. */
  clients(): { clientId: string; clientSecret: string; subscriptions: readonly string[] | undefined }[] {
    const { clientId, clientSecret, extraClients } = this.options;
    return [{ clientId, clientSecret, subscriptions: undefined }, ...extraClients].map((c) => ({
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      subscriptions: c.subscriptions,
    }));
  }
}
