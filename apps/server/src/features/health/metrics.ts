import { ErrorCode } from '@med/contracts';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { MetricsConfig } from '../../config/config.ts';
import { hasBearerToken } from '../../http/bearer-token.ts';
import { failure } from '../../http/envelope.ts';

/**
 * Prometheus metrics at `/metrics`: process figures plus requests by route template. Process and
 * traffic figures help an attacker, so a token, when set, is required (`Authorization: Bearer`), and
 * production serves nothing without one (see MetricsConfig).
 */
export function registerMetrics(app: FastifyInstance, metrics: MetricsConfig): void {
  if (!metrics.enabled) {
    return;
  }
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

  const { token } = metrics;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token !== undefined && !hasBearerToken(request.headers.authorization, token)) {
      void reply.status(401).header('www-authenticate', 'Bearer realm="metrics"');
      return failure({ code: ErrorCode.UNAUTHORIZED, message: 'Jeton de métriques manquant ou invalide.' });
    }
    void reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
