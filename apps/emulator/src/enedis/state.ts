/** The mutable state of one Enedis emulator instance, shared by its routes and its control object. */
import type { FastifyRequest } from 'fastify';
import { TokenStore } from './auth/token-store.ts';
import { ConsentStore } from './consent/consent-store.ts';
import { FaultInjector } from './faults.ts';
import { buildCatalogue, type MeterCatalogue } from './meters/catalogue.ts';
import type { ResolvedEnedisOptions } from './options.ts';
import { RateLimiter } from './rate-limit.ts';
import { CallStats, type InjectedOutcome } from './stats.ts';

/** What the hooks learn about a call while it runs, for the call log. */
export interface CallContext {
  startedAt: number;
  clientId: string | null;
  injected: InjectedOutcome | null;
  /** Cut the JSON body in half when sending (truncation fault). */
  truncate: boolean;
  /** Drop two readings from the middle of a 200 body (gap fault). */
  gap: boolean;
  /** Aborted when the client goes away or the emulator closes; ends held requests early. */
  abort: AbortController;
}

export interface EmulatorState {
  /** Live options: the control object changes latency, faults, quotas and consent rules in place. */
  options: ResolvedEnedisOptions;
  catalogue: MeterCatalogue;
  tokens: TokenStore;
  consents: ConsentStore;
  limiter: RateLimiter;
  faults: FaultInjector;
  stats: CallStats;
  calls: WeakMap<FastifyRequest, CallContext>;
  /** One controller per call in flight, aborted on close so held requests end promptly. */
  inFlight: Set<AbortController>;
}

export function createState(options: ResolvedEnedisOptions): EmulatorState {
  const state: EmulatorState = {
    options,
    catalogue: buildCatalogue(options),
    tokens: new TokenStore(),
    consents: new ConsentStore(),
    limiter: new RateLimiter(() => state.options.rateLimit),
    faults: new FaultInjector(
      () => state.options.faults,
      () => state.options.latency,
      options.faults.seed,
    ),
    stats: new CallStats(() => state.options.callLogSize),
    calls: new WeakMap(),
    inFlight: new Set(),
  };
  return state;
}

/** The context of a request (created by the `onRequest` hook of the plugin). */
export function callContext(state: EmulatorState, request: FastifyRequest): CallContext {
  const context = state.calls.get(request);
  if (!context) {
    throw new Error('Enedis emulator: request has no call context');
  }
  return context;
}
