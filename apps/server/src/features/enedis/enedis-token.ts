import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode } from '@med/contracts';
import type { CachePort } from '../../cache/cache.port.ts';
import { open, seal } from '../../security/aead.ts';
import type { ServerKeys } from '../../security/keys.ts';
import { EnedisError, unavailable } from './enedis-errors.ts';

/** Renew this long before expiry so no call leaves with a token about to die. */
const RENEW_MARGIN_MS = 5 * 60_000;
/** Lifetime assumed when Enedis leaves `expires_in` out (MED does the same). */
const DEFAULT_LIFETIME_SECONDS = 3600;
/** How often an instance waiting for another instance's renewal looks at the shared cache. */
const SHARED_RENEWAL_POLL_MS = 50;

interface CachedToken {
  accessToken: string;
  expiresAt: number;
  /** From this instant the token is renewed (expiry minus the margin). */
  renewAt: number;
}

export interface TokenProviderOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  cache: CachePort;
  keys: ServerKeys;
  /** Names the upstream (production, sandbox, emulator) so tokens of different upstreams never mix. */
  scope: string;
  /** Clock in ms; tests move it to reach the renewal margin without waiting 3 h 25. */
  now?: () => number;
  /**
   * Waits for a turn of the gateway's rate limit before calling the token endpoint (the token lane of
   * enedis-pacer.ts: a lane of its own, so a renewal never queues behind a user's batch).
   */
  pace: () => Promise<void>;
}

function isCachedToken(value: unknown): value is CachedToken {
  return (
    typeof value === 'object' &&
    value !== null &&
    'accessToken' in value &&
    typeof value.accessToken === 'string' &&
    'expiresAt' in value &&
    typeof value.expiresAt === 'number' &&
    'renewAt' in value &&
    typeof value.renewAt === 'number'
  );
}

/**
 * One client-credentials token for the whole gateway. Kept in memory and, sealed with the server key
 * like every other secret in the cache, in the shared cache so every instance reuses it. Concurrent
 * callers of one instance share one renewal; across instances a short lock lets one instance renew
 * while the others wait for the token it stores.
 */
export function createTokenProvider(options: TokenProviderOptions) {
  const now = options.now ?? Date.now;
  const CACHE_KEY = `enedis:${options.scope}:token`;
  const LOCK_KEY = `enedis:${options.scope}:token-renewal`;
  const sealKey = options.keys.derive('cache-encryption', 'enedis-token');
  const stats = { requests: 0 };
  let current: CachedToken | null = null;
  let pending: Promise<CachedToken> | null = null;

  const fresh = (token: CachedToken | null): token is CachedToken => token !== null && token.renewAt > now();

  async function readShared(): Promise<CachedToken | null> {
    const sealed = await options.cache.get(CACHE_KEY);
    const plain = sealed ? open(sealKey, sealed, CACHE_KEY) : null;
    if (!plain) {
      return null;
    }
    try {
      const token: unknown = JSON.parse(plain.toString());
      return isCachedToken(token) ? token : null;
    } catch {
      return null;
    }
  }

  async function request(): Promise<CachedToken> {
    stats.requests += 1;
    const issuedAt = now();
    const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
    let response: Response;
    let body: { access_token?: unknown; expires_in?: unknown } | null;
    try {
      response = await fetch(options.tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      body = (await response.json().catch(() => null)) as typeof body;
    } catch (error) {
      throw Object.assign(unavailable('Enedis ne répond pas (jeton).'), { cause: error });
    }
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      // Wrong credentials or request: retrying cannot help, the gateway is misconfigured.
      throw new EnedisError(
        502,
        ErrorCode.ENEDIS_ERROR,
        `Enedis refuse les identifiants de la passerelle (HTTP ${response.status}).`,
        undefined,
      );
    }
    if (!response.ok || typeof body?.access_token !== 'string') {
      throw unavailable(`Impossible d’obtenir un jeton Enedis (HTTP ${response.status}).`);
    }
    // Enedis sends expires_in as a string ("12600"); accept a number too.
    const expiresIn = Number(body.expires_in ?? DEFAULT_LIFETIME_SECONDS);
    const lifetimeMs = (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME_SECONDS) * 1000;
    // A token shorter-lived than twice the margin keeps half its life as margin, else it would never count as fresh.
    const token = {
      accessToken: body.access_token,
      expiresAt: issuedAt + lifetimeMs,
      renewAt: issuedAt + lifetimeMs - Math.min(RENEW_MARGIN_MS, lifetimeMs / 2),
    };
    const ttlSeconds = Math.max(1, Math.floor((token.renewAt - now()) / 1000));
    await options.cache.set(CACHE_KEY, seal(sealKey, Buffer.from(JSON.stringify(token)), CACHE_KEY), ttlSeconds);
    return token;
  }

  /** The shared token when fresh; otherwise one instance renews and the others wait for its token. */
  async function obtain(): Promise<CachedToken> {
    const shared = await readShared();
    if (fresh(shared)) {
      return shared;
    }
    // The turn comes before the lock, which only has to cover the token call itself.
    await options.pace();
    const renewedMeanwhile = await readShared();
    if (fresh(renewedMeanwhile)) {
      return renewedMeanwhile;
    }
    const lock = randomUUID();
    if (await options.cache.setIfAbsent(LOCK_KEY, lock, options.timeoutMs + 1000)) {
      try {
        return await request();
      } finally {
        await options.cache.deleteIfEquals(LOCK_KEY, lock);
      }
    }
    const deadline = Date.now() + options.timeoutMs + 1000;
    while (Date.now() < deadline) {
      await sleep(SHARED_RENEWAL_POLL_MS);
      // Lock first, token second: the holder stores its token before releasing the lock.
      const stillRenewing = (await options.cache.get(LOCK_KEY)) !== null;
      const renewed = await readShared();
      if (fresh(renewed)) {
        return renewed;
      }
      if (!stillRenewing) {
        break;
      }
    }
    // The other instance failed or is stuck: renew here rather than fail the call.
    await options.pace();
    return request();
  }

  async function get(): Promise<string> {
    if (fresh(current)) {
      return current.accessToken;
    }
    pending ??= obtain().finally(() => {
      pending = null;
    });
    current = await pending;
    return current.accessToken;
  }

  return {
    stats,
    get,
    /**
     * After a 401 on a data call: forget `rejected` here and in the shared cache, so the next call renews
     * it. A token another instance has already put in its place is kept.
     */
    async invalidate(rejected: string): Promise<void> {
      if (current?.accessToken === rejected) {
        current = null;
      }
      if ((await readShared())?.accessToken === rejected) {
        await options.cache.delete(CACHE_KEY);
      }
    },
    /**
     * Scheduled refresh: renews ahead of expiry so user requests never wait for the token call. It goes
     * through the shared cache like any call, so a token another instance already renewed is reused.
     */
    async refreshIfNeeded(): Promise<void> {
      await get();
    },
  };
}
export type TokenProvider = ReturnType<typeof createTokenProvider>;
