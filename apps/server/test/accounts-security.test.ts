import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Pdl } from '@med/contracts';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userCachePrefix } from '../src/cache/user-keys.ts';
import { MAILS_PER_EMAIL } from '../src/features/accounts/accounts.service.ts';
import { createUser, lastMailLink, sentMails, sessionCookie, STRONG_PASSWORD } from './support/accounts-helpers.ts';
import { verifyEmail, verifyPath } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { createPdl, pdlRow } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const WINDOW_SECONDS = 900;
let ipSequence = 0;

/** A client address no other request of this file uses (the per-IP throttles stay out of the way). */
function freshIp(): string {
  ipSequence += 1;
  return `198.51.${Math.floor(ipSequence / 250)}.${(ipSequence % 250) + 1}`;
}

function retryAfter(response: LightMyRequestResponse): number {
  return Number(response.headers['retry-after']);
}

function expectTooManyAttempts(response: LightMyRequestResponse): void {
  expect(response.statusCode, response.body).toBe(429);
  expect(response.json()).toMatchObject({ success: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
  expect(retryAfter(response)).toBeGreaterThan(0);
  expect(retryAfter(response)).toBeLessThanOrEqual(WINDOW_SECONDS);
}

async function userId(server: TestServer, cookie: string): Promise<string> {
  const me = await server.app.inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie } });
  return me.json<{ data: { id: string } }>().data.id;
}

async function roleOf(server: TestServer, email: string): Promise<string | undefined> {
  const row = await server.deps.db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select('roles.name')
    .where('users.email', '=', email)
    .executeTakeFirst();
  return row?.name;
}

async function signup(server: TestServer, email: string, remoteAddress = freshIp()) {
  return server.app.inject({
    method: 'POST',
    url: '/api/accounts/signup',
    payload: { email, password: STRONG_PASSWORD },
    remoteAddress,
  });
}

/** Decodes the quoted-printable bodies nodemailer writes (soft line breaks, `=3D`). */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

