import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClientStatus } from '@med/contracts';
import { loadConfig } from '../src/config/config.ts';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import { listenGateway, startClientTestServer, type ClientTestServer } from './support/client-server.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

function logCapture() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

async function statusOf(client: ClientTestServer, headers: Record<string, string> = {}) {
  const response = await client.app.inject({ method: 'GET', url: '/api/client/status', headers });
  return { statusCode: response.statusCode, headers: response.headers, body: response.json<{ data: ClientStatus }>() };
}

async function waitForState(client: ClientTestServer, state: ClientStatus['gateway']['state']) {
  await vi.waitFor(
    async () => {
      expect((await statusOf(client)).body.data.gateway.state).toBe(state);
    },
    { timeout: 15_000, interval: 50 },
  );
  return (await statusOf(client)).body.data.gateway;
}

/** A loopback port nothing listens on (taken, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address !== 'object') {
    throw new Error('no port');
  }
  return address.port;
}

/**
 * The local client against a real gateway (a server-mode test server with its emulator, over loopback
 * HTTP): it starts whatever the gateway says, reports exactly what is wrong on /api/client/status and
 * in the log, and keeps retrying with backoff until the gateway answers.
 */
describe.each(backends)('client mode: gateway connection on $name', (backend) => {
  let gateway: TestServer;
  let apiUrl: string;
  let user: TestUser;
  const clients: ClientTestServer[] = [];
  const startClient: typeof startClientTestServer = async (...args) => {
    const client = await startClientTestServer(...args);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    gateway = await startTestServer(backend);
    apiUrl = await listenGateway(gateway);
    user = await createUser(gateway, 'household');
  });
  afterAll(async () => {
    for (const client of clients) {
      await client.close();
    }
    await gateway.close();
  });

  it('connects with the credentials of the household’s gateway account, and serves no account routes', async () => {
    const client = await startClient(backend, {
      MED_API_URL: apiUrl,
      MED_CLIENT_ID: user.clientId,
      MED_CLIENT_SECRET: user.clientSecret,
    });
    const gatewayStatus = await waitForState(client, 'connected');
    expect(gatewayStatus).toMatchObject({ url: apiUrl, failures: 0, next_attempt_at: null });
    expect(client.deps.gatewayClient.stats.tokenRequests).toBe(1);
    expect(client.config.http).toMatchObject({ port: 8100, host: '127.0.0.1' });

    const config = await client.app.inject({ method: 'GET', url: '/api/config' });
    expect(config.json<{ data: { server_mode: boolean } }>().data.server_mode).toBe(false);
    // GET /api/pdl is the local meter list (client-pdl.test.ts); the gateway's meter management is not served.
    for (const url of ['/api/accounts/me', '/api/pdl/12345678901234', '/api/oauth/authorize', '/api/admin/users']) {
      const response = await client.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('says the credentials are wrong, logs it, and retries with backoff', async () => {
    const logs = logCapture();
    const client = await startClient(
      backend,
      { MED_API_URL: apiUrl, MED_CLIENT_ID: user.clientId, MED_CLIENT_SECRET: 'not-the-secret', LOG_LEVEL: 'error' },
      { logStream: logs.stream },
    );
    const first = await waitForState(client, 'bad_credentials');
    expect(first.message).toMatch(/MED_CLIENT_ID \/ MED_CLIENT_SECRET/);
    expect(first.message).toMatch(/HTTP 401/);
    expect(first.next_attempt_at).not.toBeNull();
    await vi.waitFor(
      async () => expect((await statusOf(client)).body.data.gateway.failures).toBeGreaterThanOrEqual(2),
      {
        timeout: 10_000,
        interval: 50,
      },
    );
    const logged = logs.lines.map((line) => JSON.parse(line) as { msg: string; problem?: string });
    expect(logged.some((line) => line.problem === 'bad_credentials' && /refuses MED_CLIENT_ID/.test(line.msg))).toBe(
      true,
    );
    // The wrong secret never reaches the log.
    expect(logs.lines.join('\n')).not.toContain('not-the-secret');
  });

  it('says the credentials are missing and does not retry what only a restart can fix', async () => {
    const client = await startClient(backend, { MED_API_URL: apiUrl });
    const status = await waitForState(client, 'not_configured');
    expect(status.message).toMatch(/MED_CLIENT_ID et MED_CLIENT_SECRET/);
    expect(status.next_attempt_at).toBeNull();
    expect(client.deps.gatewayClient.stats.tokenRequests).toBe(0);
  });

  it('starts with the gateway down, says it is unreachable, and connects once it is back', async () => {
    const port = await freePort();
    const logs = logCapture();
    const client = await startClient(
      backend,
      {
        MED_API_URL: `http://127.0.0.1:${port}/api`,
        MED_CLIENT_ID: user.clientId,
        MED_CLIENT_SECRET: user.clientSecret,
        LOG_LEVEL: 'info',
      },
      { logStream: logs.stream },
    );
    const down = await waitForState(client, 'unreachable');
    expect(down.message).toMatch(/ECONNREFUSED/);
    expect(logs.lines.some((line) => line.includes('ECONNREFUSED'))).toBe(true);

    // The same database and key: the household's account exists there.
    const late = await startTestServer(
      backend,
      { SECRET_KEY: gateway.config.secretKey },
      { joinWith: gateway.storage },
    );
    try {
      await listenGateway(late, port);
      await waitForState(client, 'connected');
      expect(logs.lines.some((line) => line.includes('connected to the gateway'))).toBe(true);
    } finally {
      await late.close();
    }
  });

  it('asks for LOCAL_PASSWORD on every route but liveness, as Basic or Bearer, and refuses cross-site writes', async () => {
    const password = 'household-pass-1';
    const client = await startClient(backend, {
      MED_API_URL: apiUrl,
      MED_CLIENT_ID: user.clientId,
      MED_CLIENT_SECRET: user.clientSecret,
      HOST: '0.0.0.0',
      LOCAL_PASSWORD: password,
    });
    const anonymous = await statusOf(client);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect((await statusOf(client, { authorization: 'Bearer wrong-password' })).statusCode).toBe(401);
    const basic = `Basic ${Buffer.from(`anyone:${password}`).toString('base64')}`;
    expect((await statusOf(client, { authorization: basic })).statusCode).toBe(200);
    expect((await statusOf(client, { authorization: `Bearer ${password}` })).statusCode).toBe(200);
    expect((await client.app.inject({ method: 'GET', url: '/api/config' })).statusCode).toBe(401);
    expect((await client.app.inject({ method: 'GET', url: '/ping' })).statusCode).toBe(200);
    const write = (site: string) =>
      client.app.inject({
        method: 'POST',
        url: '/api/client/status',
        headers: { authorization: basic, 'sec-fetch-site': site },
      });
    expect((await write('cross-site')).statusCode).toBe(403);
    expect((await write('same-origin')).statusCode).toBe(404);
  });
});

describe('client mode configuration', () => {
  const base = { NODE_ENV: 'test', SERVER_MODE: 'false', SECRET_KEY: 'k'.repeat(8) + 'abcdefghijklmnopqrstuvwxyz0123' };

  it('defaults to port 8100 on loopback, and refuses a wider HOST without LOCAL_PASSWORD', () => {
    const config = loadConfig({ ...base, DATA_DIR: '/tmp/med-client-config' });
    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 8100, frontendUrl: 'http://localhost:8100' });
    expect(config.client.apiUrl).toBe('https://www.v2.myelectricaldata.fr/api');
    expect(() => loadConfig({ ...base, HOST: '0.0.0.0' })).toThrow(/HOST=0\.0\.0\.0 .*LOCAL_PASSWORD/);
    expect(() => loadConfig({ ...base, HOST: '0.0.0.0', LOCAL_PASSWORD: 'short' })).toThrow(
      /LOCAL_PASSWORD: must be at least 8/,
    );
    expect(loadConfig({ ...base, HOST: '0.0.0.0', LOCAL_PASSWORD: 'long-enough' }).http.host).toBe('0.0.0.0');
    expect(loadConfig({ ...base, HOST: '127.0.0.2' }).http.host).toBe('127.0.0.2');
  });

  it('keeps 8000 on every interface for the gateway', () => {
    const config = loadConfig({ ...base, SERVER_MODE: 'true' });
    expect(config.http).toMatchObject({ host: '0.0.0.0', port: 8000, frontendUrl: 'http://localhost:8000' });
  });
});
