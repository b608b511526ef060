// Container health check (`HEALTHCHECK` in the Dockerfile): exits 0 when this container's server answers
// 200 on /ready, 1 otherwise. Reads only the variables that say where the server listens, so it never
// touches the data folder or the secret key the way loading the whole configuration would.
import { DEFAULT_PORT } from './config/config.ts';
import { envSchema } from './config/env.ts';

const TIMEOUT_MS = 4000;

/** The /ready URL of the server started with the same environment, seen from inside its container. */
export function readyUrl(source: Record<string, string | undefined>): string {
  const serverMode = envSchema.shape.SERVER_MODE.parse(source.SERVER_MODE);
  const port = envSchema.shape.PORT.parse(source.PORT) ?? (serverMode ? DEFAULT_PORT.server : DEFAULT_PORT.client);
  const host = envSchema.shape.HOST.parse(source.HOST);
  // A wildcard listener answers on loopback; a specific address only on itself.
  const target = host === undefined || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${target.includes(':') ? `[${target}]` : target}:${port}/ready`;
}

/** True when `url` answers 200 within the timeout. */
export async function isReady(url: string, timeoutMs = TIMEOUT_MS): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return response.status === 200;
  } catch {
    return false;
  }
}

if (import.meta.main) {
  const url = readyUrl(process.env);
  const ready = await isReady(url);
  if (!ready) {
    process.stderr.write(`not ready: ${url}\n`);
  }
  process.exit(ready ? 0 : 1);
}