describe.each(backends)('account security on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { ADMIN_EMAILS: 'chief@example.org,reset-chief@example.org' });
  });
  afterAll(async () => server.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  const inject = (options: InjectOptions) => server.app.inject(options);

  it('stores passwords as argon2id hashes', async () => {
    const user = await createUser(server, 'argon');
    const row = await server.deps.db
      .selectFrom('users')
      .select('hashed_password')
      .where('email', '=', user.email)
      .executeTakeFirstOrThrow();
    expect(row.hashed_password).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(row.hashed_password).not.toContain(user.password);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax and not Secure when FRONTEND_URL is http', async () => {
    const user = await createUser(server, 'cookie');
    const login = await inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: { email: user.email, password: user.password },
      remoteAddress: freshIp(),
    });
    const cookie = login.cookies.find((entry) => entry.name === 'access_token');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
  });

  it('limits the mails one address gets, whatever the IPs: sign-up, resend and forgot-password share it', async () => {
    const user = await createUser(server, 'flood');
    const mailsTo = async () => (await sentMails(server)).filter((mail) => mail.to === user.email).length;
    expect(await mailsTo()).toBe(1);
    // The sign-up above was the first of MAILS_PER_EMAIL; each attempt below comes from a new IP.
    for (let attempt = 2; attempt <= MAILS_PER_EMAIL; attempt += 1) {
      expect((await signup(server, user.email)).statusCode).toBe(202);
    }
    expect(await mailsTo()).toBe(MAILS_PER_EMAIL);
    expectTooManyAttempts(await signup(server, user.email));
    for (const url of ['/api/accounts/forgot-password', '/api/accounts/resend-verification']) {
      expectTooManyAttempts(
        await inject({ method: 'POST', url, payload: { email: user.email }, remoteAddress: freshIp() }),
      );
    }
    expect(await mailsTo()).toBe(MAILS_PER_EMAIL);
    // Other addresses are not affected.
    expect((await signup(server, `not-flooded-${Date.now()}@example.org`)).statusCode).toBe(201);
  });

  it('applies the per-address limit to addresses without an account too (a 429 reveals nothing)', async () => {
    const ghost = `ghost-${Date.now()}@example.org`;
    const forgot = () =>
      inject({
        method: 'POST',
        url: '/api/accounts/forgot-password',
        payload: { email: ghost },
        remoteAddress: freshIp(),
      });
    for (let attempt = 1; attempt <= MAILS_PER_EMAIL; attempt += 1) {
      expect((await forgot()).statusCode).toBe(200);
    }
    expectTooManyAttempts(await forgot());
  });

  it('makes an ADMIN_EMAILS address admin only once it is verified (verify-email or reset-password)', async () => {
    const email = 'chief@example.org';
    expect((await signup(server, email)).statusCode).toBe(201);
    const login = await inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: { email, password: STRONG_PASSWORD },
      remoteAddress: freshIp(),
    });
    const cookie = sessionCookie(login);
    const me = () => inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie } });
    expect((await me()).json()).toMatchObject({ data: { is_admin: false, role: { name: 'visitor' } } });
    expect(await roleOf(server, email)).toBe('visitor');
    // An admin-only route stays closed.
    expect((await inject({ method: 'GET', url: '/api/admin/rte/status', headers: { cookie } })).statusCode).toBe(403);

    await verifyEmail(server, email);
    expect((await me()).json()).toMatchObject({
      data: { is_admin: true, email_verified: true, role: { name: 'admin' } },
    });
    expect((await inject({ method: 'GET', url: '/api/admin/rte/status', headers: { cookie } })).statusCode).toBe(200);

    // A reset link proves the address as well.
    const other = 'reset-chief@example.org';
    expect((await signup(server, other)).statusCode).toBe(201);
    await inject({
      method: 'POST',
      url: '/api/accounts/forgot-password',
      payload: { email: other },
      remoteAddress: freshIp(),
    });
    expect(await roleOf(server, other)).toBe('visitor');
    const token = new URL(await lastMailLink(server, other)).searchParams.get('token') ?? '';
    const reset = await inject({
      method: 'POST',
      url: '/api/accounts/reset-password',
      payload: { token, new_password: 'Another-Pass-77' },
    });
    expect(reset.statusCode).toBe(200);
    expect(await roleOf(server, other)).toBe('admin');
  });

  it('sends the verification mail at sign-up although verification is not required', async () => {
    expect(server.config.auth.requireEmailVerification).toBe(false);
    const email = `mailed-${Date.now()}@example.org`;
    expect((await signup(server, email)).statusCode).toBe(201);
    expect(new URL(await lastMailLink(server, email)).pathname).toBe('/verify-email');
  });

  it('expires reset-password links after 1 h and verify-email links after 24 h', async () => {
    const tokenRow = async (table: 'email_verification_tokens' | 'password_reset_tokens', email: string) => {
      // The worker issues the links: wait for the queued mails.
      await server.deps.mailQueue.drain();
      const row = await server.deps.db
        .selectFrom(table)
        .innerJoin('users', 'users.id', `${table}.user_id`)
        .select([`${table}.created_at`, `${table}.expires_at`])
        .where('users.email', '=', email)
        .executeTakeFirstOrThrow();
      return { createdAt: Date.parse(row.created_at), expiresAt: Date.parse(row.expires_at) };
    };
    const tokenOf = async (email: string) => new URL(await lastMailLink(server, email)).searchParams.get('token') ?? '';
    const early = await createUser(server, 'verify-early');
    const late = await createUser(server, 'verify-late');
    const resetter = await createUser(server, 'reset');
    const minute = 60_000;
    const hour = 60 * minute;

    for (const user of [early, late]) {
      const { createdAt, expiresAt } = await tokenRow('email_verification_tokens', user.email);
      expect(expiresAt - createdAt).toBeGreaterThanOrEqual(24 * hour - 1000);
      expect(expiresAt - createdAt).toBeLessThanOrEqual(24 * hour + 1000);
    }
    const earlyExpiry = (await tokenRow('email_verification_tokens', early.email)).expiresAt;
    const lateExpiry = (await tokenRow('email_verification_tokens', late.email)).expiresAt;
    const earlyToken = await tokenOf(early.email);
    const lateToken = await tokenOf(late.email);

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    vi.setSystemTime(earlyExpiry - minute);
    expect((await inject({ method: 'GET', url: `/api/accounts/verify-email?token=${earlyToken}` })).statusCode).toBe(
      200,
    );
    vi.setSystemTime(lateExpiry + minute);
    const expiredVerify = await inject({ method: 'GET', url: `/api/accounts/verify-email?token=${lateToken}` });
    expect(expiredVerify.statusCode).toBe(400);
    expect(expiredVerify.json()).toMatchObject({ error: { code: 'TOKEN_EXPIRED', field: 'token' } });

    const forgot = () =>
      inject({
        method: 'POST',
        url: '/api/accounts/forgot-password',
        payload: { email: resetter.email },
        remoteAddress: freshIp(),
      });
    const reset = (token: string, password: string) =>
      inject({ method: 'POST', url: '/api/accounts/reset-password', payload: { token, new_password: password } });
    await forgot();
    const first = await tokenRow('password_reset_tokens', resetter.email);
    expect(first.expiresAt - first.createdAt).toBeGreaterThanOrEqual(hour - 1000);
    expect(first.expiresAt - first.createdAt).toBeLessThanOrEqual(hour + 1000);
    vi.setSystemTime(first.expiresAt - minute);
    expect((await reset(await tokenOf(resetter.email), 'Within-Hour-11')).statusCode).toBe(200);
    await forgot();
    const second = await tokenRow('password_reset_tokens', resetter.email);
    vi.setSystemTime(second.expiresAt + minute);
    const expiredReset = await reset(await tokenOf(resetter.email), 'After-Hour-22');
    expect(expiredReset.statusCode).toBe(400);
    expect(expiredReset.json()).toMatchObject({ error: { code: 'TOKEN_EXPIRED' } });
    vi.useRealTimers();
    const login = await inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: { email: resetter.email, password: 'Within-Hour-11' },
      remoteAddress: freshIp(),
    });
    expect(login.statusCode).toBe(200);
  });

  it('deletes the account with its tokens, activity log, cache entries and meters', async () => {
    const ip = freshIp();
    const email = `leaving-${Date.now()}@example.org`;
    expect((await signup(server, email, ip)).statusCode).toBe(201);
    const login = await inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: { email, password: STRONG_PASSWORD },
      remoteAddress: ip,
    });
    const cookie = sessionCookie(login);
    const id = await userId(server, cookie);
    const pdl: Pdl = await createPdl(server, { cookie });
    await inject({ method: 'POST', url: '/api/accounts/forgot-password', payload: { email }, remoteAddress: ip });
    const prefix = userCachePrefix(server.deps.keys, id);
    await server.deps.cache.set(`${prefix}probe`, 'cached data');
    const neighbour = await createUser(server, 'neighbour');
    const neighbourKey = `${userCachePrefix(server.deps.keys, await userId(server, neighbour.cookie))}probe`;
    await server.deps.cache.set(neighbourKey, 'kept');

    const rows = async () => {
      await server.deps.mailQueue.drain();
      const count = async (table: 'email_verification_tokens' | 'password_reset_tokens') =>
        (await server.deps.db.selectFrom(table).select('id').where('user_id', '=', id).execute()).length;
      return {
        verification: await count('email_verification_tokens'),
        reset: await count('password_reset_tokens'),
        activity: (await server.deps.db.selectFrom('activity_log').select('id').where('ip', '=', ip).execute()).length,
      };
    };
    expect(await rows()).toEqual({ verification: 1, reset: 1, activity: 3 });
    expect(await server.deps.cache.keys(prefix)).toHaveLength(1);

    const deleterIp = freshIp();
    const deleted = await inject({
      method: 'DELETE',
      url: '/api/accounts/me',
      headers: { cookie },
      payload: { password: STRONG_PASSWORD },
      remoteAddress: deleterIp,
    });
    expect(deleted.statusCode).toBe(200);
    // Rows are gone, not only detached from the user (the foreign key alone would keep them, user_id null).
    expect(await rows()).toEqual({ verification: 0, reset: 0, activity: 0 });
    expect(await server.deps.cache.keys(prefix)).toEqual([]);
    expect(await pdlRow(server, pdl.id)).toBeUndefined();
    expect(
      await server.deps.db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst(),
    ).toBeUndefined();
    // What stays: an anonymous record of the deletion, and other users' data.
    const record = await server.deps.db
      .selectFrom('activity_log')
      .select(['user_id', 'action'])
      .where('ip', '=', deleterIp)
      .execute();
    expect(record).toEqual([{ user_id: null, action: 'account_deleted' }]);
    expect((await server.deps.cache.get(neighbourKey))?.toString()).toBe('kept');
  });

  it('supports the client-credentials flow of Swagger UI: Basic or form → access_token → API calls', async () => {
    const spec = await inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.json()).toMatchObject({
      components: {
        securitySchemes: {
          oauth2: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/api/accounts/token' } } },
        },
      },
    });
    const user = await createUser(server, 'swagger');
    const pdl = await createPdl(server, { cookie: user.cookie });
    const basic = Buffer.from(`${encodeURIComponent(user.clientId)}:${encodeURIComponent(user.clientSecret)}`).toString(
      'base64',
    );
    const requests: InjectOptions[] = [
      // "Basic auth header" client authentication: the credentials in the header, the grant in the form.
      {
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'grant_type=client_credentials&scope=',
      },
      // "Request body" client authentication: everything in the form.
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: user.clientId,
          client_secret: user.clientSecret,
        }).toString(),
      },
    ];
    for (const request of requests) {
      const token = await inject({ ...request, method: 'POST', url: '/api/accounts/token', remoteAddress: freshIp() });
      expect(token.statusCode, token.body).toBe(200);
      expect(token.headers['cache-control']).toBe('no-store');
      const body = token.json<{ access_token: string; token_type: string; expires_in: number }>();
      expect(body).toMatchObject({ token_type: 'bearer', expires_in: server.deps.jwt.expiresInSeconds });
      const headers = { authorization: `Bearer ${body.access_token}` };
      const me = await inject({ method: 'GET', url: '/api/accounts/me', headers });
      expect(me.statusCode).toBe(200);
      expect(me.json<{ data: { email: string } }>().data.email).toBe(user.email);
      const pdls = await inject({ method: 'GET', url: '/api/pdl', headers });
      expect(pdls.statusCode).toBe(200);
      expect(pdls.json<{ data: Pdl[] }>().data.map((entry) => entry.id)).toEqual([pdl.id]);
    }
  });

  // Last: it fills the in-memory outbox with other mails.
  it('writes each dev-outbox mail to a private .eml file and keeps only the last 100 in memory', async () => {
    const outbox = join(server.dataDir, 'outbox');
    const user = await createUser(server, 'outbox');
    const link = await lastMailLink(server, user.email);
    const files = readdirSync(outbox).filter((file) => file.endsWith('.eml'));
    const written = files
      .map((file) => join(outbox, file))
      .filter((file) => readFileSync(file, 'utf8').includes(`To: ${user.email}`));
    expect(written).toHaveLength(1);
    const [file] = written;
    if (!file) {
      throw new Error('no .eml file');
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const eml = decodeQuotedPrintable(readFileSync(file, 'utf8'));
    expect(eml).toContain(`From: ${server.config.mail.from}`);
    expect(eml).toContain(link);

    for (let index = 0; index < 105; index += 1) {
      await server.deps.mailer.send({
        to: `cap-${index}@example.org`,
        subject: `Message ${index}`,
        text: `Body ${index}`,
        html: `<p>Body ${index}</p>`,
      });
    }
    const sent = server.deps.mailer.sent;
    expect(sent).toHaveLength(100);
    expect(sent[0]?.to).toBe('cap-5@example.org');
    expect(sent.at(-1)?.to).toBe('cap-104@example.org');
    // Every message is still on disk, each in its own file.
    expect(readdirSync(outbox).filter((entry) => entry.endsWith('.eml'))).toHaveLength(files.length + 105);
  });
});

