import type { FastifyBaseLogger } from 'fastify';
import { backoffDelayMs, sleep } from '../../jobs/backoff.ts';
import { RteError, retryAfterMs, rteErrorCode, rteErrorDescription } from './rte-errors.ts';

/** Renew this long before expiry (MED: 300 s), so no call leaves with a token about to die. */
const RENEW_MARGIN_MS = 300_000;

const DEFAULT_RETRY_BASE_MS = 500;
const DEFAULT_RETRY_CAP_MS = 8000;
const DEFAULT_MAX_RETRY_AFTER_MS = 30_000;
/** Random extra wait added to a Retry-After, so instances do not all come back at once. */
const RETRY_AFTER_JITTER_MS = 250;

/** 429: this application's rate limit; 509: RTE's platform-wide quota. Both mean "slow down", not "broken". */
const isThrottling = (status: number) => status === 429 || status === 509;

export interface RteClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  /** Attempts per call on 5xx, timeouts, broken bodies and short 429s. */
  maxAttempts: number;
  log: FastifyBaseLogger;
  /** First pause between attempts; doubles up to `retryCapMs` (plus jitter). */
  retryBaseMs?: number;
  retryCapMs?: number;
  /** A 429/509 whose Retry-After is longer than this is not waited for here: the caller's job backs off instead. */
  maxRetryAfterMs?: number;
  /** Clock of the token's lifetime (tests move it to check the renewal margin). */
  now?: () => number;
}

export interface RteCallOptions {
  signal?: AbortSignal | undefined;
  /** Overrides `maxAttempts` (the admin test makes exactly one attempt). */
  attempts?: number;
}

/**
 * HTTP access to RTE's data APIs: one client-credentials token (Basic auth, `expires_in` 7200) cached
 * until 5 minutes before expiry and shared by concurrent callers; per-call timeouts; retries with
 * exponential backoff and jitter on 5xx/408, timeouts, network errors and unreadable bodies; one token
 * renewal on 401; and throttling respected: on a 429 (per-application limit, EcoWatt's 15-minute rule)
 * or a 509 (RTE's platform-wide quota) we wait a short Retry-After, and otherwise stop and let the
 * caller back off (RTE's answers usually carry no Retry-After). A 509 is never retried like a 5xx:
 * hammering a saturated platform is what the quota forbids.
 */
