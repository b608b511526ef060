import type { CachePort } from '../../cache/cache.port.ts';
import { open, seal } from '../../security/aead.ts';
import type { ServerKeys } from '../../security/keys.ts';
import { unavailable } from './enedis-errors.ts';

/** Renew this long before expiry so no call leaves with a token about to die. */
const RENEW_MARGIN_MS = 5 * 60_000;

interface CachedToken {
  accessToken: string;
  expiresAt: number;
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
}

/**
 * One client-credentials token for the whole gateway. Kept in memory and, sealed with the server key,
 * in the shared cache so every instance reuses it; concurrent callers share one renewal.
 */
export function createTokenProvider(options: TokenProviderOptions) {
  const CACHE_KEY = `enedis:${options.scope}:token`;
  const sealKey = options.keys.derive('cache-encryption', 'enedis-token');
  let current: CachedToken | null = null;
  let pending: Promise<CachedToken> | null = null;

  const fresh = (token: CachedToken | null): token is CachedToken =>
    token !== null && token.expiresAt - RENEW_MARGIN_MS > Date.now();

  async function readShared(): Promise<CachedToken | null> {
    const sealed = await options.cache.get(CACHE_KEY);
    const plain = sealed ? open(sealKey, sealed, CACHE_KEY) : null;
    if (!plain) {
      return null;
    }
    try {
      return JSON.parse(plain.toString()) as CachedToken;
    } catch {
      return null;
    }
  }

  async function request(): Promise<CachedToken> {
    const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
    let response: Response;
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
    } catch (error) {
      throw Object.assign(unavailable('Enedis ne répond pas (jeton).'), { cause: error });
    }
    const body = (await response.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
    if (!response.ok || typeof body?.access_token !== 'string') {
      throw unavailable(`Impossible d’obtenir un jeton Enedis (HTTP ${response.status}).`);
    }
    // Enedis sends expires_in as a string ("12600"); accept a number too.
    const expiresIn = Number(body.expires_in ?? 3600);
    const token = {
      accessToken: body.access_token,
      expiresAt: Date.now() + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000,
    };
    const ttlSeconds = Math.max(1, Math.floor((token.expiresAt - Date.now() - RENEW_MARGIN_MS) / 1000));
    await options.cache.set(CACHE_KEY, seal(sealKey, Buffer.from(JSON.stringify(token)), CACHE_KEY), ttlSeconds);
    return token;
  }

  return {
    async get(): Promise<string> {
      if (fresh(current)) {
        return current.accessToken;
      }
      pending ??= (async () => {
        const shared = await readShared();
        return fresh(shared) ? shared : request();
      })().finally(() => {
        pending = null;
      });
      current = await pending;
      return current.accessToken;
    },
    /** After a 401 on a data call: drop the token everywhere so the next call renews it. */
    async invalidate(): Promise<void> {
      current = null;
      await options.cache.delete(CACHE_KEY);
    },
    /** Scheduled refresh: renews ahead of expiry so user requests never wait for the token call. */
    async refreshIfNeeded(): Promise<void> {
      if (!fresh(current)) {
        current = await request();
      }
    },
  };
}
export type TokenProvider = ReturnType<typeof createTokenProvider>;