describe.each(backends)('throttles on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, {
      LOGIN_MAX_ATTEMPTS_PER_EMAIL: '2',
      LOGIN_MAX_ATTEMPTS_PER_IP: '3',
      SIGNUP_MAX_PER_IP: '2',
      THROTTLE_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
  });
  afterAll(async () => server.close());

  const login = (email: string, password: string, remoteAddress: string) =>
    server.app.inject({ method: 'POST', url: '/api/accounts/login', payload: { email, password }, remoteAddress });

  it('limits logins per IP with 429 and Retry-After, whatever the emails', async () => {
    const user = await createUser(server, 'per-ip');
    const ip = freshIp();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await login(`nobody-${attempt}@example.org`, 'Wrong-Pass-1', ip)).statusCode).toBe(401);
    }
    // The right password of an account does not get through from that IP either.
    expectTooManyAttempts(await login(user.email, user.password, ip));
    expect((await login(user.email, user.password, freshIp())).statusCode).toBe(200);
  });

  it('limits the client-credentials token endpoint per IP (OAuth2 error body, Retry-After)', async () => {
    const user = await createUser(server, 'per-ip-token');
    const ip = freshIp();
    const token = (secret: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/accounts/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: user.clientId,
          client_secret: secret,
        }).toString(),
        remoteAddress: ip,
      });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await token('guessed-secret')).statusCode).toBe(401);
    }
    const blocked = await token(user.clientSecret);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: 'slow_down' });
    expect(retryAfter(blocked)).toBeGreaterThan(0);
    expect(retryAfter(blocked)).toBeLessThanOrEqual(WINDOW_SECONDS);
  });

  it('limits sign-ups per IP with 429 and Retry-After', async () => {
    const ip = freshIp();
    expect((await signup(server, `ip-a-${Date.now()}@example.org`, ip)).statusCode).toBe(201);
    expect((await signup(server, `ip-b-${Date.now()}@example.org`, ip)).statusCode).toBe(201);
    expectTooManyAttempts(await signup(server, `ip-c-${Date.now()}@example.org`, ip));
  });

  it('answers Retry-After with the time left in the window, not the whole window', async () => {
    const user = await createUser(server, 'time-left');
    const signupIp = freshIp();
    const ghost = `time-left-${Date.now()}@example.org`;
    // Open every window now: failed logins for one email (blocked through check()), sign-ups from one
    // IP and mails to one address (blocked through hit()).
    expect((await login(user.email, 'Wrong-Pass-1', freshIp())).statusCode).toBe(401);
    expect((await login(user.email, 'Wrong-Pass-1', freshIp())).statusCode).toBe(401);
    expect((await signup(server, `ip-d-${Date.now()}@example.org`, signupIp)).statusCode).toBe(201);
    expect((await signup(server, `ip-e-${Date.now()}@example.org`, signupIp)).statusCode).toBe(201);
    const forgot = () =>
      server.app.inject({
        method: 'POST',
        url: '/api/accounts/forgot-password',
        payload: { email: ghost },
        remoteAddress: freshIp(),
      });
    for (let attempt = 0; attempt < MAILS_PER_EMAIL; attempt += 1) {
      expect((await forgot()).statusCode).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_600));

    const blocked = {
      loginPerEmail: await login(user.email, user.password, freshIp()),
      signupPerIp: await signup(server, `ip-f-${Date.now()}@example.org`, signupIp),
      mailsPerEmail: await forgot(),
    };
    for (const [name, response] of Object.entries(blocked)) {
      expectTooManyAttempts(response);
      // At least a second of the window has gone by; a full window would still say 900.
      expect(retryAfter(response), name).toBeLessThan(WINDOW_SECONDS);
      expect(retryAfter(response), name).toBeGreaterThan(WINDOW_SECONDS - 30);
    }
  });
});

