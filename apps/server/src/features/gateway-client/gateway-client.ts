import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { backoffDelayMs } from '../../jobs/backoff.ts';
import { GatewayError, networkReason, retryAfterMs } from './gateway-errors.ts';

/** Renew this long before expiry so no call leaves with a token about to die. */
const RENEW_MARGIN_MS = 5 * 60_000;
const USER_AGENT = 'MyElectricalData-Client (TypeScript)';

const tokenBodySchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });
const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });
const envelopeErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export interface GatewayClientOptions {
  /** Gateway API root with `/api` (MED_API_URL). */
  apiUrl: string;
  clientId: string | undefined;
  clientSecret: string | undefined;
  timeoutMs: number;
  /** Attempts per call on network errors and 5xx before giving up as `unreachable`. */
  maxAttempts: number;
  retryMinMs: number;
  retryMaxMs: number;
  now?: () => number;
}

export interface GatewayRequest {
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

/**
 * Real HTTP to a MyElectricalData gateway, authenticated the OAuth2 way: a client-credentials token from
 * the gateway's `/accounts/token`, kept until shortly before it expires and renewed once after a 401.
 * Network failures and 5xx are retried with the shared backoff; 429s are not (the caller plans around
 * the quota with their Retry-After).
 */
export function createGatewayClient(options: GatewayClientOptions) {
  const now = options.now ?? Date.now;
  let token: { value: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;
  const stats = { tokenRequests: 0, calls: 0 };

  function credentials(): { id: string; secret: string } {
    if (!options.clientId || !options.clientSecret) {
      throw new GatewayError(
        'not_configured',
        'MED_CLIENT_ID and MED_CLIENT_SECRET are not set: copy them from your account page on the gateway',
      );
    }
    return { id: options.clientId, secret: options.clientSecret };
  }

  /** One fetch with the timeout, retried on network errors and 5xx; the final answer otherwise. */
  async function send(
    url: string,
    init: RequestInit,
    signal: AbortSignal | undefined,
    maxAttempts = options.maxAttempts,
  ): Promise<Response> {
    for (let attempt = 1; ; attempt += 1) {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      let failure: string;
      try {
        const response = await fetch(url, {
          ...init,
          headers: { 'user-agent': USER_AGENT, accept: 'application/json', ...init.headers },
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        if (response.status < 500) {
          return response;
        }
        await response.body?.cancel();
        failure = `HTTP ${response.status}`;
      } catch (error) {
        if (signal?.aborted) {
          throw error;
        }
        failure = networkReason(error);
      }
      if (attempt >= maxAttempts) {
        throw new GatewayError('unreachable', `gateway ${options.apiUrl} unreachable (${failure})`);
      }
      await sleep(backoffDelayMs(attempt, options.retryMinMs, options.retryMaxMs), undefined, { signal });
    }
  }

  async function requestToken(signal: AbortSignal | undefined, maxAttempts?: number): Promise<string> {
    const { id, secret } = credentials();
    stats.tokenRequests += 1;
    const issuedAt = now();
    const response = await send(
      `${options.apiUrl}/accounts/token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: id, client_secret: secret }),
      },
      signal,
      maxAttempts,
    );
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 429) {
      throw new GatewayError('quota_exceeded', 'the gateway throttles token requests (HTTP 429)', {
        status: 429,
        retryAfterMs: retryAfterMs(response.headers.get('retry-after'), now()),
      });
    }
    if (response.status >= 400) {
      const oauth = oauthErrorSchema.safeParse(body);
      const detail = oauth.success ? `${oauth.data.error}: ${oauth.data.error_description ?? ''}`.trim() : '';
      const refusal = response.status === 400 || response.status === 401 || response.status === 403;
      throw new GatewayError(
        refusal ? 'bad_credentials' : 'refused',
        refusal
          ? `the gateway refuses MED_CLIENT_ID/MED_CLIENT_SECRET (HTTP ${response.status}${detail ? `, ${detail}` : ''})`
          : `the gateway's token route answered HTTP ${response.status}${detail ? ` (${detail})` : ''}`,
        { status: response.status, ...(oauth.success ? { code: oauth.data.error } : {}) },
      );
    }
    const parsed = tokenBodySchema.safeParse(body);
    if (!parsed.success) {
      throw new GatewayError('refused', `${options.apiUrl}/accounts/token did not answer an OAuth2 token`, {
        status: response.status,
      });
    }
    const lifetimeMs = parsed.data.expires_in * 1000;
    token = {
      value: parsed.data.access_token,
      renewAt: issuedAt + lifetimeMs - Math.min(RENEW_MARGIN_MS, lifetimeMs / 2),
    };
    return token.value;
  }

  /** The current token, renewed when close to expiry; concurrent callers share one renewal. */
  async function accessToken(signal?: AbortSignal): Promise<string> {
    if (token && token.renewAt > now()) {
      return token.value;
    }
    pending ??= requestToken(signal).finally(() => {
      pending = null;
    });
    return pending;
  }

  /**
   * GET `path` (below MED_API_URL) and the parsed JSON body of a 2xx. 4xx answers become a GatewayError
   * carrying the gateway's error code; a 401 renews the token once first.
   */
  async function getJson(path: string, request: GatewayRequest = {}): Promise<unknown> {
    const url = new URL(`${options.apiUrl}${path}`);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) {
        url.searchParams.set(name, value);
      }
    }
    for (let renewed = false; ; renewed = true) {
      const current = await accessToken(request.signal);
      stats.calls += 1;
      const response = await send(url.href, { headers: { authorization: `Bearer ${current}` } }, request.signal);
      const body: unknown = await response.json().catch(() => null);
      if (response.ok) {
        return body;
      }
      if (response.status === 401 && !renewed) {
        if (token?.value === current) {
          token = null;
        }
        continue;
      }
      const envelope = envelopeErrorSchema.safeParse(body);
      const code = envelope.success ? envelope.data.error.code : undefined;
      const message = envelope.success ? envelope.data.error.message : `HTTP ${response.status}`;
      if (response.status === 429) {
        throw new GatewayError('quota_exceeded', `gateway quota reached on ${path}: ${message}`, {
          status: 429,
          ...(code ? { code } : {}),
          retryAfterMs: retryAfterMs(response.headers.get('retry-after'), now()),
        });
      }
      throw new GatewayError(
        response.status === 401 ? 'bad_credentials' : 'refused',
        `the gateway refused ${path} (HTTP ${response.status}${code ? ` ${code}` : ''}): ${message}`,
        { status: response.status, ...(code ? { code } : {}) },
      );
    }
  }

  return {
    apiUrl: options.apiUrl,
    stats,
    accessToken,
    getJson,
    /**
     * Forces a fresh token in one attempt: the connection check proves the credentials now, not an hour
     * ago, and does its own backoff between checks.
     */
    async checkCredentials(signal?: AbortSignal): Promise<void> {
      await pending?.catch(() => undefined);
      token = null;
      await requestToken(signal, 1);
    },
  };
}
export type GatewayClient = ReturnType<typeof createGatewayClient>;
