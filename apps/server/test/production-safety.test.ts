import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';
/** Production on purpose against the emulators and the file outbox (the tests have no real upstream). */
const PRODUCTION = {
  NODE_ENV: 'production',
  ALLOW_EMULATOR_IN_PRODUCTION: 'true',
  ALLOW_FILE_OUTBOX_IN_PRODUCTION: 'true',
};

async function withServer(
  backend: (typeof backends)[number],
  env: Record<string, string>,
  body: (server: TestServer) => Promise<void>,
): Promise<void> {
  const server = await startTestServer(backend, env);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

describe.each(backends)('production safety on $name', (backend) => {
  let emulated: TestServer;
  beforeAll(async () => {
    emulated = await startTestServer(backend);
  });
  afterAll(async () => emulated.close());

  describe('simulated data flag', () => {
    it('GET /api/config says both upstreams are simulated in the default (emulator) setup', async () => {
      const response = await emulated.app.inject({ method: 'GET', url: '/api/config' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ data: { simulated_data: { enedis: true, rte: true } } });
    });

    it('says neither is simulated with Enedis and RTE credentials', async () => {
      // Real-looking credentials and hosts; nothing is called (no jobs, no requests).
      await withServer(
        backend,
        {
          ENEDIS_CLIENT_ID: 'app',
          ENEDIS_CLIENT_SECRET: 'secret',
          ENEDIS_BASE_URL: 'http://127.0.0.1:9',
          RTE_CLIENT_ID: 'rte-app',
          RTE_CLIENT_SECRET: 'rte-secret',
          RTE_BASE_URL: 'http://127.0.0.1:9',
        },
        async (server) => {
          expect(server.deps.gateway.emulator).toBeUndefined();
          const response = await server.app.inject({ method: 'GET', url: '/api/config' });
          expect(response.json()).toMatchObject({ data: { simulated_data: { enedis: false, rte: false } } });
        },
      );
    });
  });

  describe('/metrics', () => {
    it('is not served in production without METRICS_TOKEN (404)', async () => {
      await withServer(backend, PRODUCTION, async (server) => {
        expectError(await server.app.inject({ method: 'GET', url: '/metrics' }), 404, 'ROUTE_NOT_FOUND');
        // The rest of the health endpoints stay public.
        expect((await server.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
      });
    });

    it('needs the bearer token in production when METRICS_TOKEN is set (401 without, 200 with)', async () => {
      await withServer(backend, { ...PRODUCTION, METRICS_TOKEN }, async (server) => {
        for (const authorization of [
          undefined,
          'Bearer wrong-token-0123456789abcdef',
          `Basic ${METRICS_TOKEN}`,
          `Bearer ${METRICS_TOKEN}x`,
          'Bearer ',
        ]) {
          const response = await server.app.inject({
            method: 'GET',
            url: '/metrics',
            headers: authorization === undefined ? {} : { authorization },
          });
          expectError(response, 401, 'UNAUTHORIZED');
          expect(response.headers['www-authenticate'], authorization).toBe('Bearer realm="metrics"');
          expect(response.body).not.toContain('http_requests_total');
        }
        const metrics = await server.app.inject({
          method: 'GET',
          url: '/metrics',
          headers: { authorization: `Bearer ${METRICS_TOKEN}` },
        });
        expect(metrics.statusCode).toBe(200);
        expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
        // The refused scrapes were counted like any request, without the token anywhere.
        expect(metrics.body).toMatch(/^http_requests_total\{method="GET",route="\/metrics",status="401"\} 5$/m);
        expect(metrics.body).not.toContain(METRICS_TOKEN);
      });
    });

    it('keeps the open endpoint in development, and honours a token set there too', async () => {
      expect((await emulated.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
      await withServer(backend, { METRICS_TOKEN }, async (server) => {
        expectError(await server.app.inject({ method: 'GET', url: '/metrics' }), 401, 'UNAUTHORIZED');
        const metrics = await server.app.inject({
          method: 'GET',
          url: '/metrics',
          headers: { authorization: `bearer ${METRICS_TOKEN}` },
        });
        expect(metrics.statusCode).toBe(200);
      });
    });
  });

  describe('/ready while draining', () => {
    it('answers 503 as soon as the drain starts, and counts no request left in flight', async () => {
      await withServer(backend, {}, async (server) => {
        expect((await server.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
        expect(server.deps.drain.inFlight).toBe(0);
        server.deps.drain.start();
        const response = await server.app.inject({ method: 'GET', url: '/ready' });
        expect(response.statusCode).toBe(503);
        expect(response.json()).toMatchObject({ status: 'draining' });
        expect(server.deps.drain.inFlight).toBe(0);
      });
    });
  });
});
