// Shutdown under load: metering reads waiting on a slow Enedis (the emulator answers in 1 s) when the
// server gets SIGTERM. Prints how every read ended, what /ready said during the stop, how long the stop
// took, and whether the server logged a cache or database connection closed under a request (the
// "Connection is closed" 500s seen before the drain existed). Production settings: 5 s readiness delay,
// then at most 20 s of drain.
import { addDays, parisToday } from '@med/core';
import { startEmulator } from '@med/emulator';
import { startServerProcess, userWithMeters } from './support/server-process.ts';

const PRM = '22516914714270';
const READS = 30;
const CLOSED_CONNECTION = /Connection is closed|driver has already been destroyed|Cannot use a pool after calling end/g;

export async function runShutdown(): Promise<void> {
  const emulator = await startEmulator();
  const server = await startServerProcess({
    ENEDIS_ENVIRONMENT: 'emulator',
    ENEDIS_BASE_URL: emulator.url,
    RTE_BASE_URL: emulator.url,
    // Admins have no daily quota: every read reaches the emulator.
    ADMIN_EMAILS: 'shutdown@example.org',
    SHUTDOWN_DELAY_SECONDS: '5',
  });
  const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
  try {
    const cookie = await userWithMeters(server, 'shutdown@example.org', [PRM]);
    emulator.app.enedisEmulator.setLatency({ fixedMs: 1000 });
    const today = parisToday(new Date());
    const reads = Array.from({ length: READS }, async (_, index) => {
      const end = addDays(today, -1 - 7 * index);
      const url = `${server.baseUrl}/api/enedis/consumption/daily/${PRM}?start=${addDays(end, -7)}&end=${end}&use_cache=false`;
      try {
        const response = await fetch(url, { headers: { cookie } });
        await response.arrayBuffer();
        return String(response.status);
      } catch {
        return 'connection cut';
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const signalled = performance.now();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ready = await fetch(`${server.baseUrl}/ready`).then(
      (response) => String(response.status),
      () => 'refused',
    );
    const outcomes = await Promise.all(reads);
    const code = await exited;
    const seconds = (performance.now() - signalled) / 1000;
    const tally = Object.entries(
      outcomes.reduce<Record<string, number>>(
        (counts, outcome) => ({ ...counts, [outcome]: (counts[outcome] ?? 0) + 1 }),
        {},
      ),
    )
      .map(([outcome, count]) => `${outcome}: ${count}`)
      .join(', ');
    console.log(`Shutdown: SIGTERM 0.5 s into ${READS} metering reads (emulator 1 s per call, 5 calls/s)`);
    console.log(`  reads ${tally}; /ready 0.3 s after the signal: ${ready}`);
    console.log(`  exit code ${code} after ${seconds.toFixed(1)} s (5 s readiness delay included)`);
    console.log(`  closed-connection errors logged: ${server.output().match(CLOSED_CONNECTION)?.length ?? 0}`);
  } finally {
    await server.stop();
    await emulator.close();
  }
}
