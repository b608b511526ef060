// Account enumeration by timing: median answer time of POST /api/accounts/forgot-password for
// addresses that have an account vs addresses that do not. The two should be equal (the request only
// queues a job; the worker looks the address up later). Sequential requests, known and unknown
// interleaved in random order, each followed by a pause so the previous request's background mail does
// not slow the next one. Runs on SQLite + memory cache, then on Valkey (REDIS_URL, default
// 127.0.0.1:6379) and PostgreSQL when BENCH_DATABASE_URL names an empty database.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServerProcess, type BenchServer } from './support/server-process.ts';

const ACCOUNTS = 40;
/** Mails one address may receive per throttle window (MAILS_PER_EMAIL); the sign-up used one. */
const REQUESTS_PER_ADDRESS = 4;
const PAUSE_MS = 100;

async function post(server: BenchServer, path: string, body: unknown): Promise<number> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function shuffle<T>(items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}

async function measure(name: string, env: Record<string, string>): Promise<void> {
  const server = await startServerProcess({
    ...env,
    // One client IP sends everything: lift the per-IP limit of forgot-password (and sign-up).
    SIGNUP_MAX_PER_IP: '100000',
  });
  try {
    const run = randomUUID().slice(0, 8);
    const known = Array.from({ length: ACCOUNTS }, (_, index) => `known-${run}-${index}@example.org`);
    const unknown = Array.from({ length: ACCOUNTS }, (_, index) => `nobody-${run}-${index}@example.org`);
    for (const email of known) {
      const status = await post(server, '/api/accounts/signup', { email, password: 'Bench-Password-2026' });
      if (status !== 201) {
        throw new Error(`signup failed: ${status}`);
      }
    }
    // Warm-up (JIT, statement caches) on addresses outside the measurement.
    for (let index = 0; index < 20; index += 1) {
      await post(server, '/api/accounts/forgot-password', { email: `warmup-${run}-${index}@example.org` });
    }
    await sleep(500);
    const plan = shuffle([
      ...known.flatMap((email) => Array.from({ length: REQUESTS_PER_ADDRESS }, () => ({ email, kind: 'known' }))),
      ...unknown.flatMap((email) => Array.from({ length: REQUESTS_PER_ADDRESS }, () => ({ email, kind: 'unknown' }))),
    ]);
    const times: Record<string, number[]> = { known: [], unknown: [] };
    for (const { email, kind } of plan) {
      const started = performance.now();
      const status = await post(server, '/api/accounts/forgot-password', { email });
      const elapsed = performance.now() - started;
      if (status !== 200) {
        throw new Error(`forgot-password answered ${status}`);
      }
      times[kind]?.push(elapsed);
      await sleep(PAUSE_MS);
    }
    const line = (kind: string) => {
      const values = times[kind] ?? [];
      return `${kind} median ${percentile(values, 50).toFixed(2)} ms, p90 ${percentile(values, 90).toFixed(2)} ms`;
    };
    console.log(`  ${name}: ${line('known')} | ${line('unknown')} (${plan.length / 2} requests each)`);
  } finally {
    await server.stop();
  }
}

export async function runForgotPasswordTiming(): Promise<void> {
  console.log('forgot-password answer time, known vs unknown address (sequential)');
  await measure('sqlite + memory', {});
  await measure('sqlite + valkey', { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
  if (process.env.BENCH_DATABASE_URL) {
    await measure('postgresql + valkey', {
      DATABASE_URL: process.env.BENCH_DATABASE_URL,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    });
  }
}

if (import.meta.main) {
  await runForgotPasswordTiming();
}
