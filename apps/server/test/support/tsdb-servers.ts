import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Real time-series servers for the exporter suites: Debian's `victoria-metrics` and `influxdb` (1.x)
 * binaries, each started on free loopback ports in its own temp folder and stopped with the suite.
 * When a binary is missing the suite is skipped with that reason (visible in the count), never silently.
 */
export const VICTORIA_METRICS_BIN = '/usr/bin/victoria-metrics';
export const INFLUXD_BIN = '/usr/bin/influxd';

export const victoriaMetricsMissing = existsSync(VICTORIA_METRICS_BIN)
  ? null
  : `${VICTORIA_METRICS_BIN} is missing (Debian package victoria-metrics)`;
export const influxDbMissing = existsSync(INFLUXD_BIN) ? null : `${INFLUXD_BIN} is missing (Debian package influxdb)`;

export interface RunningTsdb {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode}: ${output()}`);
    }
    try {
      const response = await fetch(url);
      if (response.status < 500) {
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`server did not answer ${url} within 30 s: ${output()}`);
}

function startProcess(command: string, args: string[]) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000).then(() => child.kill('SIGKILL'))]);
    }
  };
  return { child, output: () => output, stop };
}

/**
 * VictoriaMetrics single-node with the settings the README asks of users: a retention long enough for a
 * household's history (the default month silently drops older samples) and deduplication, so a re-run of
 * an export (same series, same timestamps) leaves one sample per timestamp.
 */
export async function startVictoriaMetrics(): Promise<RunningTsdb> {
  const dir = mkdtempSync(join(tmpdir(), 'med-vm-'));
  const port = await freePort();
  const server = startProcess(VICTORIA_METRICS_BIN, [
    `-storageDataPath=${dir}`,
    `-httpListenAddr=127.0.0.1:${port}`,
    '-retentionPeriod=100y',
    '-dedup.minScrapeInterval=1ms',
    '-loggerLevel=ERROR',
  ]);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/health`, server.child, server.output);
  return {
    url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RunningInfluxDb1 extends RunningTsdb {
  admin: { username: string; password: string };
}

/**
 * InfluxDB 1.x with authentication on: an admin user is created (allowed while no user exists), then
 * every request needs credentials, as on a real installation.
 */
export async function startInfluxDb1(): Promise<RunningInfluxDb1> {
  const dir = mkdtempSync(join(tmpdir(), 'med-influx-'));
  const [httpPort, rpcPort] = [await freePort(), await freePort()];
  const configFile = join(dir, 'influxdb.conf');
  writeFileSync(
    configFile,
    [
      'reporting-disabled = true',
      `bind-address = "127.0.0.1:${rpcPort}"`,
      '[meta]',
      `  dir = "${join(dir, 'meta')}"`,
      '[data]',
      `  dir = "${join(dir, 'data')}"`,
      `  wal-dir = "${join(dir, 'wal')}"`,
      '  query-log-enabled = false',
      '[http]',
      `  bind-address = "127.0.0.1:${httpPort}"`,
      '  auth-enabled = true',
      '  log-enabled = false',
      '[monitor]',
      '  store-enabled = false',
      '',
    ].join('\n'),
  );
  const server = startProcess(INFLUXD_BIN, ['-config', configFile]);
  const url = `http://127.0.0.1:${httpPort}`;
  await waitUntilUp(`${url}/ping`, server.child, server.output);
  const admin = { username: 'admin', password: 'influx-admin-password' };
  const created = await fetch(`${url}/query`, {
    method: 'POST',
    body: new URLSearchParams({
      q: `CREATE USER ${admin.username} WITH PASSWORD '${admin.password}' WITH ALL PRIVILEGES`,
    }),
  });
  if (!created.ok) {
    throw new Error(`InfluxDB refused the admin user: ${created.status} ${await created.text()}`);
  }
  return {
    url,
    admin,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs an InfluxQL statement as the admin (database creation, read-back in tests). */
export async function influxQuery(
  server: RunningInfluxDb1,
  query: string,
  database?: string,
): Promise<{
  results: {
    series?: { name: string; tags?: Record<string, string>; columns: string[]; values: unknown[][] }[];
    error?: string;
  }[];
}> {
  const params = new URLSearchParams({ q: query, epoch: 'ms', ...(database ? { db: database } : {}) });
  const response = await fetch(`${server.url}/query`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${server.admin.username}:${server.admin.password}`).toString('base64')}`,
    },
    body: params,
  });
  if (!response.ok) {
    throw new Error(`InfluxQL ${query}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as never;
}
