/**
 * The load curve, the daily energy and the max power of a meter must tell the same story: the adapter
 * and the web app check daily totals against summed curves, and DST days are where that breaks.
 */
import {
  addDays,
  eachDay,
  formatEnedisLocal,
  parisDate,
  parisWallClock,
  parseIsoDuration,
  resolveEndStampedPoints,
  type EnedisStamping,
} from '@med/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATHS, PRMS, readings, testEmulator, type Reading } from '../test-support.ts';

const STEP_METERS = [
  { prm: '30000000000010', stepMinutes: 10, preConsented: true },
  { prm: '30000000000015', stepMinutes: 15, preConsented: true },
  { prm: '30000000000060', stepMinutes: 60, preConsented: true },
  { prm: '30000000000020', stepMinutes: 20, directions: ['consumption', 'production'] as const, preConsented: true },
];

let app: FastifyInstance;
beforeAll(async () => {
  app = await testEmulator({
    meters: STEP_METERS.map((m) => ({ ...m, directions: m.directions ? [...m.directions] : undefined })),
  });
  app.enedisEmulator.grantConsent([PRMS.demoMain, PRMS.demoSolar, PRMS.demoSecondary]);
});
afterAll(() => app.close());

/** Whole load curve of `[start, end)` fetched in 7-day calls, as the adapter does. */
async function curve(path: string, prm: string, start: string, end: string): Promise<Reading[]> {
  const points: Reading[] = [];
  for (let from = start; from < end; from = addDays(from, 7)) {
    const to = addDays(from, 7) < end ? addDays(from, 7) : end;
    points.push(...(await readings(app, path, prm, from, to)));
  }
  return points;
}

/** Energy per Paris day of interval start, in Wh, from end-stamped points. */
function energyByDay(points: Reading[]): Map<string, number> {
  const byDay = new Map<string, number>();
  for (const { point, start, minutes } of resolveEndStampedPoints(points)) {
    const day = parisDate(start);
    byDay.set(day, (byDay.get(day) ?? 0) + (Number(point.value) * minutes) / 60);
  }
  return byDay;
}

describe('daily energy equals the sum of the load curve', () => {
  // Covers the October 2024, March 2025 and October 2025 DST changes (history limit is 2023-10-21).
  const start = '2024-10-07';
  const end = '2025-11-05';
  const cases: Array<[string, string, string, string]> = [
    ['complete sandbox meter', PRMS.complete, PATHS.consumptionLoadCurve, PATHS.dailyConsumption],
    ['demo main home', PRMS.demoMain, PATHS.consumptionLoadCurve, PATHS.dailyConsumption],
    ['demo secondary home', PRMS.demoSecondary, PATHS.consumptionLoadCurve, PATHS.dailyConsumption],
    ['demo solar, consumption', PRMS.demoSolar, PATHS.consumptionLoadCurve, PATHS.dailyConsumption],
    ['demo solar, production', PRMS.demoSolar, PATHS.productionLoadCurve, PATHS.dailyProduction],
    ['self-consumption, consumption', PRMS.selfConsumption, PATHS.consumptionLoadCurve, PATHS.dailyConsumption],
    ['self-consumption, production', PRMS.selfConsumption, PATHS.productionLoadCurve, PATHS.dailyProduction],
    ['production only', PRMS.productionOnly, PATHS.productionLoadCurve, PATHS.dailyProduction],
    ['holes on Tuesday and Wednesday', PRMS.holes, PATHS.consumptionLoadCurve, PATHS.dailyConsumption],
  ];
  for (const [name, prm, curvePath, dailyPath] of cases) {
    it(`${name}: every day from ${start} to ${end}`, async () => {
      const daily = await readings(app, dailyPath, prm, start, end);
      const summed = energyByDay(await curve(curvePath, prm, start, end));
      expect(daily.length).toBeGreaterThan(250);
      expect(summed.size).toBe(daily.length);
      for (const { date, value } of daily) {
        expect(summed.get(date), date).toBe(Number(value));
      }
    });
  }

  for (const meter of STEP_METERS) {
    it(`${meter.stepMinutes}-minute meter, around both 2025 DST changes`, async () => {
      for (const [from, to] of [
        ['2025-03-24', '2025-04-07'],
        ['2025-10-20', '2025-11-03'],
      ] as const) {
        const daily = await readings(app, PATHS.dailyConsumption, meter.prm, from, to);
        const points = await curve(PATHS.consumptionLoadCurve, meter.prm, from, to);
        expect(new Set(points.map((p) => p.interval_length))).toEqual(new Set([`PT${meter.stepMinutes}M`]));
        const summed = energyByDay(points);
        for (const { date, value } of daily) {
          expect(summed.get(date), date).toBe(Number(value));
        }
      }
    });
  }
});

