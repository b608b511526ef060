import { randomBytes } from 'node:crypto';
import type { AdminLogEntry, AdminLogsPage, AdminLogsTail } from '@med/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from './support/accounts-helpers.ts';
import { createAdmin } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN = 'logs-admin@example.org';
/** stdout stays quiet: the lines still reach the journal, which is what these tests read. */
const quiet = { write: () => undefined };

/**
 * `GET /api/admin/logs`, `/logs/tail`, `DELETE /logs/clear`: the server's own pino records, redacted
 * like stdout, in a bounded list every instance shares on Valkey.
 */
describe.each(backends)('admin logs on $name', (backend) => {
  let first: TestServer;
  let second: TestServer | undefined;
  let admin: string;

  const call = async (server: TestServer, method: 'GET' | 'DELETE', url: string) =>
    server.app.inject({ method, url, headers: { cookie: admin } });
  const page = async (server: TestServer, query = '') => {
    const response = await call(server, 'GET', `/api/admin/logs?limit=1000${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ data: AdminLogsPage }>().data;
  };
  const tail = async (server: TestServer, query = '') => {
    const response = await call(server, 'GET', `/api/admin/logs/tail${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ data: AdminLogsTail }>().data;
  };
  const marker = () => `marker-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    const env = { ADMIN_EMAILS: ADMIN, LOG_LEVEL: 'info', SECRET_KEY: randomBytes(32).toString('base64url') };
    first = await startTestServer(backend, env, { logStream: quiet });
    // Memory journals are per process: a second instance shares records only through Valkey.
    second = backend.redisUrl
      ? await startTestServer(backend, env, { logStream: quiet, joinWith: first.storage })
      : undefined;
    admin = await createAdmin(first, ADMIN);
  });
  afterAll(async () => {
    await second?.close();
    await first.close();
  });

  it('keeps the request lines and explicit records, newest first, in the reference shape', async () => {
    const text = marker();
    first.app.log.warn({ module: 'tests', attempt: 3 }, `something odd: ${text}`);
    const found = await page(first, `&search=${text}`);
    expect(found).toMatchObject({ total: 1, count: 1, offset: 0, limit: 1000 });
    const entry = found.logs[0] as AdminLogEntry;
    expect(entry).toMatchObject({ level: 'WARNING', logger: 'tests', message: `something odd: ${text}` });
    expect(entry.context).toMatchObject({ attempt: 3 });
    expect(entry.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]:00$/);
    const all = await page(first);
    expect(all.logs.some((log) => log.logger === 'http' && log.message === 'incoming request')).toBe(true);
    const times = all.logs.map((log) => Date.parse(log.timestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('shows no password, cookie, secret or token that was logged, and no e-mail address in clear', async () => {
    const user = await createUser(first, 'logs-victim');
    const secrets = ['hunter2-Secret-Pw', 'cookie-value-s3cret', 'client-secret-s3cret', 'bearer-token-s3cret'];
    first.app.log.info(
      {
        password: secrets[0],
        client_secret: secrets[2],
        body: { password: secrets[0], new_password: secrets[0] },
        headers: { cookie: `session=${secrets[1]}`, authorization: `Bearer ${secrets[3]}` },
        cookie: secrets[1],
        authorization: `Bearer ${secrets[3]}`,
      },
      `sign-in attempt by ${user.email}`,
    );
    // A real request carrying a cookie and a bearer token, whose own lines reach the journal.
    await first.app.inject({
      method: 'GET',
      url: `/api/accounts/me?token=${secrets[3]}&email=${encodeURIComponent(user.email)}`,
      headers: { cookie: `access_token=${secrets[1]}`, authorization: `Bearer ${secrets[3]}` },
    });
    const text = JSON.stringify(await page(first));
    // The detector first: the records are there, with their redaction marks.
    expect(text).toContain('sign-in attempt by email:');
    expect(text).toContain('[Redacted]');
    for (const secret of [...secrets, user.email, user.clientSecret, user.cookie.split('=')[1] ?? '']) {
      expect(text).not.toContain(secret);
    }
  });

  it('filters by level (reference names and pino aliases) and pages with offset and limit', async () => {
    const text = marker();
    for (let index = 0; index < 5; index += 1) {
      first.app.log.error(`${text} error ${index}`);
    }
    first.app.log.info(`${text} info`);
    expect((await page(first, `&level=error&search=${text}`)).total).toBe(5);
    expect((await page(first, `&level=ERROR&search=${text}`)).total).toBe(5);
    expect((await page(first, `&level=info&search=${text}`)).total).toBe(1);
    expect((await page(first, `&level=warn&search=${text}`)).total).toBe(0);
    const second = await call(first, 'GET', `/api/admin/logs?search=${text}&level=error&limit=2&offset=2`);
    const body = second.json<{ data: AdminLogsPage }>().data;
    expect(body).toMatchObject({ total: 5, count: 2, offset: 2, limit: 2 });
    expect(body.logs.map((log) => log.message)).toEqual([`${text} error 2`, `${text} error 1`]);
  });

  it('refuses bad filters with a 4xx and a stable code', async () => {
    expectError(await call(first, 'GET', '/api/admin/logs?level=verbose'), 422, 'VALIDATION_ERROR');
    expectError(await call(first, 'GET', '/api/admin/logs?limit=0'), 422, 'VALIDATION_ERROR');
    expectError(await call(first, 'GET', '/api/admin/logs?limit=1001'), 422, 'VALIDATION_ERROR');
    expectError(await call(first, 'GET', '/api/admin/logs?offset=-1'), 422, 'VALIDATION_ERROR');
    expectError(await call(first, 'DELETE', '/api/admin/logs/clear?level=everything'), 422, 'VALIDATION_ERROR');
  });

  it('tails: only what was stored after the cursor, then nothing new; a lost cursor says reset', async () => {
    const start = await tail(first, '?limit=5');
    expect(start.cursor).not.toBeNull();
    const text = marker();
    first.app.log.info(`${text} one`);
    first.app.log.info(`${text} two`);
    const next = await tail(first, `?since=${start.cursor ?? ''}&search=${text}`);
    expect(next.reset).toBe(false);
    expect(next.logs.map((log) => log.message)).toEqual([`${text} two`, `${text} one`]);
    const idle = await tail(first, `?since=${next.cursor ?? ''}&search=${text}`);
    expect(idle).toMatchObject({ logs: [], reset: false, cursor: next.cursor });
    const lost = await tail(first, '?since=no-such-record&limit=1');
    expect(lost.reset).toBe(true);
    expect(lost.logs).toHaveLength(1);
  });

  it.runIf(backend.redisUrl)(
    'two instances see each other’s records, the tail included (Valkey only: a memory journal is per process)',
    async () => {
      const other = second as TestServer;
      const before = await tail(first, '?limit=1');
      const text = marker();
      other.app.log.warn({ module: 'instance-b' }, `${text} from b`);
      first.app.log.warn({ module: 'instance-a' }, `${text} from a`);
      await other.deps.logJournal.flush();
      const fromA = await page(first, `&search=${text}`);
      const fromB = await page(other, `&search=${text}`);
      expect(fromA.total).toBe(2);
      expect(fromB.logs.map((log) => log.id).sort()).toEqual(fromA.logs.map((log) => log.id).sort());
      expect(new Set(fromA.logs.map((log) => log.instance)).size).toBe(2);
      const seen = await tail(first, `?since=${before.cursor ?? ''}&search=${text}`);
      expect(seen.logs.map((log) => log.logger).sort()).toEqual(['instance-a', 'instance-b']);
    },
  );

  it('clears one level, then everything, answering the count of what was removed', async () => {
    const text = marker();
    first.app.log.error(`${text} to clear`);
    first.app.log.error(`${text} to clear too`);
    const errors = (await page(first, '&level=error')).total;
    expect(errors).toBeGreaterThanOrEqual(2);
    const infos = (await page(first, '&level=info')).total;
    const cleared = await call(first, 'DELETE', '/api/admin/logs/clear?level=error');
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json<{ data: { deleted_count: number } }>().data.deleted_count).toBe(errors);
    expect((await page(first, '&level=error')).total).toBe(0);
    expect((await page(first, '&level=info')).total).toBeGreaterThanOrEqual(infos);
    const all = await call(first, 'DELETE', '/api/admin/logs/clear');
    expect(all.json<{ data: { deleted_count: number } }>().data.deleted_count).toBeGreaterThan(0);
    // What is left is what was logged since: the clear's own lines, for the record.
    const after = await page(first);
    expect(after.logs.map((log) => log.message)).toEqual(['request completed', 'admin log records cleared']);
  });

  it('refuses anonymous callers and members without the logs permission', async () => {
    const member = await createUser(first, 'logs-member');
    expectError(
      await first.app.inject({ method: 'GET', url: '/api/admin/logs', headers: { cookie: member.cookie } }),
      403,
      'FORBIDDEN',
    );
    expectError(await first.app.inject({ method: 'GET', url: '/api/admin/logs' }), 401, 'UNAUTHORIZED');
  });
});
