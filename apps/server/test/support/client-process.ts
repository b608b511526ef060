import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const MAIN = resolve(import.meta.dirname, '../../src/main.ts');

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface ClientProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the process wrote (for the assertion messages). */
  output(): string;
  /** `kill -9`: no shutdown hook runs, whatever was in flight is cut. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * A real local client process (`apps/server/src/main.ts`, SERVER_MODE=false) on loopback, with its data in
 * `dataDir` (SQLite) or `databaseUrl` (PostgreSQL), and scheduled jobs off: the test triggers the sync.
 * Restarting one on the same data is starting another with the same folder and database.
 */
export async function startClientProcess(options: {
  dataDir: string;
  databaseUrl?: string;
  env: Record<string, string>;
}): Promise<ClientProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      TZ: 'UTC',
      NODE_ENV: 'test',
      SERVER_MODE: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: options.dataDir,
      DATABASE_URL: options.databaseUrl ?? `sqlite:${join(options.dataDir, 'client.db')}`,
      SECRET_KEY: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'warn',
      JOBS_ENABLED: 'false',
      SHUTDOWN_DELAY_SECONDS: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) {
      throw new Error(`client process exited (${child.exitCode}): ${output}`);
    }
    const ready = await fetch(`${baseUrl}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) {
      break;
    }
    if (tries > 600) {
      child.kill('SIGKILL');
      throw new Error(`client process not ready: ${output}`);
    }
    await sleep(50);
  }
  return {
    baseUrl,
    child,
    output: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