describe.each(backends)('https FRONTEND_URL on $name', (backend) => {
  it('marks the session cookie Secure, HttpOnly and SameSite=Lax', async () => {
    const server = await startTestServer(backend, {
      FRONTEND_URL: 'https://med.example.org',
      BACKEND_URL: 'https://med.example.org',
    });
    try {
      const user = await createUser(server, 'https');
      const login = await server.app.inject({
        method: 'POST',
        url: '/api/accounts/login',
        payload: { email: user.email, password: user.password },
        remoteAddress: freshIp(),
      });
      expect(login.statusCode).toBe(200);
      const cookie = login.cookies.find((entry) => entry.name === 'access_token');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
      // The update-password route re-issues the cookie with the same attributes.
      const update = await server.app.inject({
        method: 'POST',
        url: '/api/accounts/update-password',
        headers: { cookie: sessionCookie(login) },
        payload: { old_password: user.password, new_password: 'Rotated-Pass-33' },
      });
      expect(update.cookies.find((entry) => entry.name === 'access_token')).toMatchObject({
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
      });
    } finally {
      await server.close();
    }
  });
});

describe.each(backends)('ADMIN_EMAILS at start on $name', (backend) => {
  it('promotes verified addresses only, and demotes unverified ones made admin at sign-up before', async () => {
    const first = await startTestServer(backend);
    let second: TestServer | undefined;
    try {
      const [verified, unverified, legacy] = ['verified', 'unverified', 'legacy'].map(
        (name) => `${name}-boss-${Date.now()}@example.org`,
      ) as [string, string, string];
      for (const email of [verified, unverified, legacy]) {
        expect((await signup(first, email)).statusCode).toBe(201);
      }
      await verifyEmail(first, verified);
      // What earlier versions did at sign-up: admin before anyone proved owning the address.
      const adminRole = await first.deps.db
        .selectFrom('roles')
        .select('id')
        .where('name', '=', 'admin')
        .executeTakeFirstOrThrow();
      await first.deps.db.updateTable('users').set({ role_id: adminRole.id }).where('email', '=', legacy).execute();
      expect(await roleOf(first, verified)).toBe('visitor');
      // The first instance sends its queued mails before the second one (which polls the same queue) starts.
      await first.deps.mailQueue.drain();

      second = await startTestServer(
        backend,
        { ADMIN_EMAILS: [verified, unverified, legacy].join(',') },
        { joinWith: first.storage },
      );
      expect(await roleOf(second, verified)).toBe('admin');
      expect(await roleOf(second, unverified)).toBe('visitor');
      expect(await roleOf(second, legacy)).toBe('visitor');

      // The owner of the address still becomes admin by following the link.
      const verify = await second.app.inject({ method: 'GET', url: verifyPath(await lastMailLink(first, unverified)) });
      expect(verify.statusCode).toBe(200);
      expect(await roleOf(second, unverified)).toBe('admin');
    } finally {
      await second?.close();
      await first.close();
    }
  });
});

