import type { FastifyBaseLogger } from 'fastify';
import type { CachePort } from '../../cache/cache.port.ts';
import { classifyEnedisFailure, unavailable, EnedisError } from './enedis-errors.ts';
import type { TokenProvider } from './enedis-token.ts';
import { ErrorCode } from '@med/contracts';

export interface EnedisHttpOptions {
  baseUrl: string;
  tokens: TokenProvider;
  cache: CachePort;
  /** Names the upstream: each has its own pacing schedule. */
  scope: string;
  ratePerSecond: number;
  timeoutMs: number;
  maxAttempts: number;
  log: FastifyBaseLogger;
  /** Longest wait accepted for a quota window (`nextAccessTime`) before answering 503 instead. */
  maxQuotaWaitMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with full jitter: spreads retries of many callers instead of synchronising them. */
export function backoffMs(attempt: number, baseMs = 250, capMs = 4000): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** (attempt - 1));
}

/**
 * GET on the Enedis gateway: global pacing (every instance shares one schedule of `ratePerSecond`),
 * timeouts, retries with backoff on 5xx/timeouts/truncated bodies, waits on 429 as told, one token
 * renewal on 401, and permanent errors mapped to gateway codes without retry.
 */
export function createEnedisHttp(options: EnedisHttpOptions) {
  const intervalMs = 1000 / options.ratePerSecond;
  const pacingKey = `enedis:${options.scope}:pacing`;
  const maxQuotaWaitMs = options.maxQuotaWaitMs ?? 30_000;
  const stats = { calls: 0, retries: 0 };

  async function attemptOnce(url: string): Promise<{ status: number; body: unknown; parseError: boolean }> {
    const wait = await options.cache.reserveSlot(pacingKey, intervalMs);
    if (wait > 0) {
      await sleep(wait);
    }
    stats.calls += 1;
    const token = await options.tokens.get();
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    try {
      return { status: response.status, body: text === '' ? null : JSON.parse(text), parseError: false };
    } catch {
      return { status: response.status, body: null, parseError: true };
    }
  }

  return {
    stats,
    async get<T>(path: string, query: Record<string, string>): Promise<T> {
      const url = `${options.baseUrl}${path}?${new URLSearchParams(query).toString()}`;
      let renewedToken = false;
      let lastReason = 'unknown';
      for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
        let result;
        try {
          result = await attemptOnce(url);
        } catch (error) {
          if (error instanceof EnedisError) {
            throw error;
          }
          lastReason = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network error';
          await retryPause(attempt);
          continue;
        }
        if (result.status >= 200 && result.status < 300) {
          if (!result.parseError) {
            return result.body as T;
          }
          lastReason = 'truncated JSON';
          await retryPause(attempt);
          continue;
        }
        const verdict = classifyEnedisFailure(result.status, result.body, new Date());
        switch (verdict.kind) {
          case 'permanent':
            throw verdict.error;
          case 'unauthorized':
            if (renewedToken) {
              throw new EnedisError(502, ErrorCode.ENEDIS_ERROR, 'Enedis refuse le jeton de la passerelle.', undefined);
            }
            renewedToken = true;
            await options.tokens.invalidate();
            attempt -= 1;
            continue;
          case 'throttled':
            if (verdict.waitMs !== null && verdict.waitMs > maxQuotaWaitMs) {
              throw unavailable('Quota Enedis atteint : réessayez plus tard.', verdict.waitMs / 1000);
            }
            lastReason = 'quota (429)';
            stats.retries += 1;
            await sleep((verdict.waitMs ?? 1000) + Math.random() * 250);
            continue;
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
        await sleep(backoffMs(attempt));
      }
    },
  };
}
export type EnedisHttp = ReturnType<typeof createEnedisHttp>;
