import { request, type Schema } from '../api/client.ts';

/** Settings the server decides at run time (never baked into the build). */
export interface RuntimeConfig {
  serverMode: boolean;
  turnstileSiteKey: string | null;
  demoEnabled: boolean;
  version: string;
}

declare global {
  interface Window {
    /** Filled from `GET /api/config` at startup; a server may also inject it into index.html. */
    __MED_CONFIG__?: Partial<RuntimeConfig>;
  }
}

export const defaultRuntimeConfig: RuntimeConfig = {
  serverMode: true,
  turnstileSiteKey: null,
  demoEnabled: false,
  version: '',
};

// `GET /api/config` is not in @med/contracts yet; this mirrors the shape the server team agreed on.
const configSchema: Schema<RuntimeConfig> = {
  parse(input) {
    if (typeof input !== 'object' || input === null) {
      throw new TypeError('config must be an object');
    }
    const raw = input as Record<string, unknown>;
    const siteKey = raw.turnstile_site_key;
    return {
      serverMode: typeof raw.server_mode === 'boolean' ? raw.server_mode : defaultRuntimeConfig.serverMode,
      turnstileSiteKey: typeof siteKey === 'string' && siteKey.trim() !== '' ? siteKey : null,
      demoEnabled: raw.demo_enabled === true,
      version: typeof raw.version === 'string' ? raw.version : '',
    };
  },
};

/** Whatever is already known without a request: defaults overlaid by an injected `__MED_CONFIG__`. */
export function initialRuntimeConfig(): RuntimeConfig {
  return { ...defaultRuntimeConfig, ...globalThis.window?.__MED_CONFIG__ };
}

/** Fetches the runtime config and publishes it on `window.__MED_CONFIG__` for non-React code. */
export async function loadRuntimeConfig(signal?: AbortSignal): Promise<RuntimeConfig> {
  const config = await request('GET', '/config', { schema: configSchema, signal });
  window.__MED_CONFIG__ = config;
  return config;
}
