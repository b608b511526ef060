// Fair-share benchmark: how long one user's single-call read waits while another user's 2-year load-curve
// batch (105 weekly Enedis calls, ≥ 21 s at 5 calls/s) is running, and how long a batch bound to fail
// (production on a consumption-only meter) takes to answer. The emulator runs in this process with 300 ms
// latency and Enedis's real quotas (5 calls/s, 10,000/h), so calls are counted where Enedis would see them.
// Each trial starts a fresh uncached batch and issues the single read `offset` seconds into it.
import { setTimeout as sleep } from 'node:timers/promises';
import { addDays, parisToday } from '@med/core';
import { startEmulator } from '@med/emulator';
import { startServerProcess, userWithMeters, type BenchServer } from './support/server-process.ts';

const BATCH_PRM = '22516914714270'; // sandbox client 0: consumption only, complete data
const SINGLE_PRM = '64975835695673'; // sandbox client 7: another household
const LOAD_CURVE_ROUTE = '/metering_data_clc/v5/consumption_load_curve';
const OFFSETS_S = [1, 3, 5, 7, 9];

interface Timed {
  status: number;
  seconds: number;
}

async function timedGet(server: BenchServer, path: string, cookie: string): Promise<Timed> {
  const began = performance.now();
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie } });
  await response.arrayBuffer();
  return { status: response.status, seconds: (performance.now() - began) / 1000 };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

const seconds = (values: number[]) =>
  `p50 ${percentile(values, 0.5).toFixed(2)} s, max ${Math.max(...values).toFixed(2)} s (${values.map((value) => value.toFixed(2)).join(', ')})`;

export async function runFairShare(): Promise<void> {
  const emulator = await startEmulator({ enedis: { latency: { fixedMs: 300 } } });
  const enedis = emulator.app.enedisEmulator;
  const server = await startServerProcess({
    ENEDIS_ENVIRONMENT: 'emulator',
    ENEDIS_BASE_URL: emulator.url,
    RTE_BASE_URL: emulator.url,
    // Admins are counted, not limited: the daily quotas must not stop the trials.
    ADMIN_EMAILS: 'batch@example.org,single@example.org',
  });
  try {
    const batchCookie = await userWithMeters(server, 'batch@example.org', [BATCH_PRM]);
    const singleCookie = await userWithMeters(server, 'single@example.org', [SINGLE_PRM]);
    const today = parisToday(new Date());
    const batchPath = `/api/enedis/consumption/detail/batch/${BATCH_PRM}?start=${addDays(today, -729)}&end=${today}&use_cache=false`;
    const singlePath = `/api/enedis/consumption/daily/${SINGLE_PRM}?start=${addDays(today, -7)}&end=${today}&use_cache=false`;

    // Alone: what a single-call read costs with nobody else on the gateway.
    const alone: number[] = [];
    for (let trial = 0; trial < 3; trial += 1) {
      alone.push((await timedGet(server, singlePath, singleCookie)).seconds);
    }

    const waits: number[] = [];
    const batches: number[] = [];
    const batchCallsAfter: number[] = [];
    let throttled = 0;
    let failedRequests = 0;
    for (const offset of OFFSETS_S) {
      enedis.resetStats();
      enedis.resetRateLimits();
      const batch = timedGet(server, batchPath, batchCookie);
      await sleep(offset * 1000);
      const single = await timedGet(server, singlePath, singleCookie);
      const batchDone = await batch;
      failedRequests += Number(single.status !== 200) + Number(batchDone.status !== 200);
      waits.push(single.seconds);
      batches.push(batchDone.seconds);
      const calls = enedis.stats.calls;
      const singleAt = calls.findIndex((call) => call.usagePointId === SINGLE_PRM);
      batchCallsAfter.push(
        calls.slice(singleAt + 1).filter((call) => call.usagePointId === BATCH_PRM && call.route === LOAD_CURVE_ROUTE)
          .length,
      );
      throttled += enedis.stats.byStatus['429'] ?? 0;
    }

    enedis.resetStats();
    const wrongPath = `/api/enedis/production/detail/batch/${BATCH_PRM}?start=${addDays(today, -729)}&end=${today}&use_cache=false`;
    const wrong = await timedGet(server, wrongPath, batchCookie);
    const wrongCalls = enedis.stats.total;

    console.log(
      'Fair share: a single-call read by user B while user A’s 2-year load-curve batch runs (emulator 300 ms, 5 req/s)',
    );
    console.log(`  single read alone: ${seconds(alone)}`);
    console.log(`  single read during the batch, issued ${OFFSETS_S.join('/')} s into it: ${seconds(waits)}`);
    console.log(
      `  batch (105 weekly calls, floor 21 s): ${seconds(batches)}; A's calls answered after B's: ${batchCallsAfter.join(', ')}`,
    );
    console.log(`  429 answers: ${throttled}, failed requests: ${failedRequests}`);
    console.log(
      `  production batch on a consumption-only meter: HTTP ${wrong.status} in ${wrong.seconds.toFixed(2)} s, ${wrongCalls} Enedis calls`,
    );
  } finally {
    await server.stop();
    await emulator.close();
  }
}

if (import.meta.main) {
  await runFairShare();
}
