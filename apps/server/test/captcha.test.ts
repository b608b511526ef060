import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { STRONG_PASSWORD } from './support/accounts-helpers.ts';
import { countRows, expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const TURNSTILE_SECRET = 'turnstile-test-secret';
const GOOD_TOKEN = 'good-token';

/** A local stand-in for Cloudflare's siteverify endpoint: success only for the known token and secret. */
async function startVerifier(): Promise<{ server: Server; url: string; calls: URLSearchParams[] }> {
  const calls: URLSearchParams[] = [];
  const readBody = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString();
  };
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const form = new URLSearchParams(body);
      calls.push(form);
      const success =
        request.method === 'POST' && form.get('secret') === TURNSTILE_SECRET && form.get('response') === GOOD_TOKEN;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(success ? { success: true } : { success: false, 'error-codes': ['invalid-input-response'] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/siteverify`, calls };
}

describe.each(backends)('captcha on sign-up on $name', (backend) => {
  let verifier: Awaited<ReturnType<typeof startVerifier>>;
  let server: TestServer;
  beforeAll(async () => {
    verifier = await startVerifier();
    server = await startTestServer(backend, {
      REQUIRE_CAPTCHA: 'true',
      TURNSTILE_SECRET_KEY: TURNSTILE_SECRET,
      TURNSTILE_SITE_KEY: 'site-key',
      TURNSTILE_VERIFY_URL: verifier.url,
    });
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => verifier.server.close(resolve));
  });

  let sequence = 0;
  const signup = (turnstileToken?: string) => {
    sequence += 1;
    const payload = {
      email: `captcha-${sequence}-${Date.now()}@example.org`,
      password: STRONG_PASSWORD,
      ...(turnstileToken === undefined ? {} : { turnstile_token: turnstileToken }),
    };
    return server.app.inject({
      method: 'POST',
      url: '/api/accounts/signup',
      payload,
      remoteAddress: `203.0.113.${sequence}`,
    });
  };

  it('publishes the site key for the web app', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/config' });
    expect(response.json()).toMatchObject({ data: { turnstile_site_key: 'site-key' } });
  });

  it('refuses a sign-up without a token (400 CAPTCHA_REQUIRED) and creates nothing', async () => {
    const users = await countRows(server, 'users');
    const calls = verifier.calls.length;
    expectError(await signup(), 400, 'CAPTCHA_REQUIRED', 'turnstile_token');
    expectError(await signup(''), 400, 'CAPTCHA_REQUIRED', 'turnstile_token');
    expect(verifier.calls.length).toBe(calls);
    expect(await countRows(server, 'users')).toBe(users);
  });

  it('refuses a token the verifier rejects (400 CAPTCHA_INVALID) and creates nothing', async () => {
    const users = await countRows(server, 'users');
    expectError(await signup('forged-token'), 400, 'CAPTCHA_INVALID', 'turnstile_token');
    expect(verifier.calls.at(-1)?.get('response')).toBe('forged-token');
    expect(await countRows(server, 'users')).toBe(users);
  });

  it('accepts a good token (201) and sends the secret, token and client IP to the verifier', async () => {
    const users = await countRows(server, 'users');
    const response = await signup(GOOD_TOKEN);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      success: true,
      data: { client_id: expect.stringMatching(/^cli_/) as string },
    });
    const call = verifier.calls.at(-1);
    expect(call?.get('secret')).toBe(TURNSTILE_SECRET);
    expect(call?.get('response')).toBe(GOOD_TOKEN);
    expect(call?.get('remoteip')).toBe(`203.0.113.${sequence}`);
    expect(await countRows(server, 'users')).toBe(users + 1);
  });
});

describe('captcha verifier unreachable', () => {
  it('answers 503 SERVICE_UNAVAILABLE and creates nothing', async () => {
    const [backend] = backends;
    if (!backend) {
      throw new Error('no backend');
    }
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const server = await startTestServer(backend, {
      REQUIRE_CAPTCHA: 'true',
      TURNSTILE_SECRET_KEY: TURNSTILE_SECRET,
      TURNSTILE_VERIFY_URL: `http://127.0.0.1:${port}/siteverify`,
    });
    try {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/accounts/signup',
        payload: { email: 'down@example.org', password: STRONG_PASSWORD, turnstile_token: GOOD_TOKEN },
      });
      expectError(response, 503, 'SERVICE_UNAVAILABLE');
      expect(await countRows(server, 'users')).toBe(0);
    } finally {
      await server.close();
    }
  });
});
