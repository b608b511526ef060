/**
 * The control object tests and benchmarks use to observe and steer a running emulator:
 * `app.enedisEmulator` (a Fastify decorator).
 *
 * ```ts
 * const app = await buildEmulator({ now: () => new Date('2025-06-15T10:00:00Z') });
 * app.enedisEmulator.setFaults({ error500Rate: 0.2, seed: 42 });
 * // … drive the adapter …
 * expect(app.enedisEmulator.stats.byStatus['500']).toBeGreaterThan(0);
 * ```
 */
import type { ConsentRecord } from './consent/consent-store.ts';
import { consentExpiry } from './consent/duration.ts';
import type { MeterDefinition } from './meters/types.ts';
import type {
  EmulatorClient,
  FaultOptions,
  LatencyOptions,
  RateLimitOptions,
  ResolvedEnedisOptions,
} from './options.ts';
import type { EmulatorState } from './state.ts';
import type { EmulatorStats } from './stats.ts';

/** Options that may change while the emulator runs. */
export type RuntimeOptions = Partial<
  Pick<
    ResolvedEnedisOptions,
    | 'now'
    | 'requireConsent'
    | 'autoSelect'
    | 'dstStamping'
    | 'publicationHour'
    | 'history'
    | 'loadCurveMaxDays'
    | 'dailyMaxDays'
    | 'loadCurveDisabledError'
    | 'validationOrder'
    | 'tokenLifetimeSeconds'
  >
>;

export interface EnedisEmulatorControl {
  /** The options in force (read-only; change them with the setters). */
  readonly options: Readonly<ResolvedEnedisOptions>;
  /** The default application: first entry of `clients`. */
  readonly client: EmulatorClient;
  /** Counters and the recent-call log; each read returns a fresh copy. */
  readonly stats: EmulatorStats;
  /** Seed of the fault and jitter draws in use (log it to replay a random failure). */
  readonly faultSeed: number;
  resetStats(): void;
  /** Changes fault injection; giving `seed` restarts the draw sequence from it. */
  setFaults(faults: Partial<FaultOptions>): void;
  setLatency(latency: Partial<LatencyOptions>): void;
  /** Changes the quotas and forgets the calls counted so far. */
  setRateLimit(limits: Partial<RateLimitOptions>): void;
  resetRateLimits(): void;
  /** Changes other behaviours at runtime (consent rule, publication hour, DST stamping, …). */
  configure(changes: RuntimeOptions): void;
  /** Records consent as the consent page would (default client, default duration P3Y). */
  grantConsent(prms: string[], options?: { clientId?: string; duration?: string }): void;
  revokeConsent(prm: string, clientId?: string): void;
  /** A new occupant moves in: every consent for the PRM ends and reads answer ADAM-DC-0007 until a new one. */
  changeOccupant(prm: string): void;
  consents(): ConsentRecord[];
  /** A valid access token, without going through `/oauth2/v3/token`. */
  issueToken(clientId?: string): string;
  /** Invalidates every token (the next data call gets 401). */
  revokeAllTokens(): void;
  meters(): MeterDefinition[];
  meter(prm: string): MeterDefinition | undefined;
}

export function createControl(state: EmulatorState): EnedisEmulatorControl {
  const defaultClient = () => {
    const client = state.options.clients[0];
    if (!client) {
      throw new Error('Enedis emulator: no client is configured');
    }
    return client;
  };
  return {
    get options() {
      return state.options;
    },
    get client() {
      return defaultClient();
    },
    get stats() {
      return state.stats.snapshot();
    },
    get faultSeed() {
      return state.faults.seed;
    },
    resetStats: () => state.stats.reset(),
    setFaults(faults) {
      state.options = { ...state.options, faults: { ...state.options.faults, ...faults } };
      if (faults.seed !== undefined) {
        state.faults.reseed();
      }
    },
    setLatency(latency) {
      state.options = { ...state.options, latency: { ...state.options.latency, ...latency } };
    },
    setRateLimit(limits) {
      state.options = { ...state.options, rateLimit: { ...state.options.rateLimit, ...limits } };
      state.limiter.reset();
    },
    resetRateLimits: () => state.limiter.reset(),
    configure(changes) {
      state.options = { ...state.options, ...changes };
    },
    grantConsent(prms, options = {}) {
      const now = state.options.now();
      const expiry = consentExpiry(options.duration ?? 'P3Y', now);
      if (!expiry.ok) {
        throw new RangeError(`consent duration: ${expiry.reason}`);
      }
      for (const prm of prms) {
        if (!state.catalogue.get(prm)) {
          throw new RangeError(`unknown meter ${prm}`);
        }
        state.consents.grant({
          clientId: options.clientId ?? defaultClient().clientId,
          prm,
          grantedAt: now,
          expiresAt: expiry.expiresAt,
        });
      }
    },
    revokeConsent: (prm, clientId) => state.consents.revoke(clientId ?? defaultClient().clientId, prm),
    changeOccupant: (prm) => state.consents.moveOut(prm),
    consents: () => state.consents.list(),
    issueToken: (clientId) =>
      state.tokens.issue(clientId ?? defaultClient().clientId, state.options.now(), state.options.tokenLifetimeSeconds),
    revokeAllTokens: () => state.tokens.revokeAll(),
    meters: () => state.catalogue.all(),
    meter: (prm) => state.catalogue.get(prm),
  };
}
