import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { expect } from 'vitest';
import { createCache } from '../../src/cache/create-cache.ts';
import { startClientServices } from '../../src/client-bootstrap.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { TestUser } from './accounts-helpers.ts';
import type { Backend } from './backends.ts';
import type { MeterReadingBody } from './consent-helpers.ts';
import { runSql, type TestServer } from './test-server.ts';

export type ClientTestServer = Awaited<ReturnType<typeof startClientTestServer>>;

/**
 * A local client (SERVER_MODE=false) on one backend, isolated like `startTestServer`: its own temp data
 * folder, SQLite file or PostgreSQL schema, and Valkey key prefix. `env` sets MED_API_URL and the
 * credentials; jobs are off unless `JOBS_ENABLED` says otherwise.
 */
export async function startClientTestServer(
  backend: Backend,
  env: Record<string, string> = {},
  options: { logStream?: DestinationStream } = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'med-client-test-'));
  const suffix = randomBytes(6).toString('hex');
  const schema = backend.databaseUrl ? `c_${suffix}` : undefined;
  if (backend.databaseUrl && schema) {
    await runSql(backend.databaseUrl, `CREATE SCHEMA ${schema}`);
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    SERVER_MODE: 'false',
    SECRET_KEY: randomBytes(32).toString('base64url'),
    DATA_DIR: dataDir,
    DATABASE_URL: backend.databaseUrl ?? `sqlite:${join(dataDir, 'client.db')}`,
    ...(backend.redisUrl ? { REDIS_URL: backend.redisUrl } : {}),
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    JOBS_RETRY_MIN_SECONDS: '1',
    JOBS_RETRY_MAX_SECONDS: '2',
    ...env,
  });
  const services = await startClientServices(config, {
    ...(schema ? { databaseSchema: schema } : {}),
    cacheKeyPrefix: `client-test:${suffix}:`,
    webDistDir: join(dataDir, 'no-web-build'),
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  let stopped: Promise<void> | undefined;
  const shutdown = () => (stopped ??= services.close());
  return {
    ...services,
    config,
    dataDir,
    shutdown,
    async close() {
      await shutdown();
      if (backend.redisUrl) {
        const cache = createCache(backend.redisUrl, `client-test:${suffix}:`);
        await cache.deleteByPrefix('');
        await cache.close();
      }
      if (backend.databaseUrl && schema) {
        await runSql(backend.databaseUrl, `DROP SCHEMA ${schema} CASCADE`);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Makes a gateway test server listen on loopback (port 0: any free one); returns its API root for MED_API_URL. */
export async function listenGateway(gateway: TestServer, port = 0): Promise<string> {
  await gateway.app.listen({ host: '127.0.0.1', port });
  const address = gateway.app.server.address();
  if (address === null || typeof address !== 'object') {
    throw new Error('gateway is not listening');
  }
  return `http://127.0.0.1:${address.port}/api`;
}

/**
 * A loopback TCP relay in front of a gateway that can be switched off and on at the same port: the
 * client sees a gateway that goes down (connection refused) and comes back.
 */
export async function startRelay(targetPort: number) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const open = async () => {
    server = createServer((socket) => {
      const upstream = connect(targetPort, '127.0.0.1');
      sockets.add(socket).add(upstream);
      socket.pipe(upstream).pipe(socket);
      const drop = () => {
        socket.destroy();
        upstream.destroy();
        sockets.delete(socket);
        sockets.delete(upstream);
      };
      socket.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    const listening = server;
    await new Promise<void>((resolve) => listening.listen(port, '127.0.0.1', resolve));
    const address = listening.address();
    port = typeof address === 'object' && address ? address.port : port;
  };
  await open();
  return {
    get apiUrl() {
      return `http://127.0.0.1:${port}/api`;
    },
    /** Refuses connections from now on and cuts the open ones. */
    async down() {
      const closing = server;
      server = null;
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise((resolve) => closing?.close(resolve));
    },
    up: open,
    close() {
      return this.down();
    },
  };
}

/** The gateway's port, once `listenGateway` ran. */
export function gatewayPort(gateway: TestServer): number {
  const address = gateway.app.server.address();
  if (address === null || typeof address !== 'object') {
    throw new Error('gateway is not listening');
  }
  return address.port;
}

/** What the gateway itself serves `user` on `/api/enedis/{path}` (the reference a client's store is compared with). */
export async function gatewayReadings(gateway: TestServer, user: TestUser, path: string, start: string, end: string) {
  const response = await gateway.app.inject({
    method: 'GET',
    url: `/api/enedis/${path}?start=${start}&end=${end}&use_cache=true`,
    headers: { cookie: user.cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<MeterReadingBody>().data?.meter_reading.interval_reading ?? [];
}
