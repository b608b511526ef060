import { addDays, parisToday } from '@med/core';
import { authHeaders, createUser, STRONG_PASSWORD, type TestUser } from '../accounts-helpers.ts';
import { createAdmin } from '../admin-helpers.ts';
import { enedisEmulator } from '../metering-helpers.ts';
import { giveConsent } from '../consent-helpers.ts';
import { createPdl, nextPrm } from '../pdl-helpers.ts';
import type { TestServer } from '../test-server.ts';
import type { Operation } from './openapi.ts';
import type { AuthChoice, RequestContext } from './requests.ts';
import type { ValuePools } from './values.ts';

// Sandbox client 3 of the emulator: a consumption and a production meter, both with load curves.
const CONSUMPTION_PRM = '12345678901234';
const PRODUCTION_PRM = '10284856584123';
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Enedis allows 5 calls a second; the fuzz is about input, not pacing (enedis-resilience covers that),
 * so the emulator and our client both allow more and long valid ranges do not slow the run down.
 */
const EMULATOR_CALLS_PER_SECOND = 100;

/** Env of the fuzzed server: small body limit (413s are cheap), fast emulator, one admin address. */
export const FUZZ_ADMIN_EMAIL = 'fuzz-admin@example.org';
export const FUZZ_SERVER_ENV = {
  BODY_LIMIT_BYTES: String(16 * 1024),
  ENEDIS_RATE_LIMIT_PER_SECOND: String(EMULATOR_CALLS_PER_SECOND),
  ADMIN_EMAILS: FUZZ_ADMIN_EMAIL,
};

/**
 * Operations whose success breaks the caller's credentials (delete the account, rotate the secret,
 * change the password): each batch runs as a fresh, expendable user instead of the main one.
 */
const EXPENDABLE_USER_OPERATIONS = new Set([
  'DELETE /api/accounts/me',
  'POST /api/accounts/regenerate-secret',
  'POST /api/accounts/update-password',
]);

const ADMIN_PATH = /\/admin\/|\/refresh$|\/clear-/;

/**
 * The accounts and values a fuzz run works with: a main user with two consented meters (so metering
 * routes reach Enedis, i.e. the in-process emulator) and two meters without consent whose ids are the
 * ones PDL-editing routes get (so deleting or deactivating one never ends the consented meters), an
 * admin, and an expendable user per side-effect operation.
 */
export async function createFuzzWorld(server: TestServer) {
  enedisEmulator(server).setRateLimit({ perSecond: EMULATOR_CALLS_PER_SECOND });
  const main = await createUser(server, 'fuzz');
  await giveConsent(server, main, [CONSUMPTION_PRM, PRODUCTION_PRM]);
  const scratch = [await createPdl(server, { cookie: main.cookie }), await createPdl(server, { cookie: main.cookie })];
  const adminCookie = await createAdmin(server, FUZZ_ADMIN_EMAIL);
  const mainAuth = {
    cookie: { cookie: main.cookie },
    jwt: await authHeaders(server, main, 'jwt'),
    secret: await authHeaders(server, main, 'client_secret'),
  };
  let expendable: TestUser | undefined;

  const today = parisToday(new Date());
  const pools: ValuePools = {
    dates: [
      ...[0, 1, 2, 7, 8, 30, 31, 365, 366, 730, 731, 1095, 1200].map((days) => addDays(today, -days)),
      addDays(today, 1),
      addDays(today, 2),
      '1970-01-01',
      '0001-01-01',
      '9999-12-31',
      '2024-02-29',
      '2025-03-30',
      '2025-10-26',
    ],
    dateNames: new Set(['start', 'end', 'start_date', 'end_date']),
    byName: {
      id: [...scratch.map((pdl) => pdl.id), MISSING_ID],
      pdl: [CONSUMPTION_PRM, PRODUCTION_PRM, ...scratch.map((pdl) => pdl.usage_point_id), '00000000000000'],
      usage_point_id: [nextPrm(), nextPrm(), CONSUMPTION_PRM],
      linked_production_pdl_id: [...scratch.map((pdl) => pdl.id), MISSING_ID],
      email: [main.email, 'nobody@example.org', FUZZ_ADMIN_EMAIL],
      password: [STRONG_PASSWORD, 'weakpass'],
      old_password: [STRONG_PASSWORD, 'Wrong-Horse-42'],
      new_password: [STRONG_PASSWORD, 'Another-Horse-43', 'short'],
      client_id: [main.clientId, 'unknown-client'],
      client_secret: [main.clientSecret, 'wrong-secret'],
      grant_type: ['client_credentials', 'password'],
      token: ['abc', 'a'.repeat(43)],
      name: ['Maison', 'Garage'],
      code: ['abc'],
      state: ['abc'],
    },
  };

  function authsFor(operation: Operation): AuthChoice[] {
    const anonymous: AuthChoice = { name: 'none', headers: {}, weight: 1 };
    const admin: AuthChoice = { name: 'admin', headers: { cookie: adminCookie }, weight: 1 };
    const garbage: AuthChoice = { name: 'garbage', headers: { authorization: 'Bearer not-a-token' }, weight: 1 };
    if (EXPENDABLE_USER_OPERATIONS.has(operation.id) && expendable) {
      return [{ name: 'expendable', headers: { cookie: expendable.cookie }, weight: 6 }, anonymous];
    }
    if (!operation.secured) {
      return [{ ...anonymous, weight: 5 }, { name: 'cookie', headers: mainAuth.cookie, weight: 1 }, admin];
    }
    return [
      { name: 'cookie', headers: mainAuth.cookie, weight: 4 },
      { name: 'jwt', headers: mainAuth.jwt, weight: 2 },
      { name: 'client_secret', headers: mainAuth.secret, weight: 2 },
      { ...admin, weight: ADMIN_PATH.test(operation.path) ? 6 : 1 },
      anonymous,
      garbage,
    ];
  }

  return {
    main,
    beforeOperation: async (operation: Operation): Promise<void> => {
      if (EXPENDABLE_USER_OPERATIONS.has(operation.id)) {
        expendable = await createUser(server, 'fuzz-expendable');
      }
    },
    contextFor: (operation: Operation): RequestContext => {
      return {
        pools,
        auths: authsFor(operation),
        addresses: ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5', '203.0.113.6'],
        bodyLimit: server.config.http.bodyLimit,
      };
    },
  };
}
