// Soak benchmark: SOAK_SECONDS (default 120) of mixed traffic at concurrency 16 against the real server in
// its own process (SQLite + memory cache by default; PostgreSQL / Valkey when DATABASE_URL / REDIS_URL are
// set). Every 10 s it prints that interval's throughput, p50/p99, the server's RSS and heap. At the end, a
// verdict on memory growth: every 10 s the server is made to collect garbage through the inspector protocol
// (the child runs with --inspect on loopback) and its used heap is read right after; a least-squares line
// through those figures over the last 90 s must rise by less than 5 % of their mean (and 3 MiB).
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { addDays, parisToday } from '@med/core';
import { startServerProcess, userWithMeters } from './support/server-process.ts';

const PRM = '22516914714270';
const INTERVAL_SECONDS = 10;
const FIT_SECONDS = 90;

/** A DevTools-protocol session on the server process: full GC, then the used heap in MiB. */
async function heapAfterGc(output: () => string): Promise<{ read: () => Promise<number>; close: () => void }> {
  const url = /Debugger listening on (ws:\/\/\S+)/.exec(output())?.[1];
  if (!url) {
    throw new Error('the server did not open an inspector');
  }
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let id = 0;
  const send = (method: string) =>
    new Promise<{ usedSize?: number }>((resolve) => {
      id += 1;
      const mine = id;
      const listener = (event: MessageEvent) => {
        const message = JSON.parse(String(event.data)) as { id?: number; result?: { usedSize?: number } };
        if (message.id === mine) {
          socket.removeEventListener('message', listener);
          resolve(message.result ?? {});
        }
      };
      socket.addEventListener('message', listener);
      socket.send(JSON.stringify({ id: mine, method }));
    });
  return {
    async read() {
      await send('HeapProfiler.collectGarbage');
      return ((await send('Runtime.getHeapUsage')).usedSize ?? 0) / 2 ** 20;
    },
    // Detached before the server stops: an attached inspector holds its exit.
    close: () => socket.close(),
  };
}

/** Slope (per second) of the least-squares line through `points`. */
export function slopeOf(points: readonly { t: number; y: number }[]): number {
  const n = points.length;
  const meanT = points.reduce((sum, point) => sum + point.t, 0) / n;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / n;
  const covariance = points.reduce((sum, point) => sum + (point.t - meanT) * (point.y - meanY), 0);
  const variance = points.reduce((sum, point) => sum + (point.t - meanT) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export async function runSoak(): Promise<void> {
  const seconds = Number(process.env.SOAK_SECONDS ?? 120);
  const backend = `${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'} + ${process.env.REDIS_URL ? 'Valkey' : 'memory'}`;
  console.log(`\nSoak: ${seconds} s of mixed traffic, concurrency 16, on ${backend}`);
  // Admin: quotas are counted but do not stop the load generator.
  const server = await startServerProcess({ ADMIN_EMAILS: 'soak@example.org', NODE_OPTIONS: '--inspect=127.0.0.1:0' });
  try {
    const cookie = await userWithMeters(server, 'soak@example.org', [PRM]);
    const headers = { cookie, 'accept-encoding': 'identity' };
    // Complete days only: a range reaching today would ask Enedis again on every request.
    const today = addDays(parisToday(new Date()), -3);
    const paths = [
      `/api/enedis/consumption/daily/${PRM}?start=${addDays(today, -365)}&end=${today}&use_cache=true`,
      `/api/enedis/consumption/detail/${PRM}?start=${addDays(today, -7)}&end=${today}&use_cache=true`,
      '/api/accounts/me',
      '/api/pdl',
      '/api/ping',
      '/api/no-such-route',
    ];
    // Warm the cache so the soak measures the steady state, not the first Enedis fetches.
    for (const path of paths) {
      await (await fetch(`${server.baseUrl}${path}`, { headers })).arrayBuffer();
    }

    const inspector = await heapAfterGc(() => server.output());
    let latencies: number[] = [];
    let errors = 0;
    const heaps: { t: number; y: number }[] = [];
    const started = Date.now();
    const reporter = setInterval(() => void report(), INTERVAL_SECONDS * 1000);
    const report = async () => {
      const elapsed = Math.round((Date.now() - started) / 1000);
      const sorted = latencies.sort((a, b) => a - b);
      const window = { count: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), errors };
      latencies = [];
      errors = 0;
      const heap = await inspector.read();
      heaps.push({ t: elapsed, y: heap });
      console.log(
        `  ${String(elapsed).padStart(4)} s: ${(window.count / INTERVAL_SECONDS).toFixed(0)} req/s, p50 ${window.p50.toFixed(1)} ms, p99 ${window.p99.toFixed(1)} ms, ${window.errors} errors, RSS ${server.rssMiB().toFixed(0)} MiB, heap after GC ${heap.toFixed(1)} MiB`,
      );
    };
    const instance = autocannon({
      url: server.baseUrl,
      connections: 16,
      duration: seconds,
      headers,
      requests: paths.map((path) => ({ method: 'GET' as const, path })),
    });
    // autocannon's typings leave the instance's events untyped: (client, statusCode, bytes, responseTime).
    (instance as unknown as EventEmitter).on(
      'response',
      (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
        latencies.push(ms);
        // The unknown route answers 404 on purpose: only server errors count.
        if (statusCode >= 500) {
          errors += 1;
        }
      },
    );
    const result = await instance;
    clearInterval(reporter);
    inspector.close();
    console.log(
      `  total: ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.errors} connection errors, ${result['5xx']} 5xx`,
    );
    const fitted = heaps.filter((point) => point.t > seconds - FIT_SECONDS && Number.isFinite(point.y));
    if (fitted.length < 3) {
      console.log('  memory: too short a run for a verdict');
      return;
    }
    const slope = slopeOf(fitted);
    const mean = fitted.reduce((sum, point) => sum + point.y, 0) / fitted.length;
    const rise = slope * (fitted.at(-1)!.t - fitted[0]!.t);
    const grows = rise > Math.max(0.05 * mean, 3);
    console.log(
      `  memory: heap after GC ${slope >= 0 ? '+' : ''}${(slope * 60).toFixed(2)} MiB/min over the last ${FIT_SECONDS} s (${rise.toFixed(1)} MiB on a mean of ${mean.toFixed(1)} MiB): ${grows ? 'GROWS' : 'stable'}`,
    );
  } finally {
    await server.stop();
  }
}

if (import.meta.main) {
  await runSoak();
}
