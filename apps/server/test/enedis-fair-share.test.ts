import { setTimeout as sleep } from 'node:timers/promises';
import { addDays, parisToday } from '@med/core';
import { startEmulator } from '@med/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { giveConsent } from './support/consent-helpers.ts';
import { getReading } from './support/metering-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const today = parisToday(new Date());
const PRMS = {
  batch: '22516914714270', // sandbox client 0: consumption only
  single: '64975835695673', // sandbox client 7: consumption
  production: '24880057139941', // sandbox client 5: production only
  noLoadCurve: '32320647321714', // sandbox client 2: daily data only
  recent: '09200000000001', // activated 60 days ago, known from its contract
} as const;
const RECENT_ACTIVATION = addDays(today, -60);
// 25 weekly load-curve calls: 5 s at Enedis's 5 calls/s.
const BATCH_DAYS = 175;

/**
 * The gateway's share of Enedis's 5 calls/s, over real HTTP against an emulator enforcing Enedis's quotas:
 * one user's batch does not hold another user's single call until it ends, and requests known to fail are
 * answered without any Enedis call. Order and counts are read at the emulator, never from timings.
 */
describe.each(backends)('fair share of the Enedis rate on $name', (backend) => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let server: TestServer;
  let batchUser: TestUser;
  let singleUser: TestUser;
  const enedis = () => emulator.app.enedisEmulator;
  const meteringCalls = (prm?: string) =>
    enedis().stats.calls.filter(
      (call) => call.route?.startsWith('/metering_data_') && (prm === undefined || call.usagePointId === prm),
    );

  beforeAll(async () => {
    emulator = await startEmulator({
      enedis: {
        meters: [{ prm: PRMS.recent, activationDate: RECENT_ACTIVATION, subscribedKva: 6 }],
        // The sandbox's answer for a meter without load curve (the default is a plain no_data_found).
        loadCurveDisabledError: 'ADAM-ERR0075',
      },
    });
    server = await startTestServer(backend, { ENEDIS_BASE_URL: emulator.url, USER_DAILY_LIMIT_NO_CACHE: '100' });
    batchUser = await createUser(server, 'batch');
    singleUser = await createUser(server, 'single');
    await giveConsent(server, batchUser, [PRMS.batch, PRMS.noLoadCurve]);
    await giveConsent(server, singleUser, [PRMS.single, PRMS.production, PRMS.recent]);
  });
  afterAll(async () => {
    await server.close();
    await emulator.close();
  });

  it('serves a single call issued during another user’s batch before most of the batch', async () => {
    enedis().resetStats();
    const batch = getReading(
      server,
      batchUser,
      `/api/enedis/consumption/detail/batch/${PRMS.batch}?start=${addDays(today, -BATCH_DAYS)}&end=${today}&use_cache=false`,
    );
    // The batch has started at Enedis: all of its 25 calls are queued on the gateway by now.
    while (meteringCalls(PRMS.batch).length === 0) {
      await sleep(5);
    }
    const single = await getReading(
      server,
      singleUser,
      `/api/enedis/consumption/daily/${PRMS.single}?start=${addDays(today, -7)}&end=${today}&use_cache=false`,
    );
    const batchAnswer = await batch;
    expect(single.status).toBe(200);
    expect(batchAnswer.status).toBe(200);

    const calls = meteringCalls();
    const batchCalls = calls.filter((call) => call.usagePointId === PRMS.batch);
    expect(batchCalls.length).toBeGreaterThanOrEqual(Math.ceil(BATCH_DAYS / 7));
    const singleAt = calls.findIndex((call) => call.usagePointId === PRMS.single);
    const batchAfterSingle = calls.slice(singleAt + 1).filter((call) => call.usagePointId === PRMS.batch).length;
    // A first-come schedule served it after all 25; in turns it takes the next free slot. Half the batch
    // is a wide margin for the time the single request takes to reach its turn on a busy machine.
    expect(batchAfterSingle).toBeGreaterThanOrEqual(Math.ceil(BATCH_DAYS / 7 / 2));
    // Nothing was refused for going over 5 calls/s.
    expect(enedis().stats.byStatus['429']).toBeUndefined();
  });

  it('refuses a direction the meter does not measure with WRONG_DIRECTION, no Enedis call and no quota unit', async () => {
    const usage = async (user: TestUser) =>
      (
        await server.app.inject({ method: 'GET', url: '/api/accounts/usage-stats', headers: { cookie: user.cookie } })
      ).json<{ data: { no_cache_requests: number } }>().data.no_cache_requests;
    const [batchUsage, singleUsage] = [await usage(batchUser), await usage(singleUser)];
    enedis().resetStats();
    const refused = [
      await getReading(
        server,
        batchUser,
        `/api/enedis/production/detail/batch/${PRMS.batch}?start=${addDays(today, -729)}&end=${today}&use_cache=false`,
      ),
      await getReading(
        server,
        batchUser,
        `/api/enedis/production/daily/${PRMS.batch}?start=${addDays(today, -30)}&end=${today}`,
      ),
      await getReading(
        server,
        singleUser,
        `/api/enedis/consumption/detail/batch/${PRMS.production}?start=${addDays(today, -729)}&end=${today}`,
      ),
      await getReading(
        server,
        singleUser,
        `/api/enedis/power/${PRMS.production}?start=${addDays(today, -30)}&end=${today}&use_cache=false`,
      ),
    ];
    for (const response of refused) {
      expect(response.status).toBe(422);
      expect(response.body.error?.code).toBe('WRONG_DIRECTION');
    }
    expect(enedis().stats.total).toBe(0);
    expect([await usage(batchUser), await usage(singleUser)]).toEqual([batchUsage, singleUsage]);
  });

  it('refuses ranges before the known activation date or beyond the history without calling Enedis', async () => {
    enedis().resetStats();
    const beforeActivation = await getReading(
      server,
      singleUser,
      `/api/enedis/consumption/detail/batch/${PRMS.recent}?start=${addDays(RECENT_ACTIVATION, -100)}&end=${RECENT_ACTIVATION}`,
    );
    expect(beforeActivation.status).toBe(422);
    expect(beforeActivation.body.error?.code).toBe('BEFORE_ACTIVATION_DATE');
    const tooOld = await getReading(
      server,
      batchUser,
      `/api/enedis/consumption/detail/batch/${PRMS.batch}?start=${addDays(today, -1200)}&end=${addDays(today, -800)}`,
    );
    expect(tooOld.status).toBe(422);
    expect(tooOld.body.error?.code).toBe('DATE_TOO_OLD');
    expect(enedis().stats.total).toBe(0);
  });

  it('drops the queued chunks of a batch once Enedis refuses it for good (load curve not collected)', async () => {
    enedis().resetStats();
    const response = await getReading(
      server,
      batchUser,
      `/api/enedis/consumption/detail/batch/${PRMS.noLoadCurve}?start=${addDays(today, -BATCH_DAYS)}&end=${today}&use_cache=false`,
    );
    expect(response.status).toBe(422);
    expect(response.body.error?.code).toBe('LOAD_CURVE_DISABLED');
    // One refusal decides; only the calls already granted a turn before it arrived are made.
    expect(meteringCalls(PRMS.noLoadCurve).length).toBeLessThan(Math.ceil(BATCH_DAYS / 7 / 2));
  });
});
