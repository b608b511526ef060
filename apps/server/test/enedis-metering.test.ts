import { addDays, eachDay, isoWeekday, missingDayRanges, parisToday } from '@med/core';
import { Valkey } from 'iovalkey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { giveConsent, type MeterReadingBody } from './support/consent-helpers.ts';
import {
  enedisEmulator,
  getReading,
  latestDstSunday,
  meteringCalls,
  userDayCache,
  userIdOf,
} from './support/metering-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Sandbox client 3: one consumption PRM and one production PRM, both with load curves.
const CONSUMPTION_PRM = '12345678901234';
const PRODUCTION_PRM = '10284856584123';
// Sandbox client 4: no data on Tuesdays and Wednesdays.
const HOLES_PRM = '42900589957123';

describe.each(backends)('Enedis consent and metering on $name', (backend) => {
  let server: TestServer;
  let user: TestUser;
  const today = parisToday(new Date());

  beforeAll(async () => {
    server = await startTestServer(backend, { USER_DAILY_LIMIT_NO_CACHE: '1000' });
    user = await createUser(server, 'meter');
  });
  afterAll(async () => server.close());

  // Sandbox client 4's meter can be consented by one account only: its tests share it.
  let holesUserOnce: Promise<TestUser> | undefined;
  const holesUser = () => {
    holesUserOnce ??= createUser(server, 'holes').then(async (created) => {
      await giveConsent(server, created, [HOLES_PRM]);
      return created;
    });
    return holesUserOnce;
  };
  /** A body without its `timestamp`, to compare two answers. */
  const sameAnswer = (body: MeterReadingBody) => ({ ...body, timestamp: null });

  const get = async (path: string) => {
    const response = await server.app.inject({ method: 'GET', url: path, headers: { cookie: user.cookie } });
    return { status: response.statusCode, headers: response.headers, body: response.json<MeterReadingBody>() };
  };

  it('consent for two meters creates both PDLs with their contract and direction', async () => {
    const params = await giveConsent(server, user, [CONSUMPTION_PRM, PRODUCTION_PRM]);
    expect(Object.fromEntries(params)).toMatchObject({ consent_success: 'true', pdl_count: '2', created_count: '2' });
    const list = await server.app.inject({ method: 'GET', url: '/api/pdl', headers: { cookie: user.cookie } });
    const pdls = list.json<{
      data: {
        usage_point_id: string;
        has_consumption: boolean;
        has_production: boolean;
        subscribed_power: number | null;
        offpeak_hours: { ranges: string[] } | null;
      }[];
    }>().data;
    const consumption = pdls.find((pdl) => pdl.usage_point_id === CONSUMPTION_PRM);
    const production = pdls.find((pdl) => pdl.usage_point_id === PRODUCTION_PRM);
    expect(consumption).toMatchObject({ has_consumption: true, has_production: false });
    expect(consumption?.subscribed_power).toBeGreaterThan(0);
    expect(production).toMatchObject({ has_consumption: false, has_production: true });
  });

  it('rejects a reused state and a meter already owned by another account', async () => {
    const other = await createUser(server, 'other');
    const params = await giveConsent(server, other, [CONSUMPTION_PRM]);
    expect(params.get('consent_error')).toBe('pdl_already_exists');
    const forged = await server.app.inject({
      method: 'GET',
      url: `/api/oauth/callback?state=made-up&usage_point_id=${CONSUMPTION_PRM}`,
      headers: { cookie: other.cookie },
    });
    expect(new URL(String(forged.headers.location)).searchParams.get('consent_error')).toBe('invalid_state');
    // A state started by one user cannot be completed by another.
    const started = await server.app.inject({
      method: 'GET',
      url: '/api/oauth/authorize',
      headers: { cookie: user.cookie },
    });
    const state =
      new URL(started.json<{ data: { authorize_url: string } }>().data.authorize_url).searchParams.get('state') ?? '';
    const hijack = await server.app.inject({
      method: 'GET',
      url: `/api/oauth/callback?state=${state}&usage_point_id=22516914714270`,
      headers: { cookie: other.cookie },
    });
    expect(new URL(String(hijack.headers.location)).searchParams.get('consent_error')).toBe('invalid_state');
  });

  it('serves a year of daily consumption without losing the first or the last day', async () => {
    const start = addDays(today, -365);
    const { status, body } = await get(`/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=${start}&end=${today}`);
    expect(status).toBe(200);
    const readings = body.data?.meter_reading.interval_reading ?? [];
    expect(readings).toHaveLength(365);
    expect(readings[0]?.date).toBe(start);
    expect(readings.at(-1)?.date).toBe(addDays(today, -1));
    expect(readings.every((reading) => Number.isInteger(reading.value) && reading.value > 0)).toBe(true);
  });

  it('gives 46 and 50 distinct half-hours on the latest DST days, the same from Enedis and from the cache', async () => {
    const march = latestDstSunday(today, 3);
    const october = latestDstSunday(today, 10);
    const expected = [
      { day: march, points: 46, first: `${march}T00:00:00+01:00`, last: `${march}T23:30:00+02:00` },
      { day: october, points: 50, first: `${october}T00:00:00+02:00`, last: `${october}T23:30:00+01:00` },
    ];
    for (const { day, points, first, last } of expected) {
      const url = `/api/enedis/consumption/detail/${CONSUMPTION_PRM}?start=${day}&end=${addDays(day, 1)}&use_cache=true`;
      const fromEnedis = await get(url);
      const callsBefore = meteringCalls(server);
      const fromCache = await get(url);
      expect(meteringCalls(server), day).toBe(callsBefore);
      expect(fromCache.headers['x-ratelimit-scope']).toBe('cached');
      for (const answer of [fromEnedis, fromCache]) {
        expect(answer.status, day).toBe(200);
        expect(answer.body.data?.missing_dates).toEqual([]);
        const dates = answer.body.data?.meter_reading.interval_reading.map((reading) => reading.date) ?? [];
        expect(dates, day).toHaveLength(points);
        expect(new Set(dates).size, day).toBe(points);
        expect(dates[0]).toBe(first);
        expect(dates.at(-1)).toBe(last);
      }
      expect(fromCache.body.data?.meter_reading).toEqual(fromEnedis.body.data?.meter_reading);
    }
    const octoberDates = (
      await get(
        `/api/enedis/consumption/detail/${CONSUMPTION_PRM}?start=${october}&end=${addDays(october, 1)}&use_cache=true`,
      )
    ).body.data?.meter_reading.interval_reading.map((reading) => reading.date);
    // The repeated hour appears twice, once per offset.
    expect(octoberDates?.filter((date) => date.startsWith(`${october}T02:30`))).toEqual([
      `${october}T02:30:00+02:00`,
      `${october}T02:30:00+01:00`,
    ]);
  });

  it('answers PARTIAL_DATA with exactly the days Enedis has no data for; re-asks only the last 7 days of them', async () => {
    // Sandbox client 4 sends nothing on Tuesdays and Wednesdays.
    const holesOwner = await holesUser();
    const holesUserId = await userIdOf(server, holesOwner);
    const start = addDays(today, -28);
    const days = eachDay(start, today);
    const holes = days.filter((day) => [2, 3].includes(isoWeekday(day)));
    // Enedis may still publish D-1..D-7: only older holes are remembered as such.
    const settledHoles = holes.filter((day) => day < addDays(today, -7));
    const recentHoles = holes.filter((day) => day >= addDays(today, -7));
    expect(settledHoles.length).toBeGreaterThanOrEqual(6);
    expect(recentHoles.length).toBeGreaterThanOrEqual(2);
    for (const dataset of ['consumption/daily', 'consumption/detail/batch'] as const) {
      const url = `/api/enedis/${dataset}/${HOLES_PRM}?start=${start}&end=${today}&use_cache=true`;
      const first = await getReading(server, holesOwner, url);
      expect(first.status, dataset).toBe(200);
      expect(first.body.error?.code, dataset).toBe('PARTIAL_DATA');
      expect(first.body.data?.missing_dates, dataset).toEqual(holes);
      const served = new Set(
        first.body.data?.meter_reading.interval_reading.map((reading) => reading.date.slice(0, 10)),
      );
      expect([...served].sort(), dataset).toEqual(days.filter((day) => !holes.includes(day)));

      // The complete days are cached with their data, the settled holes as days without data, the recent
      // holes not at all.
      const cached = await userDayCache(server, holesUserId, holesOwner.clientSecret).readWithNoData(
        dataset === 'consumption/daily' ? 'consumption_daily' : 'consumption_curve',
        HOLES_PRM,
        days,
      );
      expect([...cached.found.keys()].sort(), dataset).toEqual([...served].sort());
      expect([...cached.noData].sort(), dataset).toEqual(settledHoles);

      // A second read answers the same, asking Enedis again for the recent holes alone.
      enedisEmulator(server).resetStats();
      const second = await getReading(server, holesOwner, url);
      expect(second.status, dataset).toBe(200);
      expect(sameAnswer(second.body), dataset).toEqual(sameAnswer(first.body));
      expect(second.headers['x-ratelimit-scope'], dataset).toBe('no_cache');
      const asked = enedisEmulator(server).stats.calls.filter((call) => call.path.startsWith('/metering_data_'));
      // One call per run of consecutive recent holes (a Tuesday–Wednesday pair, or a lone edge day).
      expect(asked.length, dataset).toBe(missingDayRanges(recentHoles, 7).length);
    }
  });

  it('a range of settled holes is answered from the cache the second time, PARTIAL_DATA alike', async () => {
    const holesOwner = await holesUser();
    // Ends before D-7: every hole of it is settled.
    const start = addDays(today, -40);
    const end = addDays(today, -8);
    const holes = eachDay(start, end).filter((day) => [2, 3].includes(isoWeekday(day)));
    expect(holes.length).toBeGreaterThanOrEqual(8);
    for (const dataset of ['consumption/daily', 'consumption/detail/batch'] as const) {
      const url = `/api/enedis/${dataset}/${HOLES_PRM}?start=${start}&end=${end}&use_cache=true`;
      enedisEmulator(server).resetStats();
      const first = await getReading(server, holesOwner, url);
      expect(first.status, dataset).toBe(200);
      expect(first.body.error?.code, dataset).toBe('PARTIAL_DATA');
      expect(first.body.data?.missing_dates, dataset).toEqual(holes);
      expect(first.headers['x-ratelimit-scope'], dataset).toBe('no_cache');
      expect(meteringCalls(server), dataset).toBeGreaterThan(0);

      enedisEmulator(server).resetStats();
      const second = await getReading(server, holesOwner, url);
      expect(second.status, dataset).toBe(200);
      expect(sameAnswer(second.body), dataset).toEqual(sameAnswer(first.body));
      expect(meteringCalls(server), dataset).toBe(0);
      expect(second.headers['x-ratelimit-scope'], dataset).toBe('cached');

      // use_cache=false still asks Enedis for the whole range; the no_cache counter moved by this call only.
      const uncached = await getReading(server, holesOwner, url.replace('use_cache=true', 'use_cache=false'));
      expect(sameAnswer(uncached.body), dataset).toEqual(sameAnswer(first.body));
      expect(meteringCalls(server), dataset).toBeGreaterThan(0);
      expect(uncached.headers['x-ratelimit-scope'], dataset).toBe('no_cache');
      expect(Number(uncached.headers['x-ratelimit-remaining']), dataset).toBe(
        Number(first.headers['x-ratelimit-remaining']) - 1,
      );
    }
  });

  it('daily energy equals the sum of the load curve energy (Wh = W × minutes / 60)', async () => {
    const start = addDays(today, -10);
    const daily = await get(`/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=${start}&end=${today}`);
    const curve = await get(`/api/enedis/consumption/detail/batch/${CONSUMPTION_PRM}?start=${start}&end=${today}`);
    const energyByDay = new Map<string, number>();
    for (const point of curve.body.data?.meter_reading.interval_reading ?? []) {
      const day = point.date.slice(0, 10);
      energyByDay.set(
        day,
        (energyByDay.get(day) ?? 0) + (point.value * Number(/PT(\d+)M/.exec(point.interval_length ?? '')?.[1])) / 60,
      );
    }
    for (const reading of daily.body.data?.meter_reading.interval_reading ?? []) {
      expect(energyByDay.get(reading.date), reading.date).toBe(reading.value);
    }
  });

  it('a week of load curve is 7 × 48 points and the second read comes from the cache', async () => {
    const start = addDays(today, -60);
    const end = addDays(start, 7);
    const first = await get(`/api/enedis/consumption/detail/batch/${CONSUMPTION_PRM}?start=${start}&end=${end}`);
    expect(first.body.data?.meter_reading.interval_reading.length).toBeGreaterThanOrEqual(7 * 48 - 2);
    const callsBefore = server.deps.gateway.emulator?.stats.total ?? 0;
    const second = await get(`/api/enedis/consumption/detail/batch/${CONSUMPTION_PRM}?start=${start}&end=${end}`);
    expect(second.body.data?.meter_reading.interval_reading).toEqual(first.body.data?.meter_reading.interval_reading);
    expect(server.deps.gateway.emulator?.stats.total).toBe(callsBefore);
    expect(second.headers['x-ratelimit-scope']).toBe('cached');
  });

  it('answers production data for the production meter and refuses consumption on it', async () => {
    const start = addDays(today, -7);
    const production = await get(`/api/enedis/production/daily/${PRODUCTION_PRM}?start=${start}&end=${today}`);
    expect(production.status).toBe(200);
    const wrong = await get(`/api/enedis/consumption/daily/${PRODUCTION_PRM}?start=${start}&end=${today}`);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error?.code).toBe('WRONG_DIRECTION');
  });

  it('validates ranges with clear codes', async () => {
    expect(
      (await get(`/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=2026-13-01&end=${today}`)).body.error?.code,
    ).toBe('INVALID_DATE_FORMAT');
    expect(
      (await get(`/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=${today}&end=${today}`)).body.error?.code,
    ).toBe('INVALID_DATE_RANGE');
    expect(
      (await get(`/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=2010-01-01&end=2011-01-01`)).body.error?.code,
    ).toBe('DATE_TOO_OLD');
    expect((await get(`/api/enedis/consumption/daily/123?start=${today}&end=${today}`)).status).toBe(422);
  });

  it('keeps neither PRMs nor consumption values in clear in the cache (raw dump of every key of the session)', async () => {
    const start = addDays(today, -30);
    const reads = await Promise.all([
      get(`/api/enedis/consumption/daily/${CONSUMPTION_PRM}?start=${start}&end=${today}&use_cache=true`),
      get(`/api/enedis/consumption/detail/${CONSUMPTION_PRM}?start=${addDays(today, -3)}&end=${today}&use_cache=true`),
      get(`/api/enedis/production/daily/${PRODUCTION_PRM}?start=${start}&end=${today}&use_cache=true`),
      get(`/api/enedis/power/${CONSUMPTION_PRM}?start=${start}&end=${today}&use_cache=true`),
    ]);
    for (const read of reads) {
      expect(read.status).toBe(200);
    }
    await server.app.inject({
      method: 'GET',
      url: `/api/enedis/contract/${CONSUMPTION_PRM}`,
      headers: { cookie: user.cookie },
    });
    const series = reads.map((read) =>
      (read.body.data?.meter_reading.interval_reading ?? []).map((reading) => String(reading.value)),
    );
    const dump = await rawCacheDump();
    expect(dump.keyCount).toBeGreaterThan(0);
    // Any plain encoding of a series (JSON strings or numbers, CSV, arrays) puts two neighbours side by side
    // with a separator; a 4-digit value alone could appear by chance in ciphertext, such a pair cannot.
    const plainFragments = series.flatMap((values) =>
      values.slice(1).flatMap((value, index) => {
        const previous = values[index] ?? '';
        return [`${previous},${value}`, `"${previous}","${value}"`, `"value":"${value}"`, `"value":${value}`];
      }),
    );
    expect(plainFragments.length).toBeGreaterThan(150);
    // The detector finds the values in a plain answer, so its silence on the dump means something.
    expect(
      plainFragments.filter((fragment) => JSON.stringify(reads[1]?.body).includes(fragment)).length,
    ).toBeGreaterThan(100);
    for (const secret of [CONSUMPTION_PRM, PRODUCTION_PRM, user.email, ...plainFragments]) {
      expect(dump.text).not.toContain(secret);
    }
  });

  /** Every key of this server and its raw value, read past the cache port when Valkey is used. */
  async function rawCacheDump(): Promise<{ keyCount: number; text: string }> {
    if (!backend.redisUrl) {
      const keys = await server.deps.cache.keys('');
      const values = await server.deps.cache.getMany(keys);
      return {
        keyCount: keys.length,
        text: keys.map((key, index) => `${key}=${values[index]?.toString('latin1') ?? ''}`).join('\n'),
      };
    }
    const client = new Valkey(backend.redisUrl);
    try {
      const keys = await client.keys(`test:${server.storage.suffix}:*`);
      const lines = await Promise.all(
        keys.map(async (key) => {
          const type = await client.type(key);
          const value = type === 'string' ? ((await client.getBuffer(key))?.toString('latin1') ?? '') : type;
          return `${key}=${value}`;
        }),
      );
      return { keyCount: keys.length, text: lines.join('\n') };
    } finally {
      client.disconnect();
    }
  }
});
