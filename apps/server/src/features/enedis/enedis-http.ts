import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import { ErrorCode } from '@med/contracts';
import { backoffDelayMs } from '../../jobs/backoff.ts';
import { classifyEnedisFailure, unavailable, EnedisError, type ThrottledQuota } from './enedis-errors.ts';
import { SYSTEM_LANE, type EnedisPacer } from './enedis-pacer.ts';
import type { TokenProvider } from './enedis-token.ts';

export interface EnedisHttpOptions {
  baseUrl: string;
  tokens: TokenProvider;
  /** The one rate limiter of this upstream: fair turns per lane on a schedule shared by every instance. */
  pacer: EnedisPacer;
  timeoutMs: number;
  maxAttempts: number;
  log: FastifyBaseLogger;
  /** Longest quota wait (429) accepted before answering 503 instead. Default 30 s. */
  maxQuotaWaitMs?: number;
  /** Backoff between attempts on 5xx/timeouts (`backoffDelayMs`): first pause and cap. */
  retryBaseMs?: number;
  retryCapMs?: number;
  /** Told of every HTTP attempt, 429, 5xx answer and retry (the admin overview's counters). */
  onEvent?: (event: 'call' | 'throttled' | 'server_error' | 'retry') => void;
  /** Clock in ms, the one `nextAccessTime` is compared with (tests align it with the emulator's quota clock). */
  now?: () => number;
}

const MS_PER_HOUR = 3_600_000;
/** Least wait after a per-second (Q3) 429; the reference asks for at least 1 s. */
const PER_SECOND_QUOTA_MIN_WAIT_MS = 1000;
const PER_SECOND_QUOTA_MAX_WAIT_MS = 8000;
/** Spread of the restart after a quota window, so every waiting call does not fire in the same millisecond. */
const QUOTA_RESTART_JITTER_MS = 250;

/**
 * How long to wait after a 429. `nextAccessTime` wins when the body has it. Without it:
 * - Q4 (the hourly quota, e.g. the 2020 body `Quota Q4 reached …`) resets at the next clock hour, so
 *   retrying after a second would only burn calls against a closed window: wait until the hour (Enedis
 *   hours are whole hours in UTC and Paris alike). The caller answers 503 when that is over its maximum.
 * - Q3 (per second) waits at least 1 s, doubling with each 429 of the same call, capped at 8 s.
 */
export function quotaWaitMs(quota: ThrottledQuota, nextAccessWaitMs: number | null, throttles: number, now: number) {
  if (nextAccessWaitMs !== null) {
    return nextAccessWaitMs;
  }
  if (quota === 'hour') {
    return (Math.floor(now / MS_PER_HOUR) + 1) * MS_PER_HOUR - now;
  }
  return backoffDelayMs(throttles, PER_SECOND_QUOTA_MIN_WAIT_MS, PER_SECOND_QUOTA_MAX_WAIT_MS);
}

/**
 * GET on the Enedis gateway: fair global pacing (every call waits for its lane's turn on the schedule all
 * instances share, see enedis-pacer.ts), timeouts, retries with full-jitter backoff on 5xx/timeouts/truncated bodies/token outages, waits on
 * 429 as told, one token renewal on 401, and permanent errors mapped to gateway codes without retry.
 * Calls that are still failing after `maxAttempts` end in 503 ENEDIS_UNAVAILABLE (transient: the user may
 * retry); answers Enedis refuses for good end in their own code or 502 ENEDIS_ERROR.
 */
/** On whose behalf a call is made, and until when it is wanted. */
export interface EnedisCall {
  /** The caller's lane (one per user): lanes share the rate fairly. Default: the system lane. */
  lane?: string;
  /**
   * Aborting drops the call while it waits for its turn or between retries (the abort reason is thrown);
   * a request already sent is left to finish, since Enedis has counted it anyway.
   */
  signal?: AbortSignal;
  /** The user is in debug mode (admin console): each attempt is logged at warn level with its outcome. */
  debug?: boolean;
}