describe('DST days', () => {
  const stampings: EnedisStamping[] = ['start-plus-length', 'end-instant'];
  for (const stamping of stampings) {
    it(`has 46 and 50 half-hours with strictly increasing interval starts (${stamping})`, async () => {
      app.enedisEmulator.configure({ dstStamping: stamping });
      const expectations: Array<[string, number]> = [
        ['2025-03-30', 46],
        ['2025-10-26', 50],
        ['2024-10-27', 50],
        ['2025-06-15', 48],
      ];
      for (const [day, count] of expectations) {
        const points = await readings(app, PATHS.consumptionLoadCurve, PRMS.complete, day, addDays(day, 1));
        expect(points, day).toHaveLength(count);
        const resolved = resolveEndStampedPoints(points);
        for (let i = 1; i < resolved.length; i++) {
          expect((resolved[i]?.start.getTime() ?? 0) - (resolved[i - 1]?.start.getTime() ?? 0)).toBe(1_800_000);
        }
        expect(resolved.every((r) => parisDate(r.start) === day)).toBe(true);
        expect(points.at(-1)?.date).toBe(`${addDays(day, 1)} 00:00:00`);
      }
      app.enedisEmulator.configure({ dstStamping: 'start-plus-length' });
    });
  }

  it('repeats 02:30 and 03:00 on the October day by default', async () => {
    const points = await readings(app, PATHS.consumptionLoadCurve, PRMS.complete, '2025-10-26', '2025-10-27');
    expect(points.slice(3, 8).map((p) => p.date.slice(11))).toEqual([
      '02:00:00',
      '02:30:00',
      '03:00:00',
      '02:30:00',
      '03:00:00',
    ]);
  });

  it('has 138 and 150 ten-minute points', async () => {
    expect(await readings(app, PATHS.consumptionLoadCurve, '30000000000010', '2025-03-30', '2025-03-31')).toHaveLength(
      138,
    );
    expect(await readings(app, PATHS.consumptionLoadCurve, '30000000000010', '2025-10-26', '2025-10-27')).toHaveLength(
      150,
    );
  });
});

describe('max power', () => {
  it('is at least the highest average of the day, at most the subscribed power, dated inside the peak slot', async () => {
    const start = '2025-01-06';
    const end = '2025-04-07';
    const maxPower = await readings(app, PATHS.maxPower, PRMS.complete, start, end);
    const points = resolveEndStampedPoints(await curve(PATHS.consumptionLoadCurve, PRMS.complete, start, end));
    const subscribedVa = (app.enedisEmulator.meter(PRMS.complete)?.subscribedKva ?? 0) * 1000;
    expect(maxPower).toHaveLength(eachDay(start, end).length);
    for (const { date, value } of maxPower) {
      const day = date.slice(0, 10);
      const ofDay = points.filter((p) => parisDate(p.start) === day);
      const peak = Math.max(...ofDay.map((p) => Number(p.point.value)));
      expect(Number(value), day).toBeGreaterThanOrEqual(peak);
      expect(Number(value), day).toBeLessThanOrEqual(subscribedVa);
      const peakSlot = ofDay.find((p) => Number(p.point.value) === peak);
      if (!peakSlot) {
        throw new Error(`no slot on ${day}`);
      }
      const from = formatEnedisLocal(peakSlot.start);
      const to = formatEnedisLocal(peakSlot.end).replace(`${addDays(day, 1)} 00:00:00`, `${day} 24:00:00`);
      expect(date >= from && date < to, `${date} in [${from}, ${to})`).toBe(true);
    }
  });
});

describe('realistic shapes', () => {
  it('produces nothing at night and more in summer than in winter', async () => {
    const summer = resolveEndStampedPoints(
      await readings(app, PATHS.productionLoadCurve, PRMS.productionOnly, '2025-06-16', '2025-06-23'),
    );
    const night = summer.filter((p) => {
      const { hour } = parisWallClock(p.start);
      return hour < 4 || hour >= 23;
    });
    expect(night.length).toBeGreaterThan(0);
    expect(night.every((p) => p.point.value === '0')).toBe(true);
    const total = async (from: string, to: string) =>
      (await readings(app, PATHS.dailyProduction, PRMS.productionOnly, from, to)).reduce(
        (sum, r) => sum + Number(r.value),
        0,
      );
    expect(await total('2025-06-01', '2025-07-01')).toBeGreaterThan(1.8 * (await total('2024-12-01', '2025-01-01')));
  });

  it('consumes more in winter than in summer, and little when the secondary home is empty', async () => {
    const total = async (prm: string, from: string, to: string) =>
      (await readings(app, PATHS.dailyConsumption, prm, from, to)).reduce((sum, r) => sum + Number(r.value), 0);
    expect(await total(PRMS.demoMain, '2025-01-01', '2025-02-01')).toBeGreaterThan(
      1.6 * (await total(PRMS.demoMain, '2025-07-01', '2025-08-01')),
    );
    const yearly = (await total(PRMS.demoMain, '2024-11-01', '2025-11-01')) / 365;
    expect(yearly).toBeGreaterThan(17_000);
    expect(yearly).toBeLessThan(23_000);
    const empty = await total(PRMS.demoSecondary, '2025-03-01', '2025-04-01');
    const occupied = await total(PRMS.demoSecondary, '2025-08-01', '2025-09-01');
    expect(occupied).toBeGreaterThan(4 * empty);
  });

  it('has a morning and an evening peak on an ordinary weekday', async () => {
    const days = eachDay('2025-05-12', '2025-05-17'); // Monday to Friday, no heating
    const byHour = new Array<number>(24).fill(0);
    for (const day of days) {
      for (const p of resolveEndStampedPoints(
        await readings(app, PATHS.consumptionLoadCurve, PRMS.demoMain, day, addDays(day, 1)),
      )) {
        byHour[parisWallClock(p.start).hour]! +=
          Number(p.point.value) * (parseIsoDuration(p.point.interval_length ?? 'PT30M') / 60);
      }
    }
    const mean = (hours: number[]) => hours.reduce((s, h) => s + (byHour[h] ?? 0), 0) / hours.length;
    expect(mean([7, 8])).toBeGreaterThan(mean([3, 4]));
    expect(mean([19, 20])).toBeGreaterThan(mean([14, 15]));
  });
});
