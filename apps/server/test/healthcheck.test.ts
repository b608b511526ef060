// The container health check (Dockerfile HEALTHCHECK, Compose, Kubernetes-free): where it looks for the
// server, and that only a 200 on /ready counts as healthy.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isReady, readyUrl } from '../src/healthcheck.ts';

describe('readyUrl', () => {
  it('follows the per-mode default ports', () => {
    expect(readyUrl({})).toBe('http://127.0.0.1:8000/ready');
    expect(readyUrl({ SERVER_MODE: 'true' })).toBe('http://127.0.0.1:8000/ready');
    expect(readyUrl({ SERVER_MODE: 'false' })).toBe('http://127.0.0.1:8100/ready');
    expect(readyUrl({ SERVER_MODE: '0', PORT: '' })).toBe('http://127.0.0.1:8100/ready');
  });

  it('follows PORT and a specific HOST; a wildcard HOST is reached on loopback', () => {
    expect(readyUrl({ PORT: '9123' })).toBe('http://127.0.0.1:9123/ready');
    expect(readyUrl({ SERVER_MODE: 'false', HOST: '0.0.0.0' })).toBe('http://127.0.0.1:8100/ready');
    expect(readyUrl({ HOST: '::' })).toBe('http://127.0.0.1:8000/ready');
    expect(readyUrl({ HOST: '::1', PORT: '8001' })).toBe('http://[::1]:8001/ready');
    expect(readyUrl({ HOST: '10.1.2.3' })).toBe('http://10.1.2.3:8000/ready');
  });
});

describe('isReady', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function serve(status: number, delayMs = 0): Promise<string> {
    server = createServer((request, response) => {
      setTimeout(() => {
        response.writeHead(request.url === '/ready' ? status : 404).end();
      }, delayMs);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server?.address() as AddressInfo).port}/ready`;
  }

  it('is true only for a 200', async () => {
    expect(await isReady(await serve(200))).toBe(true);
  });

  it('is false while /ready answers 503 (starting, shutting down, database or cache down)', async () => {
    expect(await isReady(await serve(503))).toBe(false);
  });

  it('is false when nothing listens, or the answer comes too late', async () => {
    const url = await serve(200, 500);
    expect(await isReady(url, 100)).toBe(false);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    expect(await isReady(url)).toBe(false);
  });
});