export function createEnedisHttp(options: EnedisHttpOptions) {
  const now = options.now ?? Date.now;
  const maxQuotaWaitMs = options.maxQuotaWaitMs ?? 30_000;
  const retryBaseMs = options.retryBaseMs ?? 250;
  const retryCapMs = options.retryCapMs ?? 4000;
  const stats = { calls: 0, retries: 0, throttled: 0 };
  // Set when a 429 announced a wait longer than we accept: until then calls fail at once instead of
  // spending more of a quota that is already spent (the many chunks of one request would each try).
  let quotaClosedUntil = 0;

  const quotaClosed = (waitMs: number) =>
    unavailable('Quota Enedis de la passerelle atteint : réessayez plus tard.', waitMs / 1000);

  async function attemptOnce(url: string, call: EnedisCall) {
    // Token first: a renewal takes its own turn on the token lane instead of holding this call's slot.
    const token = await options.tokens.get();
    await options.pacer.turn(call.lane ?? SYSTEM_LANE, call.signal);
    stats.calls += 1;
    options.onEvent?.('call');
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    try {
      return { token, status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown), parsed: true };
    } catch {
      return { token, status: response.status, body: null, parsed: false };
    }
  }

  return {
    stats,
    async get<T>(path: string, query: Record<string, string>, call: EnedisCall = {}): Promise<T> {
      const { signal } = call;
      const url = `${options.baseUrl}${path}?${new URLSearchParams(query).toString()}`;
      let renewedToken = false;
      let throttles = 0;
      let lastReason = 'unknown';
      for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
        signal?.throwIfAborted();
        if (quotaClosedUntil > now()) {
          throw quotaClosed(quotaClosedUntil - now());
        }
        let result;
        const startedAt = Date.now();
        try {
          result = await attemptOnce(url, call);
          if (call.debug) {
            options.log.warn(
              { path, attempt, status: result.status, ms: Date.now() - startedAt },
              'Enedis call (user in debug mode)',
            );
          }
        } catch (error) {
          if (call.debug) {
            options.log.warn(
              { path, attempt, err: error, ms: Date.now() - startedAt },
              'Enedis call failed (user in debug mode)',
            );
          }
          signal?.throwIfAborted();
          // A token endpoint that refuses our credentials is permanent; its outages are retried like ours.
          if (error instanceof EnedisError && error.status !== 503) {
            throw error;
          }
          lastReason =
            error instanceof EnedisError
              ? 'token'
              : error instanceof Error && error.name === 'TimeoutError'
                ? 'timeout'
                : 'network error';
          await retryPause(attempt);
          continue;
        }
        if (result.status >= 200 && result.status < 300) {
          if (result.parsed) {
            return result.body as T;
          }
          lastReason = 'truncated JSON';
          await retryPause(attempt);
          continue;
        }
        if (result.status >= 500) {
          options.onEvent?.('server_error');
        }
        const verdict = classifyEnedisFailure(result.status, result.body, new Date(now()));
        switch (verdict.kind) {
          case 'permanent':
            throw verdict.error;
          case 'unauthorized':
            if (renewedToken) {
              throw new EnedisError(502, ErrorCode.ENEDIS_ERROR, 'Enedis refuse le jeton de la passerelle.', undefined);
            }
            renewedToken = true;
            await options.tokens.invalidate(result.token);
            attempt -= 1;
            continue;
          case 'throttled': {
            stats.throttled += 1;
            options.onEvent?.('throttled');
            throttles += 1;
            const waitMs = quotaWaitMs(verdict.quota, verdict.waitMs, throttles, now());
            if (waitMs > maxQuotaWaitMs) {
              quotaClosedUntil = Math.max(quotaClosedUntil, now() + waitMs);
              options.log.warn({ path, quota: verdict.quota, waitMs }, 'Enedis quota reached');
              throw quotaClosed(waitMs);
            }
            lastReason = `${verdict.reason} (429)`;
            if (attempt < options.maxAttempts) {
              stats.retries += 1;
              options.onEvent?.('retry');
              await pause(waitMs + Math.random() * QUOTA_RESTART_JITTER_MS);
            }
            continue;
          }
          case 'transient':
            lastReason = verdict.reason;
            await retryPause(attempt);
            continue;
        }
      }
      options.log.warn({ path, reason: lastReason }, 'Enedis call failed after retries');
      throw unavailable(`Enedis est indisponible (${lastReason}). Réessayez dans quelques minutes.`, 60);

      async function retryPause(attempt: number) {
        if (attempt >= options.maxAttempts) {
          return;
        }
        stats.retries += 1;
        options.onEvent?.('retry');
        // The pacer already spreads retries (each waits for its lane's turn), so the pause only has to give
        // Enedis time to recover: the gateway's one backoff helper, with its floor, serves.
        await pause(backoffDelayMs(attempt, retryBaseMs, retryCapMs));
      }

      /** A pause that ends early, with the caller's reason, when the call is no longer wanted. */
      async function pause(ms: number) {
        await sleep(ms, undefined, signal ? { signal } : {}).catch((error: unknown) => {
          signal?.throwIfAborted();
          throw error;
        });
      }
    },
  };
}
export type EnedisHttp = ReturnType<typeof createEnedisHttp>;
