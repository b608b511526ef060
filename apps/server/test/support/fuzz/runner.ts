import fc from 'fast-check';
import { contractProblem, type Answer } from './checker.ts';
import type { Operation } from './openapi.ts';
import { requestArbitrary, type FuzzRequest, type RequestContext } from './requests.ts';

export interface FuzzFailure {
  request: FuzzRequest;
  status: number;
  problem: string;
  body: string;
}

export interface FuzzReport {
  requests: number;
  /** Requests per HTTP status. */
  histogram: Record<number, number>;
  failures: FuzzFailure[];
  elapsedMs: number;
  /** Time spent per operation, to see where a slow run goes. */
  msByOperation: Record<string, number>;
}

export interface FuzzOptions {
  operations: readonly Operation[];
  /** Context per operation: pools, the auth choices it gets, addresses, body limit. */
  contextFor: (operation: Operation) => RequestContext;
  /** Called before an operation's batch (to give side-effect operations a fresh user, say). */
  beforeOperation?: (operation: Operation) => Promise<void>;
  send: (request: FuzzRequest) => Promise<Answer>;
  runsPerOperation: number;
  /** Fixed: the same seed generates the same requests, so a failure replays. */
  seed: number;
}

/**
 * Generates `runsPerOperation` requests per operation with fast-check (seed + operation index) and
 * sends them one at a time, in order, so a run is reproducible (throttles and quotas depend on order).
 * Every answer goes through `contractProblem`; all failures are collected, not just the first.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const histogram: Record<number, number> = {};
  const failures: FuzzFailure[] = [];
  const msByOperation: Record<string, number> = {};
  let requests = 0;
  for (const [index, operation] of options.operations.entries()) {
    const operationStarted = Date.now();
    await options.beforeOperation?.(operation);
    const context = options.contextFor(operation);
    const batch = fc.sample(requestArbitrary(operation, context), {
      seed: options.seed + index,
      numRuns: options.runsPerOperation,
    });
    for (const request of batch) {
      const answer = await options.send(request);
      requests += 1;
      histogram[answer.statusCode] = (histogram[answer.statusCode] ?? 0) + 1;
      const problem = contractProblem(operation.id, answer);
      if (problem !== undefined) {
        failures.push({ request, status: answer.statusCode, problem, body: answer.body.slice(0, 300) });
      }
    }
    msByOperation[operation.id] = Date.now() - operationStarted;
  }
  return { requests, histogram, failures, elapsedMs: Date.now() - started, msByOperation };
}

/** Figures to print: request count, status histogram, duration, and the first failures in full. */
export function formatReport(name: string, report: FuzzReport, shown = 15): string {
  const statuses = Object.entries(report.histogram)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  const lines = [
    `API fuzz on ${name}: ${report.requests} requests in ${(report.elapsedMs / 1000).toFixed(1)} s; ${report.failures.length} failures`,
    `  statuses: ${statuses}`,
    `  slowest: ${Object.entries(report.msByOperation)
      .sort(([, a], [, b]) => b - a)
      .slice(0, 5)
      .map(([operation, ms]) => `${operation} ${(ms / 1000).toFixed(1)} s`)
      .join(', ')}`,
  ];
  for (const failure of report.failures.slice(0, shown)) {
    const { request } = failure;
    const url = request.url.length > 200 ? `${request.url.slice(0, 200)}…` : request.url;
    lines.push(
      `  ✗ ${request.operation} → ${failure.status} (${failure.problem})`,
      `      ${request.method} ${url} [${request.label}]`,
      `      ${failure.body.replaceAll('\n', ' ')}`,
    );
  }
  return lines.join('\n');
}
