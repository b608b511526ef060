import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getWithToken, NOW, PATHS, PRMS, readings, testEmulator } from '../test-support.ts';

// NOW is Wednesday 2025-11-05 11:00 Paris: today = 2025-11-05, D-1 = 2025-11-04.
let app: FastifyInstance;
afterEach(() => app.close());

async function error(path: string, query: Record<string, string>) {
  const response = await getWithToken(app, path, query);
  return { status: response.statusCode, body: response.json<{ error: string; error_description: string }>() };
}

describe('[start, end) and availability', () => {
  it('serves start to the day before end, no day more, no day less', async () => {
    app = await testEmulator();
    const daily = await readings(app, PATHS.dailyConsumption, PRMS.complete, '2025-09-28', '2025-10-03');
    expect(daily.map((r) => r.date)).toEqual(['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-01', '2025-10-02']);
    const curve = await readings(app, PATHS.consumptionLoadCurve, PRMS.complete, '2025-09-30', '2025-10-02');
    expect(curve).toHaveLength(96);
    expect(curve[0]?.date).toBe('2025-09-30 00:30:00');
    expect(curve.at(-1)?.date).toBe('2025-10-02 00:00:00');
  });

  it('stops at D-1 when end is today', async () => {
    app = await testEmulator();
    const daily = await readings(app, PATHS.dailyConsumption, PRMS.complete, '2025-11-01', '2025-11-05');
    expect(daily.map((r) => r.date)).toEqual(['2025-11-01', '2025-11-02', '2025-11-03', '2025-11-04']);
    const curve = await readings(app, PATHS.consumptionLoadCurve, PRMS.complete, '2025-11-04', '2025-11-05');
    expect(curve).toHaveLength(48);
    expect(curve.at(-1)?.date).toBe('2025-11-05 00:00:00');
  });

  it('uses the Paris date for today, not the UTC one', async () => {
    // 23:30 UTC on 4 November is already 5 November in Paris.
    app = await testEmulator({}, new Date('2025-11-04T23:30:00Z'));
    const daily = await readings(app, PATHS.dailyConsumption, PRMS.complete, '2025-11-03', '2025-11-05');
    expect(daily.map((r) => r.date)).toEqual(['2025-11-03', '2025-11-04']);
  });

  it('publishes D-1 only from the publication hour when one is set', async () => {
    app = await testEmulator({ publicationHour: 8 }, new Date('2025-11-05T06:30:00Z')); // 07:30 Paris
    const early = await error(PATHS.dailyConsumption, {
      usage_point_id: PRMS.complete,
      start: '2025-11-04',
      end: '2025-11-05',
    });
    expect(early).toEqual({
      status: 404,
      body: { error: 'no_data_found', error_description: 'no measure found for this usage point' },
    });
    const partial = await readings(app, PATHS.dailyConsumption, PRMS.complete, '2025-11-02', '2025-11-05');
    expect(partial.map((r) => r.date)).toEqual(['2025-11-02', '2025-11-03']);
    app.enedisEmulator.configure({ now: () => new Date('2025-11-05T07:00:00Z') }); // 08:00 Paris
    const later = await readings(app, PATHS.dailyConsumption, PRMS.complete, '2025-11-02', '2025-11-05');
    expect(later.map((r) => r.date)).toEqual(['2025-11-02', '2025-11-03', '2025-11-04']);
  });
});

