import { Counter, Histogram, Registry } from 'prom-client';

/** What the Enedis client reports (one event per HTTP attempt, 429, 5xx answer or retry). */
export type EnedisMetricEvent = 'call' | 'throttled' | 'server_error' | 'retry';

/**
 * The instance's Prometheus instruments, on a registry of its own (two apps in one process, as in the
 * tests, never share counters). Bootstrap makes it before the Enedis gateway, which reports into it;
 * `/metrics` (features/health/metrics.ts) serves it. Every name here is documented in
 * docs/operations.md and may be used by deploy/grafana/gateway.json (a test checks both).
 */
export function createMetrics() {
  const registry = new Registry();
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration, by method and route template',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    enedisEvents: new Counter({
      name: 'med_enedis_events_total',
      help: 'Enedis HTTP attempts (call), 429 answers (throttled), 5xx answers (server_error) and retries (retry)',
      labelNames: ['event'],
      registers: [registry],
    }),
    meteringCalls: new Counter({
      name: 'med_metering_calls_total',
      help: 'Metering API calls let through by the quota: source="cache" served from the cache, "enedis" reached Enedis',
      labelNames: ['source'],
      registers: [registry],
    }),
    quotaRefusals: new Counter({
      name: 'med_quota_refusals_total',
      help: 'Metering calls refused by the per-user daily quota, by quota (cached or no_cache)',
      labelNames: ['quota'],
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: 'med_job_runs_total',
      help: 'Scheduled job runs on this instance, by job and outcome (success, failure, deferred)',
      labelNames: ['job', 'status'],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'med_job_duration_seconds',
      help: 'Scheduled job run duration on this instance, by job',
      labelNames: ['job'],
      buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
      registers: [registry],
    }),
  };
}
export type AppMetrics = ReturnType<typeof createMetrics>;

/** The scheduler's `onRunFinished`: one run counted and timed. */
export function recordJobRun(metrics: AppMetrics) {
  return (run: { job: string; status: string; seconds: number }): void => {
    metrics.jobRuns.inc({ job: run.job, status: run.status });
    metrics.jobDuration.observe({ job: run.job }, run.seconds);
  };
}
