/**
 * Costs and simulator over the real metering path (embedded Enedis emulator) and the shipped offers
 * catalogue. Expected euros are recomputed here from the readings the metering routes serve, with
 * integer arithmetic and the data set's own prices, independently of the engine.
 */
import type { CostsResponse, EnergyOffer, Pdl, SimulatorResponse } from '@med/contracts';
import { addDays, addMonths, isOffpeakMinute, parisToday, parisWallClock } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import { giveConsent, type MeterReadingBody } from './support/consent-helpers.ts';
import { createPdl, expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Sandbox client 3: 12 kVA, off-peak 01:30–07:30 and 12:30–14:30, load curve on.
const CURVE_PRM = '12345678901234';
// Sandbox client 2: 6 kVA, no load curve, off-peak windows unknown.
const DAILY_PRM = '32320647321714';
// Sandbox client 4: no data on Tuesdays and Wednesdays.
const HOLES_PRM = '42900589957123';

const micro = (euros: number) => BigInt(Math.round(euros * 1_000_000));
/** `numerator / denominator` to the nearest integer, halves up (every amount here is positive). */
const roundDivide = (numerator: bigint, denominator: bigint) =>
  Number((2n * numerator + denominator) / (2n * denominator));

describe.each(backends)('costs and simulator on $name', (backend) => {
  let server: TestServer;
  let owner: TestUser;
  let offers: EnergyOffer[];
  const today = parisToday(new Date());
  // Thirty days ending yesterday (end excluded), far from any wall-clock edge of the history.
  const end = today;
  const start = addDays(today, -30);

  beforeAll(async () => {
    server = await startTestServer(backend, { USER_DAILY_LIMIT_NO_CACHE: '1000' });
    owner = await createUser(server, 'costs');
    await giveConsent(server, owner, [CURVE_PRM, DAILY_PRM, HOLES_PRM]);
    const listed = await server.app.inject({ method: 'GET', url: '/api/energy/offers?include_history=true' });
    offers = listed.json<{ data: EnergyOffer[] }>().data;
  });
  afterAll(async () => server.close());

  const as = (user: TestUser) => ({ cookie: user.cookie });
  const get = (url: string, headers: Record<string, string> = as(owner)) =>
    server.app.inject({ method: 'GET', url, headers });
  const post = (payload: Record<string, unknown>, headers: Record<string, string> = as(owner)) =>
    server.app.inject({ method: 'POST', url: '/api/simulator', payload, headers });
  /** The row in force at the end of the period of `provider:offer:TYPE:kva`. */
  const offerRow = (series: string) => {
    const row = offers.find(
      (offer) =>
        offer.series_key === series && offer.valid_from < end && (offer.valid_to === null || offer.valid_to >= end),
    );
    if (!row) {
      throw new Error(`no ${series} in force on ${end}`);
    }
    return row;
  };
  const pdlOf = async (prm: string) => {
    const list = await get('/api/pdl');
    const pdl = list.json<{ data: Pdl[] }>().data.find((entry) => entry.usage_point_id === prm);
    if (!pdl) {
      throw new Error(`no PDL ${prm}`);
    }
    return pdl;
  };
  const readings = async (path: string) => {
    const response = await get(path);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<MeterReadingBody>().data?.meter_reading.interval_reading ?? [];
  };

  it('prices the load curve with the meter’s two off-peak windows, to the cent of a hand calculation', async () => {
    // The period must lie within one price record for the check below (the engine splits at changes).
    const hcHp = offerRow('edf:tarif-bleu:HC_HP:12');
    expect(hcHp.valid_from <= start).toBe(true);
    const pdl = await pdlOf(CURVE_PRM);
    const select = await server.app.inject({
      method: 'PATCH',
      url: `/api/pdl/${pdl.id}/selected-offer`,
      headers: as(owner),
      payload: { selected_offer_id: hcHp.id },
    });
    expect(select.statusCode, select.body).toBe(200);

    const response = await get(`/api/costs/${CURVE_PRM}?start=${start}&end=${end}`);
    expect(response.statusCode, response.body).toBe(200);
    const cost = response.json<{ data: CostsResponse }>().data;

    // Hand calculation: every served half-hour (start stamped, W) into HC or HP by its Paris start.
    const windows = pdl.offpeak_hours?.ranges ?? [];
    expect(windows).toEqual(['01:30-07:30', '12:30-14:30']);
    let hcWatts = 0n;
    let hpWatts = 0n;
    for (const point of await readings(`/api/enedis/consumption/detail/${CURVE_PRM}?start=${start}&end=${end}`)) {
      expect(point.interval_length).toBe('PT30M');
      const clock = parisWallClock(new Date(point.date));
      if (isOffpeakMinute(clock.hour * 60 + clock.minute, windows)) {
        hcWatts += BigInt(point.value);
      } else {
        hpWatts += BigInt(point.value);
      }
    }
    // Half-hours: Wh = W / 2, so energy µ€ = W × µ€/kWh / 2,000. Subscription µ€ = monthly × 12 × days / 365.
    const energy = (hcWatts * micro(hcHp.prices.hc ?? 0) + hpWatts * micro(hcHp.prices.hp ?? 0)) * 365n;
    const subscription = micro(hcHp.subscription_price) * 12n * 30n * 2000n;
    const toCents = (units: bigint) => roundDivide(units, 2000n * 365n * 10_000n);
    expect(cost).toMatchObject({
      usage_point_id: CURVE_PRM,
      power_kva: 12,
      days: 30,
      offer: { id: hcHp.id, key: 'edf:tarif-bleu:HC_HP', provider: 'EDF', offer_type: 'HC_HP' },
      total_eur: toCents(energy + subscription) / 100,
      energy_eur: toCents(energy) / 100,
      subscription_eur: toCents(subscription) / 100,
    });
    expect(cost.bands).toEqual([
      { band: 'hp', kwh: Number(hpWatts) / 2000, energy_eur: expect.any(Number) as number },
      { band: 'hc', kwh: Number(hcWatts) / 2000, energy_eur: expect.any(Number) as number },
    ]);
    expect(cost.price_records.map((record) => [record.record_id, record.days])).toEqual([[hcHp.record_id, 30]]);
    expect(cost.price_records[0]).toMatchObject({
      prices: hcHp.prices,
      subscription_eur_per_month: hcHp.subscription_price,
    });
    expect(cost.daily).toHaveLength(30);
    expect(cost.daily.every((day) => day.source === 'curve' && day.record_id === hcHp.record_id)).toBe(true);
    expect(cost.months.reduce((days, month) => days + month.days, 0)).toBe(30);
    // The windows are known and the curve is complete: only an open-ended record may make it an estimate.
    const reasons = cost.estimates.map((estimate) => estimate.reason);
    expect(reasons.filter((reason) => reason !== 'PRICE_RECORD_MAY_BE_OUTDATED')).toEqual([]);
    expect(reasons.includes('PRICE_RECORD_MAY_BE_OUTDATED')).toBe(
      hcHp.valid_to === null && addMonths(hcHp.valid_from, 6) <= addDays(end, -1),
    );
  });

  it('prices daily totals exactly for BASE and flags HC/HP from daily totals as an estimate', async () => {
    const base = offerRow('edf:tarif-bleu:BASE:6');
    const response = await get(`/api/costs/${DAILY_PRM}?start=${start}&end=${end}&offer_id=${base.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const cost = response.json<{ data: CostsResponse }>().data;
    const dailyWh = (await readings(`/api/enedis/consumption/daily/${DAILY_PRM}?start=${start}&end=${end}`)).reduce(
      (sum, reading) => sum + BigInt(reading.value),
      0n,
    );
    // Energy µ€ = Wh × µ€/kWh / 1,000 → cents = Wh × µ€ / 10,000,000.
    expect(cost.energy_eur).toBe(roundDivide(dailyWh * micro(base.prices.base ?? 0), 10_000_000n) / 100);
    expect(cost.daily.every((day) => day.source === 'daily')).toBe(true);
    expect(cost.estimates.map((estimate) => estimate.reason)).not.toContain('DAILY_DATA_SPLIT');

    const hcHp = offerRow('edf:tarif-bleu:HC_HP:6');
    const split = await get(`/api/costs/${DAILY_PRM}?start=${start}&end=${end}&offer_id=${hcHp.id}`);
    expect(split.statusCode, split.body).toBe(200);
    const reasons = split.json<{ data: CostsResponse }>().data.estimates.map((estimate) => estimate.reason);
    expect(reasons).toEqual(expect.arrayContaining(['DAILY_DATA_SPLIT', 'HC_WINDOWS_UNKNOWN']));
  });

  it('answers bad input with clear 4xx codes', async () => {
    const base12 = offerRow('edf:tarif-bleu:BASE:12');
    const base6 = offerRow('edf:tarif-bleu:BASE:6');
    const costs = (query: string, prm = CURVE_PRM) => get(`/api/costs/${prm}?${query}`);
    expectError(await costs(`start=${start}&end=${end}&offer_id=no-such-offer`), 404, 'OFFER_NOT_FOUND');
    expectError(await costs(`start=${start}&end=${end}&offer_id=${base6.id}`), 422, 'OFFER_POWER_MISMATCH', 'offer_id');
    expectError(await costs(`start=${start}&end=${end}`, DAILY_PRM), 422, 'OFFER_NOT_SELECTED', 'offer_id');
    expectError(await costs(`start=${end}&end=${start}&offer_id=${base12.id}`), 422, 'INVALID_DATE_RANGE', 'end');
    expectError(
      await costs(`start=${start}&end=${addDays(today, 1)}&offer_id=${base12.id}`),
      422,
      'INVALID_DATE_RANGE',
      'end',
    );
    const tooOld = addMonths(today, -37);
    expectError(
      await costs(`start=${tooOld}&end=${addDays(tooOld, 5)}&offer_id=${base12.id}`),
      422,
      'DATE_TOO_OLD',
      'start',
    );
    expectError(await costs(`start=2025-02-30&end=${end}&offer_id=${base12.id}`), 422, 'INVALID_DATE_FORMAT', 'start');
    expectError(await costs(`start=${start}&end=${end}&offer_id=${'x'.repeat(201)}`), 422, 'VALIDATION_ERROR');

    // A Tuesday–Wednesday range of the meter with holes: nothing to price.
    const tuesday = addDays(today, -14 - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 5) % 7));
    const base6Id = base6.id;
    expectError(
      await costs(`start=${tuesday}&end=${addDays(tuesday, 2)}&offer_id=${base6Id}`, HOLES_PRM),
      404,
      'NO_DATA',
    );

    // An offer whose prices end before the period (a grid replaced by nothing known): no silent extension.
    const ended = offers.find(
      (offer) =>
        offer.power_kva === 12 &&
        offer.valid_to !== null &&
        offer.valid_to < start &&
        offer.valid_to >= addMonths(today, -30) &&
        !offers.some((other) => other.series_key === offer.series_key && other.valid_from > offer.valid_from),
    );
    if (!ended?.valid_to) {
      throw new Error('the data set has no 12 kVA offer that ended in the history window');
    }
    const around = `start=${addDays(ended.valid_to, -2)}&end=${addDays(ended.valid_to, 3)}&offer_id=${ended.id}`;
    expectError(await costs(around), 422, 'OFFER_PERIOD_UNCOVERED', 'start');
  });

  it('refuses attackers as the metering routes do', async () => {
    const base12 = offerRow('edf:tarif-bleu:BASE:12');
    const url = `/api/costs/${CURVE_PRM}?start=${start}&end=${end}&offer_id=${base12.id}`;
    const stranger = await createUser(server, 'stranger');
    expectError(await get(url, as(stranger)), 404, 'PDL_NOT_FOUND');
    expectError(await post({ usage_point_id: CURVE_PRM, start, end }, as(stranger)), 404, 'PDL_NOT_FOUND');
    expectError(await get(url, {}), 401, 'UNAUTHORIZED');
    expectError(await get(url, { authorization: 'Bearer forged.token.value' }), 401, 'UNAUTHORIZED');

    // A logged-out token no longer opens anything.
    const leaving = await createUser(server, 'leaving');
    await giveConsent(server, leaving, ['22516914714270']);
    const leavingUrl = `/api/costs/22516914714270?start=${start}&end=${end}&offer_id=${offerRow('edf:tarif-bleu:BASE:9').id}`;
    expect((await get(leavingUrl, { authorization: `Bearer ${leaving.jwt}` })).statusCode).toBe(200);
    await server.app.inject({
      method: 'POST',
      url: '/api/accounts/logout',
      headers: { authorization: `Bearer ${leaving.jwt}` },
    });
    expect((await get(leavingUrl, { authorization: `Bearer ${leaving.jwt}` })).statusCode).toBe(401);

    // A meter added by hand, without consent: the same answer as the metering route.
    const manual = await createPdl(server, as(stranger));
    const metering = await get(
      `/api/enedis/consumption/daily/${manual.usage_point_id}?start=${start}&end=${end}`,
      as(stranger),
    );
    const priced = await get(
      `/api/costs/${manual.usage_point_id}?start=${start}&end=${end}&offer_id=${base12.id}`,
      as(stranger),
    );
    expect(metering.statusCode).toBeGreaterThanOrEqual(400);
    expect([priced.statusCode, priced.json<{ error: { code: string } }>().error.code]).toEqual([
      metering.statusCode,
      metering.json<{ error: { code: string } }>().error.code,
    ]);
  });

  it('ranks every offer for the power, with the difference against the selected offer', async () => {
    const response = await post({ usage_point_id: CURVE_PRM, start, end });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<{ data: SimulatorResponse }>().data;
    expect(result.power_kva).toBe(12);
    expect(result.offers.length).toBeGreaterThan(5);
    const totals = result.offers.map((offer) => offer.total_eur);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(result.offers.map((offer) => offer.rank)).toEqual(result.offers.map((_, index) => index + 1));
    expect(result.selected_offer_key).toBe('edf:tarif-bleu:HC_HP');
    const selected = result.offers.find((offer) => offer.offer.key === result.selected_offer_key);
    expect(selected?.difference_eur).toBe(0);
    for (const offer of result.offers) {
      expect(offer.difference_eur).toBeCloseTo(offer.total_eur - (result.selected_total_eur ?? 0), 2);
      expect(offer.price_records.every((record) => record.power_kva === 12)).toBe(true);
    }
    // Same figures as the costs route for the selected offer.
    const costs = await get(`/api/costs/${CURVE_PRM}?start=${start}&end=${end}`);
    expect(costs.json<{ data: CostsResponse }>().data.total_eur).toBe(result.selected_total_eur);

    // Low-confidence records are left out unless asked for.
    expect(result.excluded_low_confidence).toBeGreaterThan(0);
    const all = (await post({ usage_point_id: CURVE_PRM, start, end, include_low_confidence: true })).json<{
      data: SimulatorResponse;
    }>().data;
    expect(all.excluded_low_confidence).toBe(0);
    expect(all.offers.length + all.unavailable.length).toBe(
      result.offers.length + result.unavailable.length + result.excluded_low_confidence,
    );
  });

  it('prices another subscribed power (what-if) and asks for one when the meter’s is unknown', async () => {
    const whatIf = await post({ usage_point_id: CURVE_PRM, start, end, power_kva: 6 });
    expect(whatIf.statusCode, whatIf.body).toBe(200);
    const result = whatIf.json<{ data: SimulatorResponse }>().data;
    expect(result.power_kva).toBe(6);
    expect(result.offers.flatMap((offer) => offer.price_records).every((record) => record.power_kva === 6)).toBe(true);
    // The selected offer is compared at the asked power: the same offer, 6 kVA prices.
    expect(result.selected_offer_key).toBe('edf:tarif-bleu:HC_HP');
    expect(result.offers.find((offer) => offer.offer.key === 'edf:tarif-bleu:HC_HP')?.difference_eur).toBe(0);
    expectError(await post({ usage_point_id: CURVE_PRM, start, end, power_kva: 7 }), 422, 'VALIDATION_ERROR');

    await server.deps.db
      .updateTable('pdls')
      .set({ subscribed_power: null })
      .where('usage_point_id', '=', HOLES_PRM)
      .execute();
    expectError(await post({ usage_point_id: HOLES_PRM, start, end }), 422, 'POWER_UNKNOWN', 'power_kva');
  });
});
