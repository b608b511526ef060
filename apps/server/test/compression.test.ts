import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESSION_THRESHOLD_BYTES, registerCompression } from '../src/http/compression.ts';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// A fake build: every text file with its precompressed `.br` and `.gz` siblings, as `vite build` writes them.
// Each variant carries a marker, so a test can tell which file was sent (not a copy compressed on the fly).
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const INDEX_HTML = `<!doctype html><html><body><div id="root">fake spa</div>${'<!-- pad -->'.repeat(200)}</body></html>`;

function writeWithVariants(path: string, text: string): void {
  writeFileSync(path, text);
  writeFileSync(`${path}.br`, brotliCompressSync(`${text}/*br*/`));
  writeFileSync(`${path}.gz`, gzipSync(`${text}/*gz*/`));
}

function decode(encoding: string | undefined, body: Buffer): string {
  if (encoding === 'br') {
    return brotliDecompressSync(body).toString();
  }
  if (encoding === 'gzip') {
    return gunzipSync(body).toString();
  }
  return body.toString();
}

describe.each(backends)('compression on $name', (backend) => {
  let server: TestServer;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'med-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeWithVariants(join(webDir, 'index.html'), INDEX_HTML);
    writeWithVariants(join(webDir, 'assets', 'app-3f2a1b.js'), SCRIPT);
    server = await startTestServer(backend, {}, { webDistDir: webDir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding: string) =>
    server.app.inject({ method: 'GET', url, headers: { 'accept-encoding': acceptEncoding } });

  it.each([
    ['br, gzip', 'br', '/*br*/'],
    ['gzip, deflate', 'gzip', '/*gz*/'],
    ['identity', undefined, ''],
  ])(
    'hashed assets: Accept-Encoding %s gets the precompressed %s file, cached for a year',
    async (accept, encoding, marker) => {
      const response = await get('/assets/app-3f2a1b.js', accept);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(decode(encoding, response.rawPayload)).toBe(SCRIPT + marker);
    },
  );

  it.each(['/', '/dashboard'])('%s: index.html precompressed but always revalidated (no-cache)', async (url) => {
    const response = await get(url, 'gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(decode('br', response.rawPayload)).toContain('fake spa');
  });

  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['identity', undefined],
  ])('API JSON above the threshold: Accept-Encoding %s is answered %s, same document', async (accept, encoding) => {
    const plain = await get('/api/openapi.json', 'identity');
    const response = await get('/api/openapi.json', accept);
    expect(response.statusCode).toBe(200);
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
    expect(response.headers['content-encoding']).toBe(encoding);
    if (encoding) {
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    }
    expect(JSON.parse(decode(encoding, response.rawPayload))).toEqual(plain.json());
  });

  it('small bodies are sent as they are, whatever the client accepts', async () => {
    const response = await get('/ping', 'br, gzip');
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json()).toMatchObject({ status: 'ok' });
  });

  it('errors are compressed like any JSON, and a compressed request body is refused, not inflated', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/accounts/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify({ email: 'a@example.org', password: 'x' })),
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });
});

describe('compression of streams', () => {
  it('a server-sent event stream is never compressed, even a long one', async () => {
    const app = Fastify();
    await registerCompression(app);
    const events = Array.from({ length: 50 }, (_, index) => `data: ${'event '.repeat(10)}${index}\n\n`).join('');
    app.get('/events', async (_request, reply) => reply.type('text/event-stream').send(events));
    app.get('/json', async (_request, reply) => reply.type('application/json').send(JSON.stringify({ events })));
    const sse = await app.inject({ method: 'GET', url: '/events', headers: { 'accept-encoding': 'br, gzip' } });
    const json = await app.inject({ method: 'GET', url: '/json', headers: { 'accept-encoding': 'br, gzip' } });
    await app.close();
    expect(events.length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
    expect(sse.headers['content-encoding']).toBeUndefined();
    expect(sse.body).toBe(events);
    // Control: the same bytes as JSON are compressed, so the SSE case is not passing by accident.
    expect(json.headers['content-encoding']).toBe('br');
  });
});
