import { addDays, parisToday } from '@med/core';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, lastMailLink, type TestUser } from './support/accounts-helpers.ts';
import { verifyPath } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { startConsent } from './support/consent-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Sandbox client 3's consumption meter.
const PRM = '12345678901234';
// Not after a decimal point: `responseTime` fractions have 14 digits too.
const ANY_PRM = /(?<![\d.])\d{14}(?!\d)/;
const ANY_EMAIL = /[A-Za-z0-9._%+-]+(@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** Log lines that give away one of `secrets` (as is or URL-encoded), or any PRM or e-mail address. */
function leaks(lines: readonly string[], secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const line of lines) {
    for (const secret of secrets) {
      if (line.includes(secret) || line.includes(encodeURIComponent(secret))) {
        found.push(`"${secret}" in ${line}`);
      }
    }
    for (const pattern of [ANY_PRM, ANY_EMAIL]) {
      const match = pattern.exec(line);
      if (match) {
        found.push(`"${match[0]}" in ${line}`);
      }
    }
  }
  return found;
}

/** A pino destination keeping each line. */
function capture() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

describe('the leak detector', () => {
  it('finds a PRM, an address, an OAuth code and state in lines logged without redaction', () => {
    const { lines, stream } = capture();
    // What Fastify's default logger wrote before: the request URL as is, explicit fields as is.
    const plain = pino({ level: 'info' }, stream);
    plain.info({ req: { method: 'GET', url: '/api/oauth/callback?code=c0de-42&state=st4te-99' } }, 'incoming request');
    plain.info({ req: { method: 'GET', url: `/api/enedis/consumption/daily/${PRM}?start=2026-01-01` } }, 'incoming');
    plain.info({ to: 'jane@example.org' }, 'mail written');
    const found = leaks(lines, ['c0de-42', 'st4te-99']);
    for (const expected of ['c0de-42', 'st4te-99', PRM, 'jane@example.org']) {
      expect(
        found.some((leak) => leak.startsWith(`"${expected}"`)),
        expected,
      ).toBe(true);
    }
    expect(
      leaks(['{"level":30,"time":1796228450993,"msg":"request completed","responseTime":120.02284700000018}'], []),
    ).toEqual([]);
  });
});

describe.each(backends)('info logs of a whole journey on $name', (backend) => {
  const { lines, stream } = capture();
  let server: TestServer;
  let user: TestUser;
  const secrets: string[] = [PRM];

  beforeAll(async () => {
    server = await startTestServer(backend, { LOG_LEVEL: 'info' }, { logStream: stream });
    // Sign-up (and its verification mail, logged by the dev outbox), login.
    user = await createUser(server, 'private');
    secrets.push(user.email);
    const verify = await server.app.inject({
      method: 'GET',
      url: verifyPath(await lastMailLink(server, user.email)),
    });
    expect(verify.statusCode).toBe(200);
    secrets.push(
      new URLSearchParams(verifyPath(await lastMailLink(server, user.email)).split('?')[1]).get('token') ?? '',
    );

    // Consent: Enedis sends the browser back to our callback with a code and our state.
    const consentUrl = await startConsent(server, user);
    consentUrl.searchParams.set('auto_select', PRM);
    const enedis = await fetch(consentUrl, { redirect: 'manual' });
    const back = new URL(enedis.headers.get('location') ?? '');
    const code = back.searchParams.get('code') ?? '';
    const state = back.searchParams.get('state') ?? '';
    expect(code.length).toBeGreaterThan(3);
    expect(state.length).toBeGreaterThan(3);
    secrets.push(code, state);
    const callback = await server.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie: user.cookie },
    });
    expect(String(callback.headers.location)).toContain('consent_success=true');

    // A metering read, then a forgotten password (mailed by the worker).
    const today = parisToday(new Date());
    const reading = await server.app.inject({
      method: 'GET',
      url: `/api/enedis/consumption/daily/${PRM}?start=${addDays(today, -5)}&end=${today}`,
      headers: { cookie: user.cookie },
    });
    expect(reading.statusCode).toBe(200);
    const forgot = await server.app.inject({
      method: 'POST',
      url: '/api/accounts/forgot-password',
      payload: { email: user.email },
    });
    expect(forgot.statusCode).toBe(200);
    await server.deps.mailQueue.drain();
  });
  afterAll(async () => server.close());

  it('has no PRM, e-mail address, OAuth code or state, or link token in clear', () => {
    expect(lines.length).toBeGreaterThan(10);
    expect(secrets.every((secret) => secret.length > 0)).toBe(true);
    expect(leaks(lines, secrets)).toEqual([]);
  });

  it('still lets an operator follow a request: hashed values, the same hash for the same value', () => {
    const urls = lines
      .map((line) => JSON.parse(line) as { level: number; req?: { url?: string } })
      .map((entry) => entry.req?.url)
      .filter((url): url is string => url !== undefined);
    const callback = urls.find((url) => url.startsWith('/api/oauth/callback?'));
    expect(callback).toMatch(/code=hash:[0-9a-f]{8}&state=hash:[0-9a-f]{8}/);
    const metering = urls.find((url) => url.startsWith('/api/enedis/consumption/daily/'));
    const prmHash = /prm:([0-9a-f]{8})/.exec(metering ?? '')?.[1];
    expect(prmHash).toBeDefined();
    // The callback's usage_point_id is the same meter: the same hash.
    expect(callback).toContain(`usage_point_id=prm:${prmHash}`);
    const mailLines = lines.filter((line) => line.includes('dev outbox'));
    expect(mailLines.length).toBeGreaterThanOrEqual(2);
    const recipients = new Set(mailLines.map((line) => (JSON.parse(line) as { to: string }).to));
    expect([...recipients]).toHaveLength(1);
    expect([...recipients][0]).toMatch(/^email:[0-9a-f]{8}$/);
  });
});