describe.each(backends)('SMTP failure on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` });
  });
  afterAll(async () => server.close());

  it('answers forgot-password, resend-verification and sign-up the same for known addresses', async () => {
    const known = `smtp-known-${Date.now()}@example.org`;
    // The account is created even though its confirmation mail cannot leave.
    const created = await signup(server, known);
    expect(created.statusCode).toBe(201);
    expect(await sentMails(server)).toHaveLength(0);
    const unknown = `smtp-unknown-${Date.now()}@example.org`;
    for (const url of ['/api/accounts/forgot-password', '/api/accounts/resend-verification']) {
      const [forKnown, forUnknown] = await Promise.all(
        [known, unknown].map((email) =>
          server.app.inject({ method: 'POST', url, payload: { email }, remoteAddress: freshIp() }),
        ),
      );
      expect(forKnown?.statusCode, `${url}: ${forKnown?.body}`).toBe(200);
      expect(forUnknown?.statusCode).toBe(200);
      expect(forKnown?.json<{ data: unknown }>().data).toEqual(forUnknown?.json<{ data: unknown }>().data);
    }
    // A sign-up on the known address mails its owner: the failure gives the usual answer too.
    const again = await signup(server, known);
    expect(again.statusCode, again.body).toBe(202);
    // The reset token was still issued (the mail waits for its retry): the user can ask again once mail works.
    await server.deps.mailQueue.drain();
    const resetRows = await server.deps.db
      .selectFrom('password_reset_tokens')
      .innerJoin('users', 'users.id', 'password_reset_tokens.user_id')
      .select('password_reset_tokens.id')
      .where('users.email', '=', known)
      .execute();
    expect(resetRows).toHaveLength(1);
    // Every mail that could not leave waits in the queue for its retry, none was dropped.
    const waiting = await server.deps.db.selectFrom('mail_outbox').select(['kind', 'attempts', 'run_at']).execute();
    expect(waiting.map((job) => job.kind).sort()).toEqual([
      'existing-account',
      'password-reset',
      'verification',
      'verification-resend',
    ]);
    for (const job of waiting) {
      expect(job.attempts).toBe(1);
      expect(Date.parse(job.run_at)).toBeGreaterThan(Date.now());
    }
  });
});
