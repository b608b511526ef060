import { ErrorCode } from '@med/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createHaStatisticsService,
  type HaStatisticsService,
  type HaStatisticsTarget,
  type ImportReport,
} from '../src/features/ha-statistics/ha-statistics.service.ts';
import { AppError } from '../src/http/app-error.ts';
import { backends } from './support/backends.ts';
import { startClientTestServer, type ClientTestServer } from './support/client-server.ts';
import { startHaEmulator, type HaEmulator } from './support/ha-emulator.ts';
import {
  expectedRows,
  expectedSeries,
  halfHours,
  parisClock,
  storeCurve,
  storeMeter,
  storeOffer,
  storeTempo,
  varyingWatts,
  type Slot,
} from './support/ha-statistics-helpers.ts';

const HC_PRM = '11111111111111';
const TEMPO_PRM = '22222222222222';
const BASE_PRM = '33333333333333';
const HC_PRICES = { hp: 0.2516, hc: 0.1828 };
const TEMPO_PRICES = {
  tempo_blue_hc: 0.1288,
  tempo_blue_hp: 0.1552,
  tempo_white_hc: 0.1447,
  tempo_white_hp: 0.1792,
  tempo_red_hc: 0.1518,
  tempo_red_hp: 0.6586,
};
/** Both DST days (30 March: 23 h, 26 October: 25 h) and their neighbours. */
const DAYS = ['2025-03-29', '2025-03-30', '2025-03-31', '2025-10-25', '2025-10-26', '2025-10-27'];
const COLOURS = {
  '2025-03-28': 'RED',
  '2025-03-29': 'WHITE',
  '2025-03-30': 'BLUE',
  '2025-03-31': 'RED',
  '2025-10-24': 'WHITE',
  '2025-10-25': 'BLUE',
  '2025-10-26': 'BLUE',
  '2025-10-27': 'WHITE',
} as const;
const HC_WINDOWS = ['01:30-07:30', '12:30-14:30'];
const inWindows = (minute: number) => (minute >= 90 && minute < 450) || (minute >= 750 && minute < 870);
const previousDay = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const tempoBand = (slot: Slot) => {
  // 00:00–06:00 belongs to the previous day's colour; HC is 22:00–06:00.
  const date = slot.minute < 360 ? previousDay(slot.date) : slot.date;
  const colour = COLOURS[date as keyof typeof COLOURS].toLowerCase();
  return `tempo_${colour}_${slot.minute < 360 || slot.minute >= 1320 ? 'hc' : 'hp'}`;
};
const id = (kind: string, prm: string, band?: string) =>
  `myelectricaldata:${kind}_${prm}${band === undefined ? '' : `_${band.replace(/^tempo_/, '')}`}`;

