/**
 * Options of the Enedis emulator and their defaults. Every behaviour that the real API leaves
 * uncertain (reference §A4, §A9, Part E) is a setting here, so adapter tests can pin it.
 */
import type { EnedisStamping } from '@med/core';
import type { MeterInput } from './meters/types.ts';

/** An application registered on the (emulated) DataHub portal. */
export interface EmulatorClient {
  clientId: string;
  clientSecret: string;
  /** Where the consent page sends the browser back when the request has no `redirect_uri`. */
  redirectUri: string;
}

/** The checks after the format checks, in the order Enedis is assumed to run them (§A9.3). */
export type MeteringCheck = 'consent' | 'direction' | 'history' | 'activation' | 'span';

/** History depth of a data family, counted back from today (Paris). */
export interface HistoryDepth {
  months: number;
  days: number;
}

/** Per-application quotas (Q3 = per second, Q4 = per hour). */
export interface RateLimitOptions {
  enabled: boolean;
  /** Token bucket: refill rate and burst size. Enedis: 5. */
  perSecond: number;
  /** Fixed clock-hour window. Enedis: 10,000. */
  perHour: number;
  /**
   * Clock of the limiter in ms. Defaults to the real clock, not the emulator's `now`: quotas are about
   * real request pacing, and tests usually pin `now` to a fixed calendar instant.
   */
  clock: () => number;
}

/** Delay added before answering each API call. */
export interface LatencyOptions {
  fixedMs: number;
  /** Extra uniform random delay in [0, jitterMs). */
  jitterMs: number;
}

/** Which endpoints faults and latency apply to. */
export type FaultTarget = 'token' | 'metering' | 'customers';

/** Random failures, each a probability in [0, 1] per call (their sum must stay ≤ 1). */
export interface FaultOptions {
  /** Seed of the fault and jitter draws; same seed + same call sequence = same faults. */
  seed: number | null;
  /** 500 `technical_error`. */
  error500Rate: number;
  /** 503 service unavailable. */
  error503Rate: number;
  /** 429 with the per-second `fault` body, whatever the real quota says. */
  error429Rate: number;
  /** Hold the request `timeoutMs`, then answer 504 (the client should have given up before). */
  timeoutRate: number;
  timeoutMs: number;
  /** 200 with the JSON body cut in half. */
  truncatedRate: number;
  /** 200 with a valid body missing two readings in the middle (two half-hours of one day on a load curve). */
  gapRate: number;
  targets: FaultTarget[];
}

/** Every setting of the Enedis emulator, defaults applied (see {@link resolveOptions}). */
export interface ResolvedEnedisOptions {
  /** Current instant (set by `buildEmulator`). Decides today, D-1, token expiry, consent expiry. */
  now: () => Date;
  /** Registered applications. Default: one client, `med-emulator-client` / `med-emulator-secret`. */
  clients: EmulatorClient[];
  /** Access-token lifetime in seconds of emulator time. Default 12600 (3 h 30). */
  tokenLifetimeSeconds: number;
  /** Serve the sandbox fake clients 0–8. Default true. */
  includeSandboxMeters: boolean;
  /** Sandbox meters hold consent without the consent page, as in the real sandbox. Default true. */
  sandboxPreConsented: boolean;
  /** Serve the three demo-account meters. Default true. */
  includeDemoMeters: boolean;
  /** Extra meters (a PRM already known is replaced). */
  meters: MeterInput[];
  /** Check consent per (client, PRM); false serves any known PRM (revoked ones excepted). Default true. */
  requireConsent: boolean;
  /**
   * Skip the consent page: GET authorize redirects at once with these PRMs, or with the sandbox
   * client picked by the last digit of `state` when `'state'`. Default null (show the page).
   */
  autoSelect: string[] | 'state' | null;
  /** How load-curve end stamps are written on DST days (see `@med/core`). Default `start-plus-length`. */
  dstStamping: EnedisStamping;
  /** Paris hour from which D-1 is published; earlier calls stop at D-2. Default null (D-1 at once). */
  publicationHour: number | null;
  /** History depth. Default: load curves 24 months + 15 days, daily data 36 months + 15 days. */
  history: { loadCurve: HistoryDepth; daily: HistoryDepth };
  /** Maximum `end − start` in days for load curves (ADAM-ERR0126). Default 7. */
  loadCurveMaxDays: number;
  /** Maximum `end − start` in days for daily data (400 invalid_request). Default null (no limit). */
  dailyMaxDays: number | null;
  /** Answer to load-curve calls on a meter without load-curve collection. Default `no_data_found`. */
  loadCurveDisabledError: 'no_data_found' | 'ADAM-ERR0075';
  /** Order of the checks after the format checks. Default consent, direction, history, activation, span. */
  validationOrder: MeteringCheck[];
  rateLimit: RateLimitOptions;
  latency: LatencyOptions;
  faults: FaultOptions;
  /** How many recent calls `stats.calls` keeps. Default 1000. */
  callLogSize: number;
}

