import { ErrorCode } from '@med/contracts';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics } from 'prom-client';
import type { MetricsConfig } from '../../config/config.ts';
import { hasBearerToken } from '../../http/bearer-token.ts';
import { failure } from '../../http/envelope.ts';
import type { AppMetrics } from '../../http/metrics.ts';

/**
 * Prometheus metrics at `/metrics`: process figures, requests by route template, and what the features
 * count into `metrics` (Enedis calls, cache, quotas, jobs). Process and traffic figures help an attacker,
 * so a token, when set, is required (`Authorization: Bearer`), and production serves nothing without one
 * (see MetricsConfig).
 */
export function registerMetrics(app: FastifyInstance, config: MetricsConfig, metrics: AppMetrics): void {
  if (!config.enabled) {
    return;
  }
  const { registry } = metrics;
  collectDefaultMetrics({ register: registry });

  app.addHook('onResponse', async (request, reply) => {
    // Route templates, not raw URLs, keep label cardinality bounded (no PDL numbers in labels).
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const { token } = config;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token !== undefined && !hasBearerToken(request.headers.authorization, token)) {
      void reply.status(401).header('www-authenticate', 'Bearer realm="metrics"');
      return failure({ code: ErrorCode.UNAUTHORIZED, message: 'Jeton de métriques manquant ou invalide.' });
    }
    void reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
