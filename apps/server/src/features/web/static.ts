import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built SPA at `/`; unknown non-API GETs fall back to index.html for client-side routing.
 * The build writes a `.br` and a `.gz` beside each file (apps/web/vite.config.ts): the variant the
 * browser accepts is sent as is, with `Vary: Accept-Encoding`, so no request pays for compression.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web app not built: run `npm start` (it builds it) or `npm run build`');
    return false;
  }
  const assetsDir = resolve(distDir, 'assets');
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    setHeaders: (response, path) => {
      // Hashed assets are immutable; index.html must always be revalidated to pick up new builds.
      void response.header(
        'cache-control',
        path.startsWith(assetsDir + sep) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return true;
}

export function isSpaRoute(url: string, method: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') {
    return false;
  }
  const path = url.split('?')[0] ?? '';
  return !(
    path === '/api' ||
    path.startsWith('/api/') ||
    path === '/ping' ||
    path === '/ready' ||
    path === '/metrics' ||
    /\.[a-z0-9]+$/i.test(path)
  );
}