/**
 * What callers pass to the emulator: every field optional, nested groups partial; anything left out
 * takes the default documented on {@link ResolvedEnedisOptions}.
 */
export type EnedisEmulatorOptions = Partial<
  Omit<ResolvedEnedisOptions, 'history' | 'rateLimit' | 'latency' | 'faults'>
> & {
  history?: Partial<ResolvedEnedisOptions['history']>;
  rateLimit?: Partial<RateLimitOptions>;
  latency?: Partial<LatencyOptions>;
  faults?: Partial<FaultOptions>;
};

export const DEFAULT_CLIENT: EmulatorClient = {
  clientId: 'med-emulator-client',
  clientSecret: 'med-emulator-secret',
  redirectUri: 'http://localhost:8000/api/oauth/callback',
};

export const DEFAULT_FAULTS: FaultOptions = {
  seed: null,
  error500Rate: 0,
  error503Rate: 0,
  error429Rate: 0,
  timeoutRate: 0,
  timeoutMs: 35_000,
  truncatedRate: 0,
  gapRate: 0,
  targets: ['metering', 'customers'],
};

/** Applies the defaults. */
export function resolveOptions(input: EnedisEmulatorOptions): ResolvedEnedisOptions {
  return {
    now: input.now ?? (() => new Date()),
    clients: input.clients ?? [DEFAULT_CLIENT],
    tokenLifetimeSeconds: input.tokenLifetimeSeconds ?? 12_600,
    includeSandboxMeters: input.includeSandboxMeters ?? true,
    sandboxPreConsented: input.sandboxPreConsented ?? true,
    includeDemoMeters: input.includeDemoMeters ?? true,
    meters: input.meters ?? [],
    requireConsent: input.requireConsent ?? true,
    autoSelect: input.autoSelect ?? null,
    dstStamping: input.dstStamping ?? 'start-plus-length',
    publicationHour: input.publicationHour ?? null,
    history: {
      loadCurve: input.history?.loadCurve ?? { months: 24, days: 15 },
      daily: input.history?.daily ?? { months: 36, days: 15 },
    },
    loadCurveMaxDays: input.loadCurveMaxDays ?? 7,
    dailyMaxDays: input.dailyMaxDays ?? null,
    loadCurveDisabledError: input.loadCurveDisabledError ?? 'no_data_found',
    validationOrder: input.validationOrder ?? ['consent', 'direction', 'history', 'activation', 'span'],
    rateLimit: { enabled: true, perSecond: 5, perHour: 10_000, clock: () => Date.now(), ...input.rateLimit },
    latency: { fixedMs: 0, jitterMs: 0, ...input.latency },
    faults: { ...DEFAULT_FAULTS, ...input.faults },
    callLogSize: input.callLogSize ?? 1000,
  };
}