export function createRteClient(options: RteClientOptions) {
  const retryBaseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  const retryCapMs = options.retryCapMs ?? DEFAULT_RETRY_CAP_MS;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const now = options.now ?? Date.now;
  const stats = { calls: 0, retries: 0, tokenRequests: 0 };
  let token: { value: string; renewAt: number } | null = null;
  let pending: Promise<{ value: string; renewAt: number }> | null = null;

  const timeoutSignal = (signal: AbortSignal | undefined) =>
    signal ? AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)]) : AbortSignal.timeout(options.timeoutMs);

  async function requestToken(signal: AbortSignal | undefined): Promise<{ value: string; renewAt: number }> {
    stats.tokenRequests += 1;
    const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
    const response = await fetch(`${options.baseUrl}/token/oauth/`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
      signal: timeoutSignal(signal),
    });
    const body = (await response.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
    if (!response.ok || typeof body?.access_token !== 'string') {
      const kind =
        response.status === 401 || response.status === 400
          ? 'unauthorized'
          : isThrottling(response.status)
            ? 'throttled'
            : 'server_error';
      throw new RteError(
        kind,
        `Jeton RTE refusé (HTTP ${response.status}${rteErrorCode(body) ? ` ${rteErrorCode(body)}` : ''}).`,
        {
          httpStatus: response.status,
          rteCode: rteErrorCode(body),
          retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
        },
      );
    }
    const expiresInMs = (Number(body.expires_in) > 0 ? Number(body.expires_in) : 7200) * 1000;
    // Short-lived tokens keep half their life as margin instead of the fixed 5 minutes.
    const margin = Math.min(RENEW_MARGIN_MS, expiresInMs / 2);
    return { value: body.access_token, renewAt: now() + expiresInMs - margin };
  }

  async function accessToken(signal: AbortSignal | undefined): Promise<string> {
    if (token && token.renewAt > now()) {
      return token.value;
    }
    pending ??= requestToken(signal).finally(() => {
      pending = null;
    });
    token = await pending;
    return token.value;
  }

  /** One HTTP exchange; network failures and timeouts become RteErrors. */
  async function exchange(path: string, query: Record<string, string>, signal: AbortSignal | undefined) {
    const url = `${options.baseUrl}${path}${Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : ''}`;
    try {
      const bearer = await accessToken(signal);
      stats.calls += 1;
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
        signal: timeoutSignal(signal),
      });
      const text = await response.text();
      let body: unknown = null;
      let readable = true;
      try {
        body = text === '' ? null : JSON.parse(text);
      } catch {
        readable = false;
      }
      return { status: response.status, body, readable, retryAfter: retryAfterMs(response.headers.get('retry-after')) };
    } catch (error) {
      if (error instanceof RteError) {
        throw error;
      }
      if (signal?.aborted) {
        throw error;
      }
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new RteError(
        timedOut ? 'timeout' : 'network',
        timedOut ? `RTE ne répond pas (délai de ${options.timeoutMs} ms dépassé).` : 'RTE est injoignable.',
        { cause: error },
      );
    }
  }

  function failureOf(status: number, body: unknown, retryAfter: number | undefined): RteError {
    const code = rteErrorCode(body);
    const description = rteErrorDescription(body);
    const suffix = `${code ? ` ${code}` : ''}${description ? ` : ${description}` : ''}`;
    if (isThrottling(status)) {
      return new RteError('throttled', `RTE limite les appels (HTTP ${status})${suffix}.`, {
        httpStatus: status,
        rteCode: code,
        retryAfterMs: retryAfter,
      });
    }
    if (status === 401) {
      return new RteError('unauthorized', `RTE refuse le jeton (HTTP 401)${suffix}.`, {
        httpStatus: status,
        rteCode: code,
      });
    }
    if (status === 403) {
      return new RteError('forbidden', `Application non abonnée à cette API RTE (HTTP 403)${suffix}.`, {
        httpStatus: status,
        rteCode: code,
      });
    }
    if (status >= 500 || status === 408) {
      return new RteError('server_error', `RTE est indisponible (HTTP ${status})${suffix}.`, {
        httpStatus: status,
        rteCode: code,
      });
    }
    return new RteError('bad_request', `RTE a refusé la requête (HTTP ${status})${suffix}.`, {
      httpStatus: status,
      rteCode: code,
    });
  }

  async function get<T>(path: string, query: Record<string, string> = {}, call: RteCallOptions = {}): Promise<T> {
    const attempts = call.attempts ?? options.maxAttempts;
    let renewed = false;
    let last: RteError | undefined;
    // Pause before the next attempt: backoff by default, RTE's Retry-After when it gave one, none after a token renewal.
    let pauseMs: number | undefined;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      if (attempt > 1) {
        stats.retries += 1;
        const pause = pauseMs ?? backoffDelayMs(attempt - 1, retryBaseMs, retryCapMs);
        if (pause > 0) {
          await sleep(pause, call.signal);
        }
      }
      pauseMs = undefined;
      let result;
      try {
        result = await exchange(path, query, call.signal);
      } catch (error) {
        if (!(error instanceof RteError)) {
          throw error;
        }
        // A refused token is permanent; a token call that timed out or hit a 5xx is retried like a data call.
        if (error.kind === 'unauthorized' || error.kind === 'forbidden' || error.kind === 'bad_request') {
          throw error;
        }
        if (error.kind === 'throttled') {
          throw error;
        }
        last = error;
        continue;
      }
      if (result.status >= 200 && result.status < 300) {
        if (result.readable) {
          return result.body as T;
        }
        last = new RteError('invalid_response', `Réponse RTE illisible (${path}).`, { httpStatus: result.status });
        continue;
      }
      const failure = failureOf(result.status, result.body, result.retryAfter);
      if (failure.kind === 'unauthorized' && !renewed) {
        // The renewal is a free extra attempt: an expired token is not RTE failing.
        renewed = true;
        token = null;
        attempt -= 1;
        pauseMs = 0;
        continue;
      }
      if (failure.kind === 'throttled') {
        // Retry only when RTE said when, and soon; never sooner than told.
        if (result.retryAfter === undefined || result.retryAfter > maxRetryAfterMs || attempt >= attempts) {
          throw failure;
        }
        pauseMs = result.retryAfter + Math.random() * RETRY_AFTER_JITTER_MS;
        last = failure;
        continue;
      }
      if (failure.kind !== 'server_error') {
        throw failure;
      }
      last = failure;
    }
    options.log.warn({ path, err: last?.message }, 'RTE call failed after retries');
    throw last ?? new RteError('server_error', 'RTE est indisponible.');
  }

  return {
    get,
    stats,
    baseUrl: options.baseUrl,
    /** Forgets the cached token (tests, credential changes). */
    resetToken(): void {
      token = null;
    },
  };
}
export type RteClient = ReturnType<typeof createRteClient>;

/**
 * The longest one `get` can last with these options, so a job's timeout can cover its calls: a token
 * request and every attempt running into the timeout, with the longest pause between attempts (the
 * backoff cap, or the longest Retry-After waited here plus its jitter).
 */
export function worstCaseCallMs(
  options: Pick<RteClientOptions, 'timeoutMs' | 'maxAttempts' | 'retryCapMs' | 'maxRetryAfterMs'>,
): number {
  const pause = Math.max(
    options.retryCapMs ?? DEFAULT_RETRY_CAP_MS,
    (options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS) + RETRY_AFTER_JITTER_MS,
  );
  return (options.maxAttempts + 1) * options.timeoutMs + (options.maxAttempts - 1) * pause;
}
