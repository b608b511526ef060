// Warm benchmark: data already cached (a year of daily values, a 2-year load curve), on the in-memory
// cache and on Valkey. Prints, for each:
//   - req/s, p50, p99 at concurrency 32 and the server's peak RSS during the run (sampled every 100 ms);
//   - for the 2-year curve, the single-request p50 (one request at a time);
//   - on Valkey, the year of daily data against a floor server measured in the same run
//     (bench/support/floor-server.ts: raw node:http, one pipelined Valkey round trip, AES-256-GCM, same
//     JSON), and the ratio.
// autocannon asks for no compression (identity), like the figures of the issue.
// Targets (issue 9 §2): 2-year curve single-request p50 < 30 ms, RSS < 300 MiB during the concurrency-32
// run; daily year on Valkey ≤ 2× the floor. Needs REDIS_URL for Valkey (default 127.0.0.1:6379).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { addDays, parisToday } from '@med/core';
import { startServerProcess, userWithMeters } from './support/server-process.ts';

const PRM = '22516914714270';
const DURATION_SECONDS = 10;

interface Measured {
  requestsPerSecond: number;
}

async function measure(title: string, url: string, headers: Record<string, string>, rss?: () => number) {
  let peak = 0;
  const sampler = rss ? setInterval(() => (peak = Math.max(peak, rss())), 100) : undefined;
  const result = await autocannon({ url, connections: 32, duration: DURATION_SECONDS, headers });
  clearInterval(sampler);
  const errors = result.non2xx + result.errors;
  const memory = rss ? `, server peak RSS ${peak.toFixed(0)} MiB` : '';
  console.log(
    `  ${title}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${errors} errors${memory}`,
  );
  return { requestsPerSecond: result.requests.average } satisfies Measured;
}

/** One request at a time: the latency a single user sees, without queueing behind others. */
async function singleRequestP50(url: string, headers: Record<string, string>, count = 40): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Starts the floor server with the app's own answer as data; resolves with its URL and a stop. */
async function startFloor(redisUrl: string, answer: string) {
  const { data } = JSON.parse(answer) as {
    data: {
      meter_reading: {
        usage_point_id: string;
        start: string;
        end: string;
        reading_type: Record<string, string>;
        interval_reading: { value: number; date: string }[];
      };
    };
  };
  const reading = data.meter_reading;
  const floorData = {
    usage_point_id: reading.usage_point_id,
    start: reading.start,
    end: reading.end,
    reading_type: reading.reading_type,
    days: reading.interval_reading.map((entry) => [entry.date, entry.value]),
  };
  const child = spawn(process.execPath, [resolve(import.meta.dirname, 'support/floor-server.ts')], {
    env: { ...process.env, REDIS_URL: redisUrl, FLOOR_DATA: JSON.stringify(floorData) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const { port } = JSON.parse(line.toString()) as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
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
      const headers = { cookie };
      const today = parisToday(new Date());
      const daily = `${server.baseUrl}/api/enedis/consumption/daily/${PRM}?start=${addDays(today, -365)}&end=${today}&use_cache=true`;
      const curve = `${server.baseUrl}/api/enedis/consumption/detail/batch/${PRM}?start=${addDays(today, -729)}&end=${today}`;
      const answers: string[] = [];
      for (const url of [daily, curve]) {
        const warm = await fetch(url, { headers });
        if (!warm.ok) {
          throw new Error(`warm-up failed: ${warm.status} ${await warm.text()}`);
        }
        answers.push(await warm.text());
      }
      const rss = () => server.rssMiB();
      console.log(`Warm (${backend.name} cache), concurrency 32, ${DURATION_SECONDS} s each`);
      const app = await measure('year of daily data', daily, headers, rss);
      if (backend.name === 'valkey') {
        const floor = await startFloor(redisUrl, answers[0] ?? '');
        try {
          const floorRun = await measure('  floor server, same year, same JSON', floor.url, {});
          console.log(
            `    app is ${(floorRun.requestsPerSecond / app.requestsPerSecond).toFixed(2)}× the floor (target ≤ 2×)`,
          );
        } finally {
          await floor.stop();
        }
      }
      const size = ((answers[1] ?? '').length / 1024 / 1024).toFixed(2);
      const identity = await singleRequestP50(curve, { ...headers, 'accept-encoding': 'identity' });
      const brotli = await singleRequestP50(curve, { ...headers, 'accept-encoding': 'br' });
      console.log(
        `  2-year load curve (35,040 points, ${size} MB): single request p50 ${identity.toFixed(1)} ms uncompressed, ${brotli.toFixed(1)} ms with brotli`,
      );
      await measure('2-year load curve', curve, headers, rss);
    } finally {
      await server.stop();
    }
  }
}

if (import.meta.main) {
  await runWarmCache();
}