describe('format and range errors', () => {
  it('checks usage_point_id, start, end and person_id in order', async () => {
    app = await testEmulator();
    const cases: Array<[Record<string, string>, string]> = [
      [{ start: '2025-11-01', end: '2025-11-02' }, 'usage_point_id parameter is required'],
      [
        { usage_point_id: '1234', start: '2025-11-01', end: '2025-11-02' },
        'usage_point_id parameter must be 14 digits long',
      ],
      [{ usage_point_id: PRMS.complete, end: '2025-11-02' }, 'Start date parameter is required'],
      [
        { usage_point_id: PRMS.complete, start: '01/11/2025', end: '2025-11-02' },
        'Start date parameter must be in the format YYYY-MM-DD',
      ],
      [{ usage_point_id: PRMS.complete, start: '2025-11-01' }, 'End date parameter is required'],
      [
        { usage_point_id: PRMS.complete, start: '2025-11-01', end: '2025-02-30' },
        'End date parameter must be in the format YYYY-MM-DD',
      ],
      [
        { usage_point_id: PRMS.complete, start: '2025-11-01', end: '2025-11-02', person_id: '12' },
        'person_id parameter must be 10 digits long',
      ],
    ];
    for (const [query, description] of cases) {
      expect(await error(PATHS.dailyConsumption, query)).toEqual({
        status: 400,
        body: { error: 'invalid_request', error_description: description },
      });
    }
  });

  it('refuses an end after today (Paris) but accepts today', async () => {
    app = await testEmulator();
    const tooLate = await error(PATHS.dailyConsumption, {
      usage_point_id: PRMS.complete,
      start: '2025-11-01',
      end: '2025-11-06',
    });
    expect(tooLate).toEqual({
      status: 400,
      body: {
        error: 'invalid_request',
        error_description: 'The end date parameter must be earlier than the current date',
      },
    });
    const curve = await error(PATHS.consumptionLoadCurve, {
      usage_point_id: PRMS.complete,
      start: '2025-11-04',
      end: '2025-11-06',
    });
    expect(curve.status).toBe(400);
  });

  it('refuses start equal to or after end', async () => {
    app = await testEmulator();
    for (const [start, end] of [
      ['2025-11-01', '2025-11-01'],
      ['2025-11-03', '2025-11-01'],
    ]) {
      expect(
        await error(PATHS.maxPower, { usage_point_id: PRMS.complete, start: start ?? '', end: end ?? '' }),
      ).toEqual({
        status: 400,
        body: { error: 'invalid_request', error_description: 'Start date should be before end date' },
      });
    }
  });

  it('answers ADAM-DC-0008 for an unknown PRM', async () => {
    app = await testEmulator();
    const unknown = await error(PATHS.dailyConsumption, {
      usage_point_id: '99999999999999',
      start: '2025-11-01',
      end: '2025-11-02',
    });
    expect(unknown).toMatchObject({ status: 403, body: { error: 'ADAM-DC-0008' } });
  });
});

describe('history, activation, span and direction', () => {
  it('limits daily data to 36 months + 15 days and load curves to 24 months + 15 days', async () => {
    app = await testEmulator();
    // today 2025-11-05 → daily deadline 2022-10-21, load-curve deadline 2023-10-21.
    expect(await readings(app, PATHS.dailyConsumption, PRMS.complete, '2022-10-21', '2022-10-22')).toHaveLength(1);
    expect(
      await error(PATHS.dailyConsumption, { usage_point_id: PRMS.complete, start: '2022-10-20', end: '2022-10-22' }),
    ).toEqual({
      status: 400,
      body: { error: 'ADAM-ERR0125', error_description: 'The start date must be greater than the history deadline.' },
    });
    expect(await readings(app, PATHS.consumptionLoadCurve, PRMS.complete, '2023-10-21', '2023-10-22')).toHaveLength(48);
    const curve = await error(PATHS.consumptionLoadCurve, {
      usage_point_id: PRMS.complete,
      start: '2023-10-20',
      end: '2023-10-22',
    });
    expect(curve.body.error).toBe('ADAM-ERR0125');
    const maxPower = await error(PATHS.maxPower, {
      usage_point_id: PRMS.complete,
      start: '2022-10-20',
      end: '2022-10-22',
    });
    expect(maxPower.body.error).toBe('ADAM-ERR0125');
  });

  it('refuses a start before the activation date with ADAM-ERR0123', async () => {
    app = await testEmulator({}, new Date('2021-06-15T10:00:00Z'));
    expect(
      await error(PATHS.dailyConsumption, {
        usage_point_id: PRMS.activated20190827,
        start: '2019-08-26',
        end: '2019-09-01',
      }),
    ).toEqual({
      status: 400,
      body: {
        error: 'ADAM-ERR0123',
        error_description: "The requested period cannot be anterior to the meter's last activation date",
      },
    });
    const first = await readings(app, PATHS.dailyConsumption, PRMS.activated20190827, '2019-08-27', '2019-09-01');
    expect(first[0]?.date).toBe('2019-08-27');
  });

  it('allows 7 days of load curve per call and refuses 8 with ADAM-ERR0126', async () => {
    app = await testEmulator();
    expect(await readings(app, PATHS.consumptionLoadCurve, PRMS.complete, '2025-10-01', '2025-10-08')).toHaveLength(
      7 * 48,
    );
    expect(
      await error(PATHS.consumptionLoadCurve, {
        usage_point_id: PRMS.complete,
        start: '2025-10-01',
        end: '2025-10-09',
      }),
    ).toEqual({
      status: 400,
      body: {
        error: 'ADAM-ERR0126',
        error_description: 'The requested period must be less than 7 days for an access to the load curve.',
      },
    });
    const production = await error(PATHS.productionLoadCurve, {
      usage_point_id: PRMS.productionOnly,
      start: '2025-10-01',
      end: '2025-10-09',
    });
    expect(production.body.error).toBe('ADAM-ERR0126');
    // Daily data has no span limit beyond history by default; a limit can be set.
    expect(await readings(app, PATHS.dailyConsumption, PRMS.complete, '2022-11-05', '2025-11-05')).toHaveLength(1096);
    app.enedisEmulator.configure({ dailyMaxDays: 365 });
    expect(
      (await error(PATHS.dailyConsumption, { usage_point_id: PRMS.complete, start: '2024-01-01', end: '2025-01-02' }))
        .status,
    ).toBe(400);
  });

  it('refuses the wrong direction with ADAM-ERR0069', async () => {
    app = await testEmulator();
    const expected = {
      status: 400,
      body: { error: 'ADAM-ERR0069', error_description: 'Le sens de la mesure ne correspond pas pour le PRM demandé' },
    };
    const range = { start: '2025-10-01', end: '2025-10-02' };
    expect(await error(PATHS.dailyProduction, { usage_point_id: PRMS.complete, ...range })).toEqual(expected);
    expect(await error(PATHS.productionLoadCurve, { usage_point_id: PRMS.client3Consumption, ...range })).toEqual(
      expected,
    );
    expect(await error(PATHS.dailyConsumption, { usage_point_id: PRMS.productionOnly, ...range })).toEqual(expected);
    expect(await error(PATHS.maxPower, { usage_point_id: PRMS.client3Production, ...range })).toEqual(expected);
  });

  it('runs the checks in the configured order', async () => {
    app = await testEmulator();
    const query = { usage_point_id: PRMS.revoked, start: '2025-10-01', end: '2025-10-10' };
    expect((await error(PATHS.consumptionLoadCurve, query)).body.error).toBe('ADAM-DC-0008');
    app.enedisEmulator.configure({ validationOrder: ['span', 'consent', 'direction', 'history', 'activation'] });
    expect((await error(PATHS.consumptionLoadCurve, query)).body.error).toBe('ADAM-ERR0126');
  });
});

