// Cold benchmark: one year of 30-min load curve for one PDL, nothing cached, through the emulator
// answering with 300 ms latency. Enedis allows 5 calls/s, so 53 weekly calls cannot take less than
// 53 / 5 = 10.6 s: the ratio to that floor shows how well the adapter pipelines (target ≤ 1.2×).
import { addDays, parisToday } from '@med/core';
import { startServerProcess, userWithMeters } from './support/server-process.ts';

export async function runColdLoadCurve(): Promise<void> {
  const server = await startServerProcess({ EMULATOR_LATENCY_MS: '300', ADMIN_EMAILS: 'bench@example.org' });
  try {
    const cookie = await userWithMeters(server, 'bench@example.org', ['22516914714270']);
    const today = parisToday(new Date());
    const start = addDays(today, -365);
    const began = performance.now();
    const response = await fetch(
      `${server.baseUrl}/api/enedis/consumption/detail/batch/22516914714270?start=${start}&end=${today}&use_cache=false`,
      { headers: { cookie } },
    );
    const body = (await response.json()) as {
      data: { meter_reading: { interval_reading: unknown[] } } | null;
      error: unknown;
    };
    const seconds = (performance.now() - began) / 1000;
    const calls = Math.ceil(365 / 7);
    const floor = calls / 5;
    console.log('Cold: one year of load curve, emulator latency 300 ms, 5 req/s global limit');
    console.log(
      `  status ${response.status}, points ${body.data?.meter_reading.interval_reading.length ?? 0}, Enedis calls ${calls}`,
    );
    console.log(
      `  time ${seconds.toFixed(2)} s, floor ${floor.toFixed(1)} s, ratio ${(seconds / floor).toFixed(2)}× (target ≤ 1.2×)`,
    );
    console.log(`  server RSS ${server.rssMiB().toFixed(0)} MiB`);
  } finally {
    await server.stop();
  }
}

if (import.meta.main) {
  await runColdLoadCurve();
}
