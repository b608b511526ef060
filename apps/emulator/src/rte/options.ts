/** Options of the RTE emulator, their defaults, and the runtime fault settings. */
import { assertHhMm } from './rte-dates.ts';

/** The RTE APIs an application can subscribe to on the portal (a missing subscription gives 403). */
export const RTE_APIS = ['tempo', 'ecowatt', 'consumption', 'generation'] as const;
export type RteApi = (typeof RTE_APIS)[number];

/** Fault injection, adjustable at runtime through `app.rteEmulator.setFaults()`. */
export interface RteFaultSettings {
  /** Probability (0–1) that a call is answered 500 `COMMON_ERROR_T03`. */
  rate500: number;
  /** Probability (0–1) that a call is answered 503 (maintenance). */
  rate503: number;
  /** Probability (0–1) that a call is answered 429 (rate limit). */
  rate429: number;
  /** Delay added before every answer, in real milliseconds. */
  latencyMs: number;
  /** Only paths starting with one of these prefixes get faults and latency; empty = every RTE path. */
  paths: string[];
}

export interface RteClientCredentials {
  clientId: string;
  clientSecret: string;
  /** APIs this application subscribed to; default: all of them. */
  subscriptions?: RteApi[];
}

export interface RteEmulatorOptions {
  /** Emulator clock; everything time-based (publication, token expiry, EcoWatt 15 min) reads it. */
  now: () => Date;
  /** Default application credentials. */
  clientId: string;
  clientSecret: string;
  /** More applications, e.g. to prove the EcoWatt limit is per client. */
  extraClients: RteClientCredentials[];
  /** `expires_in` of tokens, seconds (RTE: 7200). */
  tokenTtlSeconds: number;
  /** Paris time from which tomorrow's Tempo colour exists (sources say 10:20–11:00; MED's README 10:40). */
  tempoPublicationTime: string;
  /**
   * What a Tempo request reaching into an unpublished tomorrow gets: `error` = F04 (reference §B6, seen
   * in real traffic), `truncate` = 200 without tomorrow (what hekmon/rtetempo's polling also copes with).
   */
  tempoUnpublishedBehaviour: 'error' | 'truncate';
  /** First day RTE serves (2014-09-01). */
  tempoHistoryStart: string;
  /** Days served without a `value` key, like RTE's real hole on 2022-12-28. */
  tempoDaysWithoutValue: string[];
  /**
   * Minutes by which the EcoWatt file comes after its usual time (17:00, Friday 12:15): RTE late, so a
   * client keeps being served the previous file (0 = on time).
   */
  ecowattDelayMinutes: number;
  /** Minimum gap between two served EcoWatt calls of one client, seconds (RTE: 15 min). */
  ecowattMinIntervalSeconds: number;
  /** Order of `signals`: RTE's order is not reliable (one client hard-codes 3,1,2,0), so we shuffle. */
  ecowattSignalOrder: 'chronological' | 'shuffled';
  /** Send `Retry-After` on 429s. Off by default: RTE sending it is unverified, clients must not rely on it. */
  retryAfterHeader: boolean;
  /** The `Retry-After` (seconds) sent on injected 429/503/509 when `retryAfterHeader` is on. */
  retryAfterSeconds: number;
  /** Initial fault settings (see `RteFaultSettings`). */
  faults: Partial<RteFaultSettings>;
  /** Seed of the fault dice, so a fault sequence is reproducible. */
  faultSeed: number;
  /** Responses above this size get 413 (RTE: 7 MB). */
  maxResponseBytes: number;
}

export const DEFAULT_RTE_OPTIONS: Omit<RteEmulatorOptions, 'now'> = {
  clientId: 'med-rte-emulator-client',
  clientSecret: 'med-rte-emulator-secret',
  extraClients: [],
  tokenTtlSeconds: 7200,
  tempoPublicationTime: '10:40',
  tempoUnpublishedBehaviour: 'error',
  tempoHistoryStart: '2014-09-01',
  tempoDaysWithoutValue: ['2022-12-28'],
  ecowattDelayMinutes: 0,
  ecowattMinIntervalSeconds: 15 * 60,
  ecowattSignalOrder: 'shuffled',
  retryAfterHeader: false,
  retryAfterSeconds: 60,
  faults: {},
  faultSeed: 1,
  maxResponseBytes: 7 * 1024 * 1024,
};

export const NO_FAULTS: RteFaultSettings = { rate500: 0, rate503: 0, rate429: 0, latencyMs: 0, paths: [] };

/** Fills defaults and checks values, so a typo fails at start-up rather than mid-test. */
export function resolveRteOptions(partial: Partial<RteEmulatorOptions>): RteEmulatorOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const options: RteEmulatorOptions = { now: () => new Date(), ...DEFAULT_RTE_OPTIONS, ...defined };
  assertHhMm(options.tempoPublicationTime, 'tempoPublicationTime');
  assertDelayMinutes(options.ecowattDelayMinutes);
  if (!(Number.isInteger(options.retryAfterSeconds) && options.retryAfterSeconds >= 0)) {
    throw new RangeError(`retryAfterSeconds must be a whole number of seconds, got ${options.retryAfterSeconds}`);
  }
  checkFaults({ ...NO_FAULTS, ...options.faults });
  return options;
}

/** An EcoWatt delay stays below a day, so "the latest file" is always one of the last few days' files. */
export function assertDelayMinutes(minutes: number): void {
  if (!(Number.isInteger(minutes) && minutes >= 0 && minutes < 24 * 60)) {
    throw new RangeError(`ecowattDelayMinutes must be a whole number of minutes below a day, got ${minutes}`);
  }
}

export function checkFaults(faults: RteFaultSettings): void {
  for (const key of ['rate500', 'rate503', 'rate429'] as const) {
    const rate = faults[key];
    if (!(rate >= 0 && rate <= 1)) {
      throw new RangeError(`${key} must be between 0 and 1, got ${rate}`);
    }
  }
  if (faults.rate500 + faults.rate503 + faults.rate429 > 1) {
    throw new RangeError('fault rates add up to more than 1');
  }
  if (!(faults.latencyMs >= 0)) {
    throw new RangeError(`latencyMs must be >= 0, got ${faults.latencyMs}`);
  }
}
