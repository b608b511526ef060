import type { ConsentAuditRecord, ConsentRecord, Pdl } from '@med/contracts';
import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { createAdmin } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { completeConsent, giveConsent, startConsent } from './support/consent-helpers.ts';
import { enedisEmulator, meteringCalls } from './support/metering-helpers.ts';
import { expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Emulator meters that need the consent page (the sandbox ones are pre-consented, as in Enedis's sandbox).
const HOME = '04004253849200';
const SOLAR = '04004253849201';
const SECOND = '04004253849202';
// Sandbox client 8: Enedis refuses every read (consent revoked at once).
const REVOKED_AT_ENEDIS = '26584978546985';
// Pre-consented sandbox meters for the history and expiry tests.
const HISTORY = '10284856584123';
const EXPIRING = '42900589957123';
const ADMIN_EMAIL = 'consent-admin@example.com';
const ADMIN_AUDIT_EMAIL = 'consent-auditor@example.com';
const OTHER_HISTORY = '24880057139941';

const IDENTITY_ROUTES = ['contract', 'address', 'customer', 'contact'] as const;

describe.each(backends)('consent records on $name', (backend) => {
  let server: TestServer;
  const today = () => parisToday(new Date());
  const daily = (prm: string) =>
    `/api/enedis/consumption/daily/${prm}?start=${addDays(today(), -8)}&end=${addDays(today(), -1)}`;

  beforeAll(async () => {
    server = await startTestServer(backend, {
      ADMIN_EMAILS: `${ADMIN_EMAIL},${ADMIN_AUDIT_EMAIL}`,
      CONSENT_MAX_PRMS_PER_DAY: '3',
    });
  });
  afterAll(async () => server.close());

  const get = (user: TestUser, url: string) =>
    server.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });
  const meters = async (user: TestUser) => (await get(user, '/api/pdl')).json<{ data: Pdl[] }>().data;
  const meter = async (user: TestUser, prm: string) => (await meters(user)).find((pdl) => pdl.usage_point_id === prm);
  const usage = async (user: TestUser) =>
    (await get(user, '/api/accounts/usage-stats')).json<{
      data: { no_cache_requests: number; cached_requests: number };
    }>().data;
  const addByHand = (user: TestUser, prm: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/pdl',
      headers: { cookie: user.cookie },
      payload: { usage_point_id: prm },
    });
  const removeMeter = async (user: TestUser, prm: string) => {
    const row = await meter(user, prm);
    const response = await server.app.inject({
      method: 'DELETE',
      url: `/api/pdl/${row?.id ?? 'none'}`,
      headers: { cookie: user.cookie },
    });
    expect(response.statusCode).toBe(200);
  };
  /** Every route that reads a meter's data or its holder's identity refuses with `code`, costing nothing. */
  async function expectNoAccess(user: TestUser, prm: string, code: string): Promise<void> {
    const callsBefore = meteringCalls(server);
    const customerCallsBefore = enedisEmulator(server).stats.byRoute;
    const quotaBefore = await usage(user);
    expectError(await get(user, daily(prm)), 403, code);
    for (const route of IDENTITY_ROUTES) {
      expectError(await get(user, `/api/enedis/${route}/${prm}`), 403, code);
    }
    expect(meteringCalls(server)).toBe(callsBefore);
    expect(enedisEmulator(server).stats.byRoute).toEqual(customerCallsBefore);
    expect(await usage(user)).toEqual(quotaBefore);
  }

  it('a meter added by hand reads nothing, blocks nobody, and the real consent wins', async () => {
    const squatter = await createUser(server, 'squatter');
    const owner = await createUser(server, 'owner');
    expect((await addByHand(squatter, HOME)).statusCode).toBe(201);
    await expectNoAccess(squatter, HOME, 'CONSENT_REQUIRED');

    const done = await giveConsent(server, owner, [HOME]);
    expect(Object.fromEntries(done)).toMatchObject({ consent_success: 'true', pdl_count: '1', created_count: '1' });
    expect(done.get('consent_error')).toBeNull();
    expect((await get(owner, daily(HOME))).statusCode).toBe(200);
    for (const route of IDENTITY_ROUTES) {
      expect((await get(owner, `/api/enedis/${route}/${HOME}`)).statusCode, route).toBe(200);
    }
    // The placeholder still reads nothing, although the gateway now holds Enedis consent for the PRM.
    await expectNoAccess(squatter, HOME, 'CONSENT_REQUIRED');
    expect((await meter(squatter, HOME))?.consent_status).toBe('pending');
    expect((await meter(owner, HOME))?.consent_status).toBe('active');

    // The squatter going through the consent flow too cannot take the meter from its live holder.
    const contested = await giveConsent(server, squatter, [HOME]);
    expect(contested.get('consent_error')).toBe('pdl_already_exists');
    await expectNoAccess(squatter, HOME, 'CONSENT_REQUIRED');
    expect((await get(owner, daily(HOME))).statusCode).toBe(200);
  });

  it('removing a meter or deleting the account ends the consent for everyone, the same account included', async () => {
    const first = await createUser(server, 'remover');
    await giveConsent(server, first, [SECOND]);
    expect((await get(first, daily(SECOND))).statusCode).toBe(200);
    await removeMeter(first, SECOND);
    // Enedis still holds the application's consent for the PRM: only a new callback may use it.
    expect((await addByHand(first, SECOND)).statusCode).toBe(201);
    await expectNoAccess(first, SECOND, 'CONSENT_REQUIRED');
    const stranger = await createUser(server, 'after-removal');
    expect((await addByHand(stranger, SECOND)).statusCode).toBe(201);
    await expectNoAccess(stranger, SECOND, 'CONSENT_REQUIRED');

    // A new consent of the same account restores it; deleting the account then ends it for good.
    expect((await giveConsent(server, first, [SECOND])).get('consent_success')).toBe('true');
    expect((await get(first, daily(SECOND))).statusCode).toBe(200);
    const deleted = await server.app.inject({
      method: 'DELETE',
      url: '/api/accounts/me',
      headers: { cookie: first.cookie },
      payload: { password: first.password },
    });
    expect(deleted.statusCode).toBe(200);
    await expectNoAccess(stranger, SECOND, 'CONSENT_REQUIRED');
    const records = await server.deps.db
      .selectFrom('consents')
      .selectAll()
      .where('usage_point_id', '=', SECOND)
      .execute();
    expect(records.map((record) => [record.user_id, record.status, record.end_reason])).toEqual(
      expect.arrayContaining([
        [null, 'ended', 'removed'],
        [null, 'ended', 'account_deleted'],
      ]),
    );
  });

  it('a forged callback grants nothing: no code, or a PRM Enedis holds no consent for', async () => {
    const forger = await createUser(server, 'forger');
    const consentUrl = await startConsent(server, forger);
    const state = consentUrl.searchParams.get('state') ?? '';
    const noCode = await server.app.inject({
      method: 'GET',
      url: `/api/oauth/callback?state=${state}&usage_point_id=${HOME}`,
      headers: { cookie: forger.cookie },
    });
    expect(new URL(String(noCode.headers.location)).searchParams.get('consent_error')).toBe('invalid_code');
    // A made-up code with a fresh state, for a PRM Enedis refuses: recorded, revoked on the spot.
    const next = await startConsent(server, forger);
    const forged = await server.app.inject({
      method: 'GET',
      url: `/api/oauth/callback?code=made-up-code&state=${next.searchParams.get('state') ?? ''}&usage_point_id=${REVOKED_AT_ENEDIS}`,
      headers: { cookie: forger.cookie },
    });
    const forgedResult = new URL(String(forged.headers.location)).searchParams;
    expect(forgedResult.get('consent_error')).toBe('consent_refused');
    expect(forgedResult.get('created_count')).toBeNull();
    expect((await meter(forger, REVOKED_AT_ENEDIS))?.consent_status).toBe('revoked');
    await expectNoAccess(forger, REVOKED_AT_ENEDIS, 'CONSENT_REVOKED');
  });

  it('a consent Enedis revokes costs nothing afterwards, and a new occupant takes the meter over', async () => {
    const previous = await createUser(server, 'previous-occupant');
    await giveConsent(server, previous, [SOLAR]);
    expect((await get(previous, daily(SOLAR))).statusCode).toBe(200);

    enedisEmulator(server).changeOccupant(SOLAR);
    const calls = meteringCalls(server);
    const firstRefusal = await get(previous, `${daily(SOLAR)}&use_cache=false`);
    expectError(firstRefusal, 403, 'CONSENT_REVOKED');
    expect(meteringCalls(server)).toBeGreaterThan(calls);
    const revoked = await meter(previous, SOLAR);
    expect(revoked?.consent_status).toBe('revoked');
    expect(revoked?.consent_revoked_at).not.toBeNull();
    // From now on: 403 at once, no Enedis call, no quota.
    await expectNoAccess(previous, SOLAR, 'CONSENT_REVOKED');

    const next = await createUser(server, 'new-occupant');
    const done = await giveConsent(server, next, [SOLAR]);
    expect(done.get('consent_success')).toBe('true');
    expect((await get(next, daily(SOLAR))).statusCode).toBe(200);
    // The previous account keeps seeing it revoked, and its renewal cannot take it back while the new one lives.
    expect((await meter(previous, SOLAR))?.consent_status).toBe('revoked');
    await expectNoAccess(previous, SOLAR, 'CONSENT_REVOKED');
    expect((await giveConsent(server, previous, [SOLAR])).get('consent_error')).toBe('pdl_already_exists');
  });

  it('an account binds at most CONSENT_MAX_PRMS_PER_DAY meters a day', async () => {
    const collector = await createUser(server, 'collector');
    const sandbox = ['22516914714270', '11453290002823', '32320647321714', '12345678901234'];
    const first = await giveConsent(server, collector, sandbox.slice(0, 2));
    expect(first.get('pdl_count')).toBe('2');
    const second = await giveConsent(server, collector, sandbox.slice(2));
    expect(Object.fromEntries(second)).toMatchObject({
      consent_success: 'true',
      pdl_count: '1',
      consent_error: 'daily_limit',
      rejected_count: '1',
    });
    const third = await giveConsent(server, collector, [sandbox[3] ?? '']);
    expect(third.get('consent_error')).toBe('daily_limit');
    expect((await meters(collector)).map((pdl) => pdl.usage_point_id).sort()).toEqual(sandbox.slice(0, 3).sort());
  });

  it('shows each account its consent history and lets administrators audit every record', async () => {
    const user = await createUser(server, 'history');
    const before = Date.now();
    await giveConsent(server, user, [HISTORY]);
    const history = (await get(user, '/api/consents')).json<{ data: ConsentRecord[] }>().data;
    expect(history).toHaveLength(1);
    const [record] = history;
    expect(record).toMatchObject({ usage_point_id: HISTORY, status: 'active', ended_at: null });
    const granted = new Date(record?.granted_at ?? '');
    expect(granted.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const expires = new Date(record?.expires_at ?? '');
    expect(expires.getUTCFullYear() - granted.getUTCFullYear()).toBe(3);
    expect(expires.getUTCMonth()).toBe(granted.getUTCMonth());

    expectError(await get(user, '/api/admin/consents'), 403, 'FORBIDDEN');
    const adminCookie = await createAdmin(server, ADMIN_EMAIL);
    const audit = await server.app.inject({
      method: 'GET',
      url: `/api/admin/consents?usage_point_id=${HISTORY}`,
      headers: { cookie: adminCookie },
    });
    expect(audit.statusCode).toBe(200);
    const body = audit.json<{ data: { total: number; items: ConsentAuditRecord[] } }>().data;
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ usage_point_id: HISTORY, email: user.email, status: 'active' });
  });

  it('the consent routes as an attacker: another account, a logged-out token, bad input', async () => {
    const holder = await createUser(server, 'history-holder');
    await giveConsent(server, holder, [OTHER_HISTORY]);
    const stranger = await createUser(server, 'history-stranger');
    // Another account sees none of the holder's records.
    const theirs = (await get(stranger, '/api/consents')).json<{ data: ConsentRecord[] }>().data;
    expect(theirs.map((record) => record.usage_point_id)).not.toContain(OTHER_HISTORY);
    expect(await meter(stranger, OTHER_HISTORY)).toBeUndefined();

    // No credentials, a forged cookie, and a token revoked by logout: 401.
    expectError(await server.app.inject({ method: 'GET', url: '/api/consents' }), 401, 'UNAUTHORIZED');
    expectError(
      await get({ ...stranger, cookie: 'access_token=forged.jwt.value' }, '/api/consents'),
      401,
      'UNAUTHORIZED',
    );
    const logout = await server.app.inject({
      method: 'POST',
      url: '/api/accounts/logout',
      headers: { cookie: holder.cookie },
    });
    expect(logout.statusCode).toBe(200);
    expectError(await get(holder, '/api/consents'), 401, 'UNAUTHORIZED');
    expectError(await get(holder, '/api/admin/consents'), 401, 'UNAUTHORIZED');

    // Bad input on the audit: a clear 422, never a 5xx.
    const adminCookie = await createAdmin(server, ADMIN_AUDIT_EMAIL);
    for (const query of ['usage_point_id=123', 'limit=0', 'limit=abc', 'offset=-1', 'unknown=1']) {
      const response = await server.app.inject({
        method: 'GET',
        url: `/api/admin/consents?${query}`,
        headers: { cookie: adminCookie },
      });
      expect(response.statusCode, query).toBe(422);
    }
  });

  it('an expired consent is refused without calling Enedis and mailed about once, 30 days ahead', async () => {
    const user = await createUser(server, 'expiring');
    await completeConsent(server, user, await startConsent(server, user), [EXPIRING]);
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString();
    await server.deps.db
      .updateTable('consents')
      .set({ expires_at: soon })
      .where('usage_point_id', '=', EXPIRING)
      .execute();
    const job = server.deps.scheduler;
    expect(await job.trigger('consent-expiry-notice')).toBe('success');
    // The next day's run finds the notice already sent.
    expect(await job.trigger('consent-expiry-notice', { at: new Date(Date.now() + 86_400_000) })).toBe('success');
    const notices = server.deps.mailer.sent.filter(
      (mail) => mail.to === user.email && mail.subject.includes('consentement Enedis expire'),
    );
    expect(notices).toHaveLength(1);

    await server.deps.db
      .updateTable('consents')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('usage_point_id', '=', EXPIRING)
      .execute();
    expect((await meter(user, EXPIRING))?.consent_status).toBe('expired');
    await expectNoAccess(user, EXPIRING, 'CONSENT_EXPIRED');
  });
});
