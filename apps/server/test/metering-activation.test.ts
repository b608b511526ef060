import { addDays, addMonths, eachDay, parisToday } from '@med/core';
import { startEmulator } from '@med/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { giveConsent } from './support/consent-helpers.ts';
import { getReading } from './support/metering-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const today = parisToday(new Date());
// Production-only meters put into service inside the history window. Enedis has no contract for
// production-only points (reference §A6), so nothing tells the gateway their activation date up front.
const METERS = {
  daily: { prm: '09100000000001', activation: addMonths(today, -3) },
  curve: { prm: '09100000000002', activation: addDays(today, -40) },
  unknown: { prm: '09100000000003', activation: addDays(today, -20) },
} as const;

describe.each(backends)('meters activated inside the history window on $name', (backend) => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let server: TestServer;
  let user: TestUser;

  beforeAll(async () => {
    // An emulator of our own, configured with these meters; the server talks to it as to Enedis.
    emulator = await startEmulator({
      enedis: {
        meters: Object.values(METERS).map(({ prm, activation }) => ({
          prm,
          directions: ['production' as const],
          activationDate: activation,
          peakKw: 6,
        })),
      },
    });
    server = await startTestServer(backend, { ENEDIS_BASE_URL: emulator.url, USER_DAILY_LIMIT_NO_CACHE: '1000' });
    user = await createUser(server, 'activation');
    const consent = await giveConsent(
      server,
      user,
      Object.values(METERS).map((meter) => meter.prm),
    );
    expect(consent.get('consent_success')).toBe('true');
  });
  afterAll(async () => {
    await server.close();
    await emulator.close();
  });

  const meteringCalls = () =>
    Object.entries(emulator.app.enedisEmulator.stats.byRoute)
      .filter(([route]) => route.startsWith('/metering_data_'))
      .reduce((total, [, count]) => total + count, 0);

  async function pdl(prm: string) {
    const list = await server.app.inject({ method: 'GET', url: '/api/pdl', headers: { cookie: user.cookie } });
    return list
      .json<{
        data: {
          usage_point_id: string;
          has_consumption: boolean;
          has_production: boolean;
          activation_date: string | null;
        }[];
      }>()
      .data.find((row) => row.usage_point_id === prm);
  }

  it('consent detects production-only meters; no contract gives their activation date', async () => {
    for (const { prm } of Object.values(METERS)) {
      expect(await pdl(prm)).toMatchObject({ has_consumption: false, has_production: true, activation_date: null });
    }
  });

  it('daily production over the last year: the days from activation, no error, and the date is remembered', async () => {
    const { prm, activation } = METERS.daily;
    const url = `/api/enedis/production/daily/${prm}?start=${addDays(today, -365)}&end=${today}`;
    const response = await getReading(server, user, url);
    expect(response.status, JSON.stringify(response.body.error)).toBe(200);
    expect(response.body.error).toBeNull();
    expect(response.body.data?.missing_dates).toEqual([]);
    expect(response.body.data?.meter_reading.start).toBe(activation);
    expect(response.body.data?.meter_reading.interval_reading.map((reading) => reading.date)).toEqual(
      eachDay(activation, today),
    );
    expect((await pdl(prm))?.activation_date).toBe(activation);

    // Known now: the next read starts at activation and makes one call, none refused.
    const before = meteringCalls();
    const again = await getReading(server, user, `${url}&use_cache=false`);
    expect(again.body.data?.meter_reading.interval_reading).toEqual(response.body.data?.meter_reading.interval_reading);
    expect(meteringCalls() - before).toBe(1);
  });

  it('a load curve across activation, in 7-day chunks, starts at activation', async () => {
    const { prm, activation } = METERS.curve;
    const start = addDays(today, -60);
    const response = await getReading(
      server,
      user,
      `/api/enedis/production/detail/batch/${prm}?start=${start}&end=${today}`,
    );
    expect(response.status, JSON.stringify(response.body.error)).toBe(200);
    expect(response.body.error).toBeNull();
    expect(response.body.data?.missing_dates).toEqual([]);
    const days = new Set(
      response.body.data?.meter_reading.interval_reading.map((reading) => reading.date.slice(0, 10)),
    );
    expect([...days]).toEqual(eachDay(activation, today));
    expect((await pdl(prm))?.activation_date).toBe(activation);
  });

  it('a range entirely before activation is refused with BEFORE_ACTIVATION_DATE, known date or not', async () => {
    const { prm, activation } = METERS.unknown;
    const before = meteringCalls();
    const url = `/api/enedis/production/daily/${prm}?start=${addDays(activation, -30)}&end=${activation}`;
    const unknown = await getReading(server, user, url);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error?.code).toBe('BEFORE_ACTIVATION_DATE');
    // The refused call and one probe of its last day: no bisection when nothing can be served.
    expect(meteringCalls() - before).toBe(2);

    const known = await getReading(
      server,
      user,
      `/api/enedis/production/daily/${METERS.daily.prm}?start=${addDays(METERS.daily.activation, -30)}&end=${METERS.daily.activation}`,
    );
    expect(known.status).toBe(422);
    expect(known.body.error?.code).toBe('BEFORE_ACTIVATION_DATE');
  });
});