describe('missing data', () => {
  it('leaves Tuesdays and Wednesdays out for sandbox client 4 and answers 404 when only those are asked', async () => {
    app = await testEmulator();
    // 2025-10-27 is a Monday.
    const week = await readings(app, PATHS.dailyConsumption, PRMS.holes, '2025-10-27', '2025-11-03');
    expect(week.map((r) => r.date)).toEqual(['2025-10-27', '2025-10-30', '2025-10-31', '2025-11-01', '2025-11-02']);
    const curve = await readings(app, PATHS.consumptionLoadCurve, PRMS.holes, '2025-10-27', '2025-11-03');
    expect(curve).toHaveLength(5 * 48);
    const hole = await error(PATHS.consumptionLoadCurve, {
      usage_point_id: PRMS.holes,
      start: '2025-10-28',
      end: '2025-10-30',
    });
    expect(hole).toEqual({
      status: 404,
      body: { error: 'no_data_found', error_description: 'no measure found for this usage point' },
    });
  });

  it('has no load curve for sandbox client 2 (404 by default, ADAM-ERR0075 on request)', async () => {
    app = await testEmulator();
    const range = { usage_point_id: PRMS.noLoadCurve, start: '2025-10-01', end: '2025-10-02' };
    expect(await readings(app, PATHS.dailyConsumption, PRMS.noLoadCurve, '2025-10-01', '2025-10-02')).toHaveLength(1);
    expect((await error(PATHS.consumptionLoadCurve, range)).body.error).toBe('no_data_found');
    app.enedisEmulator.configure({ loadCurveDisabledError: 'ADAM-ERR0075' });
    expect(await error(PATHS.consumptionLoadCurve, range)).toMatchObject({
      status: 400,
      body: { error: 'ADAM-ERR0075' },
    });
  });
});

it('NOW is the Wednesday the tests assume', () => {
  expect(NOW.toISOString()).toBe('2025-11-05T10:00:00.000Z');
});
