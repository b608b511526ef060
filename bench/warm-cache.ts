// Warm benchmark: data already cached (a year of daily values, a 2-year load curve), served at
// concurrency 32, on the in-memory cache and on Valkey. Prints req/s, p50, p99 and server RSS.
// Target: ≥ 1,000 req/s for the year of daily data on Valkey. Needs REDIS_URL (default 127.0.0.1:6379).
import autocannon from 'autocannon';
import { addDays, parisToday } from '@med/core';
import { startServerProcess, userWithMeters } from './support/server-process.ts';

const PRM = '22516914714270';

async function measure(title: string, url: string, cookie: string, rss: () => number): Promise<void> {
  const result = await autocannon({ url, connections: 32, duration: 10, headers: { cookie } });
  const errors = result.non2xx + result.errors;
  console.log(
    `  ${title}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${errors} errors, server RSS ${rss().toFixed(0)} MiB`,
  );
}

export async function runWarmCache(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const backends: { name: string; env: Record<string, string> }[] = [
    { name: 'memory', env: {} },
    { name: 'valkey', env: { REDIS_URL: redisUrl } },
  ];
  for (const backend of backends) {
    // Admin: quotas are counted but do not stop the load generator.
    const server = await startServerProcess({ ...backend.env, ADMIN_EMAILS: 'bench@example.org' });
    try {
      const cookie = await userWithMeters(server, 'bench@example.org', [PRM]);
      const today = parisToday(new Date());
      const daily = `${server.baseUrl}/api/enedis/consumption/daily/${PRM}?start=${addDays(today, -365)}&end=${today}&use_cache=true`;
      const curve = `${server.baseUrl}/api/enedis/consumption/detail/batch/${PRM}?start=${addDays(today, -729)}&end=${today}`;
      for (const url of [daily, curve]) {
        const warm = await fetch(url, { headers: { cookie } });
        if (!warm.ok) {
          throw new Error(`warm-up failed: ${warm.status} ${await warm.text()}`);
        }
      }
      console.log(`Warm (${backend.name} cache), concurrency 32, 10 s each`);
      await measure('year of daily data', daily, cookie, () => server.rssMiB());
      await measure('2-year load curve (35,040 points)', curve, cookie, () => server.rssMiB());
    } finally {
      await server.stop();
    }
  }
}

if (import.meta.main) {
  await runWarmCache();
}
