// Cold benchmark: one year of 30-min load curve for one PDL, nothing cached, through the emulator
// answering with 300 ms latency and enforcing Enedis's real quotas (5 calls/s, 10,000/h). Enedis allows
// 5 calls/s, so 53 weekly calls cannot take less than 53 / 5 = 10.6 s: the ratio to that floor shows how
// well the adapter pipelines (target ≤ 1.2×). The emulator runs in this process, so the Enedis calls are
// counted where Enedis would see them (retries, 429s and token calls included), not estimated.
import { addDays, parisToday } from '@med/core';
import { startEmulator } from '@med/emulator';
import { startServerProcess, userWithMeters } from './support/server-process.ts';

const PRM = '22516914714270';
const LOAD_CURVE_ROUTE = '/metering_data_clc/v5/consumption_load_curve';
const TOKEN_ROUTE = '/oauth2/v3/token';
const ENEDIS_RATE_PER_SECOND = 5;

export async function runColdLoadCurve(): Promise<void> {
  const emulator = await startEmulator({ enedis: { latency: { fixedMs: 300 } } });
  const enedis = emulator.app.enedisEmulator;
  // Both upstreams point at this emulator, so the server starts none of its own.
  const server = await startServerProcess({
    ENEDIS_ENVIRONMENT: 'emulator',
    ENEDIS_BASE_URL: emulator.url,
    RTE_BASE_URL: emulator.url,
    ADMIN_EMAILS: 'bench@example.org',
  });
  try {
    const cookie = await userWithMeters(server, 'bench@example.org', [PRM]);
    const today = parisToday(new Date());
    const start = addDays(today, -365);
    // Count only the measured request, starting with a full per-second bucket.
    enedis.resetStats();
    enedis.resetRateLimits();
    const began = performance.now();
    const response = await fetch(
      `${server.baseUrl}/api/enedis/consumption/detail/batch/${PRM}?start=${start}&end=${today}&use_cache=false`,
      { headers: { cookie } },
    );
    const body = (await response.json()) as {
      data: { meter_reading: { interval_reading: unknown[] } } | null;
      error: unknown;
    };
    const seconds = (performance.now() - began) / 1000;

    const stats = enedis.stats;
    const curveCalls = stats.byRoute[LOAD_CURVE_ROUTE] ?? 0;
    const tokenCalls = stats.byRoute[TOKEN_ROUTE] ?? 0;
    const curveAnswers = stats.calls.filter((call) => call.route === LOAD_CURVE_ROUTE);
    const ok = curveAnswers.filter((call) => call.status === 200).length;
    const throttled = curveAnswers.filter((call) => call.status === 429).length;
    const failed = curveAnswers.filter((call) => call.status >= 500).length;
    // One successful answer per weekly chunk; every other load-curve call was a retry.
    const retries = curveCalls - ok;
    const expectedChunks = Math.ceil(365 / 7);
    const floor = stats.total / ENEDIS_RATE_PER_SECOND;
    console.log(
      'Cold: one year of load curve, emulator latency 300 ms, 5 req/s global limit (measured at the emulator)',
    );
    console.log(
      `  status ${response.status}, points ${body.data?.meter_reading.interval_reading.length ?? 0}, weekly chunks ${expectedChunks}`,
    );
    console.log(
      `  Enedis calls ${stats.total}: load curve ${curveCalls} (200: ${ok}, 429: ${throttled}, 5xx: ${failed}, retries ${retries}), token ${tokenCalls}`,
    );
    console.log(
      `  time ${seconds.toFixed(2)} s, floor ${floor.toFixed(1)} s (${stats.total} calls at 5/s), ratio ${(seconds / floor).toFixed(2)}× (target ≤ 1.2×)`,
    );
    console.log(`  server RSS ${server.rssMiB().toFixed(0)} MiB`);
  } finally {
    await server.stop();
    await emulator.close();
  }
}

if (import.meta.main) {
  await runColdLoadCurve();
}