describe.each(backends)('Home Assistant statistics export on $name', (backend) => {
  let client: ClientTestServer;
  let ha: HaEmulator;
  let service: HaStatisticsService;
  const slots = halfHours(DAYS, varyingWatts);
  const target = (usagePointIds: string[], token = 'admin-token'): HaStatisticsTarget => ({
    url: ha.url,
    token,
    prefix: 'myelectricaldata',
    usagePointIds,
  });
  const full = { clearFirst: false, incremental: false, chunkSize: 40 };
  const incremental = { clearFirst: false, incremental: true, chunkSize: 40 };

  beforeAll(async () => {
    client = await startClientTestServer(backend, { MED_API_URL: 'http://127.0.0.1:9/api' });
    const db = client.deps.db;
    await storeMeter(db, HC_PRM, {
      pricing_option: 'HC_HP',
      offpeak: HC_WINDOWS,
      selected_offer_id: await storeOffer(db, 'HC_HP', HC_PRICES),
    });
    await storeMeter(db, TEMPO_PRM, {
      pricing_option: 'TEMPO',
      selected_offer_id: await storeOffer(db, 'TEMPO', TEMPO_PRICES),
    });
    await storeMeter(db, BASE_PRM, { pricing_option: 'BASE' });
    await storeTempo(db, COLOURS);
    await storeCurve(db, HC_PRM, slots);
    await storeCurve(db, TEMPO_PRM, slots);
    service = createHaStatisticsService({ db });
  }, 60_000);
  afterAll(async () => {
    await client.close();
  });
  afterEach(async () => {
    await ha.close();
  });

  /** HA's rows of a statistic as `{start, state, sum}`. */
  const held = (statisticId: string) =>
    ha.rows(statisticId).map((row) => ({ start: row.start, state: row.state, sum: row.sum }));

  function expectRows(statisticId: string, rows: { start: number; state: number; sum: number }[]) {
    const got = held(statisticId);
    expect(got.map((row) => row.start)).toEqual(rows.map((row) => row.start));
    got.forEach((row, i) => {
      expect(row.state).toBeCloseTo(rows[i]?.state ?? NaN, 6);
      expect(row.sum).toBeCloseTo(rows[i]?.sum ?? NaN, 6);
    });
  }

  it('imports HC/HP per band and its cost, equal to an independent calculation, with 23 and 25 hours on DST days', async () => {
    ha = await startHaEmulator();
    const report = await service.import(target([HC_PRM]), full);
    const expected = expectedSeries(slots, (slot) => (inWindows(slot.minute) ? 'hc' : 'hp'), HC_PRICES);
    for (const band of ['hp', 'hc']) {
      expectRows(id('consumption', HC_PRM, band), expectedRows(expected.energy.get(band) ?? new Map(), 'energy'));
      expectRows(id('cost', HC_PRM, band), expectedRows(expected.cost.get(band) ?? new Map(), 'cost'));
    }
    // HC/HP are never filed under base (the reference's defect).
    expect(ha.statisticIds()).toEqual(
      [
        id('consumption', HC_PRM, 'hc'),
        id('consumption', HC_PRM, 'hp'),
        id('cost', HC_PRM, 'hc'),
        id('cost', HC_PRM, 'hp'),
      ].sort(),
    );
    const hoursOn = (date: string) =>
      held(id('consumption', HC_PRM, 'hc')).filter((row) => parisClock(row.start).date === date).length;
    expect(hoursOn('2025-03-30')).toBe(23);
    expect(hoursOn('2025-10-26')).toBe(25);
    expect(report).toMatchObject({ mode: 'full', consumption: 2 * 144, cost: 2 * 144 });
    expect(report.meters[0]).toMatchObject({ option: 'HC_HP', option_source: 'selected_offer' });
    // Only the months between the two stored stretches are left out, as days without data.
    expect(report.meters[0]?.skipped_days.map((entry) => entry.reason)).toEqual(['NO_DATA']);
    expect(report.meters[0]?.skipped_days[0]?.dates).toHaveLength(207);
    expect(ha.metadata(id('cost', HC_PRM, 'hc'))).toMatchObject({ unit_of_measurement: 'EUR', unit_class: null });
    expect(ha.metadata(id('consumption', HC_PRM, 'hc'))).toMatchObject({
      unit_of_measurement: 'Wh',
      unit_class: 'energy',
      mean_type: 0,
      has_sum: true,
      source: 'myelectricaldata',
    });
  });

  it('files Tempo hours 00:00–06:00 under the previous day’s colour, in six bands', async () => {
    ha = await startHaEmulator();
    await service.import(target([TEMPO_PRM]), full);
    const expected = expectedSeries(slots, tempoBand, TEMPO_PRICES);
    for (const band of Object.keys(TEMPO_PRICES)) {
      expectRows(id('consumption', TEMPO_PRM, band), expectedRows(expected.energy.get(band) ?? new Map(), 'energy'));
      expectRows(id('cost', TEMPO_PRM, band), expectedRows(expected.cost.get(band) ?? new Map(), 'cost'));
    }
    // 31 March 03:00 (Paris, UTC+2) consumed on 30 March's colour (blue), not 31 March's (red).
    const hour = Date.parse('2025-03-31T01:00:00Z');
    expect(
      ha.rows(id('consumption', TEMPO_PRM, 'tempo_blue_hc')).find((row) => row.start === hour)?.state,
    ).toBeGreaterThan(0);
    expect(ha.rows(id('consumption', TEMPO_PRM, 'tempo_red_hc')).find((row) => row.start === hour)?.state).toBe(0);
  });

  it('skips a Tempo day whose colour is not published, with the reason, and imports it once known', async () => {
    ha = await startHaEmulator();
    const day = ['2025-11-03'];
    const more = halfHours(day, varyingWatts);
    await storeCurve(client.deps.db, TEMPO_PRM, more);
    try {
      const report = await service.import(target([TEMPO_PRM]), incremental);
      expect(report.meters[0]?.skipped_days).toContainEqual({ reason: 'TEMPO_COLOUR_UNKNOWN', dates: ['2025-11-03'] });
      expect(report.meters[0]?.skipped_days).toContainEqual(
        expect.objectContaining({ reason: 'NO_DATA', dates: expect.arrayContaining(['2025-11-02']) as string[] }),
      );
      const before = held(id('consumption', TEMPO_PRM, 'tempo_blue_hp')).length;
      await storeTempo(client.deps.db, { '2025-11-02': 'BLUE', '2025-11-03': 'RED' });
      const second = await service.import(target([TEMPO_PRM]), incremental);
      expect(second.meters[0]?.skipped_days.find((entry) => entry.reason === 'TEMPO_COLOUR_UNKNOWN')).toBeUndefined();
      expect(held(id('consumption', TEMPO_PRM, 'tempo_blue_hp')).length).toBe(before + 24);
      expect(second.series.every((series) => series.rows_sent === 24)).toBe(true);
    } finally {
      await client.deps.db
        .deleteFrom('client_curve')
        .where('usage_point_id', '=', TEMPO_PRM)
        .where('day', '=', '2025-11-03')
        .execute();
      await client.deps.db.deleteFrom('tempo_days').where('date', 'in', ['2025-11-02', '2025-11-03']).execute();
    }
  });

  it('continues from HA’s last statistic: only new hours are sent, their sums follow on', async () => {
    ha = await startHaEmulator();
    const firstDays = slots.filter((slot) => slot.date < '2025-10-27');
    const lastDay = slots.filter((slot) => slot.date === '2025-10-27');
    await client.deps.db
      .deleteFrom('client_curve')
      .where('usage_point_id', '=', HC_PRM)
      .where('day', '=', '2025-10-27')
      .execute();
    await service.import(target([HC_PRM]), full);
    const rowsAfterFirst = ha.counters.importedRows;
    await storeCurve(client.deps.db, HC_PRM, lastDay);
    const report = await service.import(target([HC_PRM]), incremental);
    expect(ha.counters.importedRows - rowsAfterFirst).toBe(4 * 24);
    expect(report.series.map((series) => series.rows_sent)).toEqual([24, 24, 24, 24]);
    expect(report.series[0]?.resumed_at).toBe('2025-10-27T00:00:00+01:00');
    const expected = expectedSeries(
      [...firstDays, ...lastDay],
      (slot) => (inWindows(slot.minute) ? 'hc' : 'hp'),
      HC_PRICES,
    );
    expectRows(id('consumption', HC_PRM, 'hp'), expectedRows(expected.energy.get('hp') ?? new Map(), 'energy'));
    expectRows(id('cost', HC_PRM, 'hc'), expectedRows(expected.cost.get('hc') ?? new Map(), 'cost'));
    // Nothing new: nothing sent.
    const again = await service.import(target([HC_PRM]), incremental);
    expect(again.series.every((series) => series.rows_sent === 0 && series.resumed_at === null)).toBe(true);
  });

  it('continues from the sum another importer left in HA before the first local hour', async () => {
    ha = await startHaEmulator();
    const first = slots[0]?.start ?? 0;
    ha.seed(
      {
        statistic_id: id('consumption', HC_PRM, 'hp'),
        source: 'myelectricaldata',
        name: 'older',
        unit_of_measurement: 'Wh',
        has_sum: true,
        mean_type: 0,
        unit_class: 'energy',
      },
      [{ start: first - 3_600_000, state: 100, sum: 123_456 }],
    );
    await service.import(target([HC_PRM]), incremental);
    const expected = expectedSeries(slots, (slot) => (inWindows(slot.minute) ? 'hc' : 'hp'), HC_PRICES);
    const rows = expectedRows(expected.energy.get('hp') ?? new Map(), 'energy', 123_456);
    expectRows(id('consumption', HC_PRM, 'hp'), [{ start: first - 3_600_000, state: 100, sum: 123_456 }, ...rows]);
  });

  it('re-imports a repaired past day and shifts every later sum by the change, leaving earlier hours alone', async () => {
    ha = await startHaEmulator();
    await service.import(target([HC_PRM]), full);
    const before = held(id('consumption', HC_PRM, 'hp'));
    // Enedis corrected 31 March 09:00–09:30 (HP): +1,000 W → +500 Wh.
    const repaired = slots.find((slot) => slot.date === '2025-03-31' && slot.minute === 9 * 60);
    if (!repaired) {
      throw new Error('fixture lacks the slot');
    }
    await storeCurve(client.deps.db, HC_PRM, [{ ...repaired, watts: repaired.watts + 1000 }]);
    try {
      const imported = ha.counters.importedRows;
      const report = await service.import(target([HC_PRM]), incremental);
      const hour = Math.floor(repaired.start / 3_600_000) * 3_600_000;
      const after = held(id('consumption', HC_PRM, 'hp'));
      const index = before.findIndex((row) => row.start === hour);
      expect(after.slice(0, index)).toEqual(before.slice(0, index));
      expect(after[index]?.state).toBe((before[index]?.state ?? 0) + 500);
      after.slice(index).forEach((row, i) => expect(row.sum).toBe((before[index + i]?.sum ?? 0) + 500));
      const hp = report.series.find((series) => series.statistic_id === id('consumption', HC_PRM, 'hp'));
      expect(hp).toMatchObject({ rows_sent: before.length - index, resumed_at: '2025-03-31T09:00:00+02:00' });
      // The HC series did not change: nothing sent for it; the HP cost moved from the same hour.
      expect(report.series.find((series) => series.statistic_id === id('consumption', HC_PRM, 'hc'))?.rows_sent).toBe(
        0,
      );
      expect(report.series.find((series) => series.statistic_id === id('cost', HC_PRM, 'hp'))?.rows_sent).toBe(
        before.length - index,
      );
      expect(ha.counters.importedRows - imported).toBe(2 * (before.length - index));
    } finally {
      await storeCurve(client.deps.db, HC_PRM, [repaired]);
    }
  });

  it('files a daily-only day at 00:00 for a one-band option and skips it for HC/HP, with the reason; exports production', async () => {
    ha = await startHaEmulator();
    const db = client.deps.db;
    await db
      .insertInto('client_daily')
      .values([
        { usage_point_id: BASE_PRM, direction: 'consumption', day: '2025-03-30', value_wh: 9_000 },
        { usage_point_id: HC_PRM, direction: 'consumption', day: '2025-11-05', value_wh: 7_000 },
      ])
      .execute();
    const production = halfHours(['2025-10-26'], (i) => (i % 5) * 100);
    await storeCurve(db, BASE_PRM, production, 'production');
    try {
      const report = await service.import(target([BASE_PRM, HC_PRM]), full);
      expect(held(id('consumption', BASE_PRM, 'base'))).toEqual([
        { start: Date.parse('2025-03-29T23:00:00Z'), state: 9_000, sum: 9_000 },
      ]);
      const base = report.meters.find((meter) => meter.usage_point_id === BASE_PRM);
      expect(base).toMatchObject({ option: 'BASE', option_source: 'contract', offer: null });
      expect(base?.estimated_days).toContainEqual({ reason: 'DAILY_TOTAL_AT_MIDNIGHT', dates: ['2025-03-30'] });
      const hc = report.meters.find((meter) => meter.usage_point_id === HC_PRM);
      expect(hc?.skipped_days).toContainEqual({ reason: 'DAILY_ONLY_SEVERAL_BANDS', dates: ['2025-11-05'] });
      expectRows(
        id('production', BASE_PRM),
        expectedRows(
          expectedSeries(production, () => 'production', null).energy.get('production') ?? new Map(),
          'energy',
        ),
      );
      expect(held(id('production', BASE_PRM))).toHaveLength(25);
      expect(report.production).toBe(25);
    } finally {
      await db.deleteFrom('client_daily').execute();
      await db.deleteFrom('client_curve').where('usage_point_id', '=', BASE_PRM).execute();
    }
  });

  it('clears first, then imports from sum 0; lists and clears only this exporter’s statistics', async () => {
    ha = await startHaEmulator();
    const foreign = {
      source: 'other',
      name: null,
      unit_of_measurement: 'Wh',
      has_sum: true,
      mean_type: 0,
      unit_class: 'energy',
    };
    ha.seed({ ...foreign, statistic_id: 'other:consumption_11111111111111' }, [{ start: 0, sum: 1 }]);
    // A series of an option the meter no longer has (it was BASE before): cleared too.
    ha.seed({ ...foreign, source: 'myelectricaldata', statistic_id: id('consumption', HC_PRM, 'base') }, [
      { start: 0, sum: 5 },
    ]);
    const report: ImportReport = await service.import(target([HC_PRM]), { ...incremental, clearFirst: true });
    expect(report.mode).toBe('full');
    expect(report.cleared).toContain(id('consumption', HC_PRM, 'base'));
    expect(ha.statisticIds()).not.toContain(id('consumption', HC_PRM, 'base'));
    expect(held(id('consumption', HC_PRM, 'hc'))[0]?.sum).toBe(held(id('consumption', HC_PRM, 'hc'))[0]?.state);
    const listed = await service.list(target([HC_PRM]));
    expect(listed.statistics.map((item) => item.statistic_id).sort()).toEqual(
      [
        id('consumption', HC_PRM, 'hc'),
        id('consumption', HC_PRM, 'hp'),
        id('cost', HC_PRM, 'hc'),
        id('cost', HC_PRM, 'hp'),
      ].sort(),
    );
    const cleared = await service.clear(target([HC_PRM]));
    expect(cleared.cleared).toHaveLength(4);
    expect(ha.statisticIds()).toEqual(['other:consumption_11111111111111']);
  });

  it('reports HA’s refusals with stable codes: bad token, non-admin token, HA unreachable', async () => {
    ha = await startHaEmulator({ adminTokens: ['admin-token'], userTokens: ['reader'] });
    const failure = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    };
    expect((await failure(service.import(target([HC_PRM], 'stolen'), full))).code).toBe(ErrorCode.HA_AUTH_INVALID);
    expect(ha.counters.authFailures).toBe(1);
    expect((await failure(service.import(target([HC_PRM], 'reader'), full))).code).toBe(ErrorCode.HA_NOT_ADMIN);
    expect(ha.statisticIds()).toEqual([]);
    const closed = await startHaEmulator();
    const url = closed.url;
    await closed.close();
    expect((await failure(service.list({ ...target([HC_PRM]), url }))).code).toBe(ErrorCode.HA_UNREACHABLE);
  });
});
