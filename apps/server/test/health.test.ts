import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { createUser } from './support/accounts-helpers.ts';
import { createPdl, expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const FRONTEND = 'http://front.example:5173';
const INDEX_HTML = '<!doctype html><html><body><div id="root">fake spa</div></body></html>';

describe.each(backends)('health, docs and web on $name', (backend) => {
  let server: TestServer;
  let webDir: string;
  beforeAll(async () => {
    // A tiny fake build of the SPA.
    webDir = mkdtempSync(join(tmpdir(), 'med-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX_HTML);
    writeFileSync(join(webDir, 'assets', 'app-3f2a1b.js'), 'console.log("app");');
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    server = await startTestServer(backend, { FRONTEND_URL: FRONTEND }, { webDistDir: webDir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('/ping returns the package version and the current time', async () => {
    const before = Date.now();
    const response = await server.app.inject({ method: 'GET', url: '/ping' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ status: string; version: string; timestamp: string }>();
    expect(body).toMatchObject({ status: 'ok', version });
    expect(Date.parse(body.timestamp)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(body.timestamp)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('/ready checks the database and the cache', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ready', checks: { database: true, cache: true } });
  });

  it('/metrics counts requests by route template, never with PDL numbers or ids in labels', async () => {
    const user = await createUser(server, 'metrics');
    const headers = { cookie: user.cookie };
    const pdl = await createPdl(server, headers);
    await server.app.inject({ method: 'GET', url: `/api/pdl/${pdl.id}`, headers });
    await server.app.inject({
      method: 'PATCH',
      url: `/api/pdl/${pdl.id}/name`,
      headers,
      payload: { name: 'compteur' },
    });
    await server.app.inject({ method: 'GET', url: `/api/pdl/${pdl.usage_point_id}`, headers });
    await server.app.inject({ method: 'GET', url: `/api/unknown/${pdl.usage_point_id}` });

    const metrics = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.body).toContain('# TYPE http_requests_total counter');
    expect(metrics.body).toMatch(/^http_requests_total\{method="POST",route="\/api\/pdl",status="201"\} [1-9]/m);
    expect(metrics.body).toMatch(/^http_requests_total\{method="GET",route="\/api\/pdl\/:id",status="200"\} [1-9]/m);
    expect(metrics.body).toMatch(/^http_requests_total\{method="GET",route="\/api\/pdl\/:id",status="404"\} [1-9]/m);
    expect(metrics.body).toMatch(
      /^http_requests_total\{method="PATCH",route="\/api\/pdl\/:id\/name",status="200"\} [1-9]/m,
    );
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
    for (const secret of [pdl.usage_point_id, pdl.id, user.email, 'compteur']) {
      expect(metrics.body).not.toContain(secret);
    }
  });

  it('/api/openapi.json documents the routes and the client-credentials flow', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json<{
      openapi: string;
      info: { version: string };
      paths: Record<string, Record<string, unknown>>;
      components: {
        securitySchemes: Record<string, { type: string; flows?: { clientCredentials?: { tokenUrl: string } } }>;
      };
    }>();
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.info.version).toBe(version);
    expect(spec.paths['/api/accounts/signup']).toHaveProperty('post');
    expect(spec.paths['/api/pdl/{id}/name']).toHaveProperty('patch');
    expect(spec.paths['/api/pdl/reorder']).toHaveProperty('patch');
    expect(spec.components.securitySchemes.oauth2).toMatchObject({
      type: 'oauth2',
      flows: { clientCredentials: { tokenUrl: '/api/accounts/token' } },
    });
    // Health endpoints are not part of the documented API.
    expect(Object.keys(spec.paths)).not.toContain('/ping');
  });

  it('/api/docs serves Swagger UI with a CSP that does not force https', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const page = response.body.includes('swagger')
      ? response.body
      : (await server.app.inject({ method: 'GET', url: '/api/docs/' })).body;
    expect(page.toLowerCase()).toContain('swagger');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const initializer = await server.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
  });

  it('sends security headers on API and web responses', async () => {
    for (const url of ['/api/pdl', '/dashboard', '/ping']) {
      const response = await server.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).toContain("frame-ancestors 'self'");
      expect(csp, url).toMatch(/script-src 'self' https:\/\/challenges\.cloudflare\.com/);
      expect(csp, url).not.toContain('upgrade-insecure-requests');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(response.headers['x-powered-by'], url).toBeUndefined();
      // Plain-http FRONTEND_URL: no HSTS.
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('allows CORS with credentials for FRONTEND_URL only, including PATCH and DELETE preflights', async () => {
    const allowed = await server.app.inject({ method: 'GET', url: '/ping', headers: { origin: FRONTEND } });
    expect(allowed.headers['access-control-allow-origin']).toBe(FRONTEND);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    expect(String(allowed.headers.vary)).toContain('Origin');

    for (const method of ['POST', 'PATCH', 'DELETE']) {
      const preflight = await server.app.inject({
        method: 'OPTIONS',
        url: '/api/pdl/some-id/name',
        headers: {
          origin: FRONTEND,
          'access-control-request-method': method,
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.statusCode, method).toBe(204);
      expect(preflight.headers['access-control-allow-origin'], method).toBe(FRONTEND);
      expect(String(preflight.headers['access-control-allow-methods']).split(/,\s*/), method).toContain(method);
    }

    for (const origin of ['http://evil.example', 'http://front.example:5174', `${FRONTEND}.evil.example`]) {
      const foreign = await server.app.inject({ method: 'GET', url: '/ping', headers: { origin } });
      expect(foreign.headers['access-control-allow-origin'], origin).toBeUndefined();
      const preflight = await server.app.inject({
        method: 'OPTIONS',
        url: '/api/pdl',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
  });

  it('serves the SPA: client routes get index.html, /api stays JSON, assets are cached for good', async () => {
    for (const url of ['/dashboard', '/pdl/123/settings?tab=contract', '/']) {
      const page = await server.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.body, url).toBe(INDEX_HTML);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
    const asset = await server.app.inject({ method: 'GET', url: '/assets/app-3f2a1b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const favicon = await server.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(favicon.statusCode).toBe(200);
    expect(favicon.headers['cache-control']).toBe('no-cache');

    expectError(await server.app.inject({ method: 'GET', url: '/api/unknown' }), 404, 'ROUTE_NOT_FOUND');
    expectError(await server.app.inject({ method: 'GET', url: '/api/accounts' }), 404, 'ROUTE_NOT_FOUND');
    // Missing files and non-GET requests are not answered with the SPA.
    expectError(await server.app.inject({ method: 'GET', url: '/assets/missing-123.js' }), 404, 'ROUTE_NOT_FOUND');
    expectError(await server.app.inject({ method: 'POST', url: '/dashboard', payload: {} }), 404, 'ROUTE_NOT_FOUND');
  });
});

describe('https deployment', () => {
  it('sends HSTS when FRONTEND_URL is https', async () => {
    const [backend] = backends;
    if (!backend) {
      throw new Error('no backend');
    }
    const server = await startTestServer(backend, {
      FRONTEND_URL: 'https://med.example',
      BACKEND_URL: 'https://med.example',
    });
    try {
      const response = await server.app.inject({ method: 'GET', url: '/ping' });
      expect(String(response.headers['strict-transport-security'])).toMatch(/max-age=\d+/);
    } finally {
      await server.close();
    }
  });
});
