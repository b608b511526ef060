import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { CachePort } from '../../cache/cache.port.ts';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import type { Drain } from '../../http/drain.ts';
import type { AppMetrics } from '../../http/metrics.ts';
import { registerMetrics } from './metrics.ts';

export interface HealthDeps {
  config: Pick<Config, 'version' | 'metrics'>;
  db: Db;
  cache: Pick<CachePort, 'ping'>;
  drain: Pick<Drain, 'draining'>;
  metrics: AppMetrics;
}

/**
 * Liveness (`/ping`, also `/api/ping`), API information (`GET /api/`), readiness (`/ready`: database and cache answer, and the instance is not shutting
 * down) and Prometheus metrics (`/metrics`). Outside `/api` and without the envelope, like the
 * reference's `/ping`.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: HealthDeps): void {
  registerMetrics(app, deps.config.metrics, deps.metrics);

  const ping = async () => ({ status: 'ok', version: deps.config.version, timestamp: new Date().toISOString() });
  app.get('/ping', { schema: { hide: true } }, ping);
  // The reference's clients read these two under /api, raw like the rest of this file.
  app.get('/api/ping', { schema: { hide: true } }, ping);
  app.get('/api', { schema: { hide: true } }, async () => ({
    name: 'MyElectricalData API',
    version: deps.config.version,
    description: 'Vos données Linky (Enedis Data Connect) et les données RTE (Tempo, EcoWatt, consommation nationale).',
    documentation: '/api/docs',
  }));

  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    // Draining: a load balancer must stop sending here while the requests in flight finish.
    if (deps.drain.draining) {
      void reply.status(503);
      return { status: 'draining', timestamp: new Date().toISOString() };
    }
    const [database, cache] = await Promise.all([
      sql`select 1 as ok`.execute(deps.db).then(
        () => true,
        () => false,
      ),
      deps.cache.ping(),
    ]);
    const ready = database && cache;
    void reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not_ready', checks: { database, cache }, timestamp: new Date().toISOString() };
  });
}
