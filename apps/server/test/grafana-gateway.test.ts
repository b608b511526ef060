import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.ts';

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
]);

/**
 * The metric names a PromQL expression reads: what is left once strings, label matchers, ranges and
 * grouping clauses are removed, minus function names (followed by `(`) and keywords.
 */
export function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/(?<![\w$])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w:]|\s*\()/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => !KEYWORDS.has(name));
}

/** Every name `/metrics` exposes, histogram series included (from the `# TYPE` lines: untouched counters too). */
function exposedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const [, name = '', type] = match;
    names.add(name);
    if (type === 'histogram' || type === 'summary') {
      for (const suffix of ['_bucket', '_sum', '_count']) {
        names.add(`${name}${suffix}`);
      }
    }
  }
  return names;
}

interface Dashboard {
  panels: { title: string; targets: { expr: string }[] }[];
  templating: { list: { definition?: string }[] };
}

describe('deploy/grafana/gateway.json', () => {
  let server: TestServer;
  let exposed: Set<string>;
  const dashboard = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../deploy/grafana/gateway.json'), 'utf8'),
  ) as Dashboard;

  beforeAll(async () => {
    server = await startTestServer({ name: 'sqlite+memory', databaseUrl: undefined, redisUrl: undefined });
    exposed = exposedNames((await server.app.inject({ method: 'GET', url: '/metrics' })).body);
  });
  afterAll(() => server.close());

  it('the name finder sees metric names and only them', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{job=~"$job",status=~"5.."}[$__rate_interval])))',
      ),
    ).toEqual(['http_request_duration_seconds_bucket']);
    expect(metricNamesIn('sum(rate(not_a_metric_total[5m])) / sum(rate(other_total{a="b"}[5m]))')).toEqual([
      'not_a_metric_total',
      'other_total',
    ]);
    // The check below would catch a name the server does not expose.
    expect(exposed.has('not_a_metric_total')).toBe(false);
  });

  it('queries only metrics the server exposes, and covers HTTP, Enedis, cache, quotas, jobs and memory', () => {
    const queried = new Set<string>();
    for (const panel of dashboard.panels) {
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets) {
        const names = metricNamesIn(target.expr);
        expect(names.length, `${panel.title}: ${target.expr}`).toBeGreaterThan(0);
        names.forEach((name) => queried.add(name));
      }
    }
    for (const variable of dashboard.templating.list) {
      const match = /label_values\((\w+)/.exec(variable.definition ?? '');
      if (match?.[1]) {
        queried.add(match[1]);
      }
    }
    for (const name of queried) {
      expect(exposed, name).toContain(name);
    }
    for (const needed of [
      'http_requests_total',
      'http_request_duration_seconds_bucket',
      'med_enedis_events_total',
      'med_metering_calls_total',
      'med_quota_refusals_total',
      'med_job_runs_total',
      'process_resident_memory_bytes',
    ]) {
      expect(queried, needed).toContain(needed);
    }
  });
});
