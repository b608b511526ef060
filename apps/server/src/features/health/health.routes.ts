import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { sql } from 'kysely';
import type { AppDeps } from '../../deps.ts';

/**
 * Liveness (`/ping`), readiness (`/ready`: database and cache answer) and Prometheus metrics
 * (`/metrics`). Outside `/api` and without the envelope, like the reference's `/ping`.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    // Route templates, not raw URLs, keep label cardinality bounded (no PDL numbers in labels).
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/ping', { schema: { hide: true } }, async () => ({
    status: 'ok',
    version: deps.config.version,
    timestamp: new Date().toISOString(),
  }));

  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
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

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    void reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
