import { runtimeConfigSchema, type SimulatedData } from '@med/contracts';
import { request, type Schema } from '../api/client.ts';

/** Settings the server decides at run time (never baked into the build). */
export interface RuntimeConfig {
  serverMode: boolean;
  turnstileSiteKey: string | null;
  demoEnabled: boolean;
  version: string;
  /** Upstreams answered by the emulator: the layout shows a "simulated data" banner while one is. */
  simulatedData: SimulatedData;
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
  simulatedData: { enedis: false, rte: false },
};

/** `GET /api/config` as @med/contracts defines it, in the web app's naming. */
const configSchema: Schema<RuntimeConfig> = {
  parse(input) {
    const raw = runtimeConfigSchema.parse(input);
    const siteKey = raw.turnstile_site_key;
    return {
      serverMode: raw.server_mode,
      turnstileSiteKey: siteKey !== null && siteKey.trim() !== '' ? siteKey : null,
      demoEnabled: raw.demo_enabled,
      version: raw.version,
      simulatedData: raw.simulated_data,
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
