import type { Pdl } from '@med/contracts';
import { parisDateFast } from '@med/core';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import {
  completeCurveDays,
  dailyDays,
  maxPowerDays,
  upsertCurve,
  upsertDaily,
  upsertMaxPower,
  type Direction,
} from './client-data.repository.ts';

export type ReadingDataset =
  'consumption_daily' | 'consumption_curve' | 'max_power' | 'production_daily' | 'production_curve';
export type MeterDataset = 'contract' | 'address' | ReadingDataset;

const readingSchema = z.object({
  value: z.coerce.number(),
  date: z.string(),
  interval_length: z.string().optional(),
});
/** The gateway's `/api/enedis/*` answer (our envelope, Enedis-shaped body). */
export const meterReadingBodySchema = z.object({
  data: z.object({
    meter_reading: z.object({ interval_reading: z.array(readingSchema) }),
    missing_dates: z.array(z.string()).optional(),
  }),
});
export type GatewayReading = z.infer<typeof readingSchema>;

/** A reading the gateway stamped with a time it could not have (no offset, unparsable). */
export class ReadingFormatError extends Error {}

function instantOf(date: string): number {
  // RFC 3339 with an offset only: a naive local time is ambiguous on the October DST day.
  if (!/(Z|[+-]\d\d:\d\d)$/.test(date)) {
    throw new ReadingFormatError(`reading stamped without an offset: ${date}`);
  }
  const ms = Date.parse(date);
  if (Number.isNaN(ms)) {
    throw new ReadingFormatError(`unreadable reading date: ${date}`);
  }
  return ms;
}

function minutesOf(intervalLength: string | undefined): number {
  const match = intervalLength ? /^PT(\d+)M$/.exec(intervalLength) : null;
  if (!match?.[1]) {
    throw new ReadingFormatError(`unreadable interval_length: ${intervalLength ?? '(none)'}`);
  }
  return Number(match[1]);
}

/**
 * One kind of reading the client keeps: where the gateway serves it, how far back, how much one gateway
 * call may cover, which days are complete locally, and how a gateway answer is stored.
 */
export interface ReadingDatasetSpec {
  name: ReadingDataset;
  direction: Direction;
  /** Gateway path below MED_API_URL. */
  path: (usagePointId: string) => string;
  historyMonths: number;
  /** Days per gateway call: bounds the answer's size and its time at the gateway (Enedis pace). */
  maxDaysPerCall: number;
  appliesTo: (pdl: Pdl) => boolean;
  completeDays: (db: Db, usagePointId: string, start: string, end: string) => Promise<Set<string>>;
  /** Stores the readings (one transaction); returns the rows written. */
  write: (db: Db, usagePointId: string, readings: readonly GatewayReading[]) => Promise<number>;
}

function dailySpec(direction: Direction): ReadingDatasetSpec {
  return {
    name: direction === 'consumption' ? 'consumption_daily' : 'production_daily',
    direction,
    path: (prm) => `/enedis/${direction}/daily/${prm}`,
    historyMonths: 36,
    // The whole history in one call: the gateway splits it into 365-day Enedis calls and counts one quota unit.
    maxDaysPerCall: 1200,
    appliesTo: (pdl) => (direction === 'consumption' ? pdl.has_consumption : pdl.has_production),
    completeDays: (db, prm, start, end) => dailyDays(db, prm, direction, start, end),
    async write(db, prm, readings) {
      const rows = readings.map((reading) => ({ day: reading.date.slice(0, 10), valueWh: Math.round(reading.value) }));
      await upsertDaily(db, prm, direction, rows);
      return rows.length;
    },
  };
}

function curveSpec(direction: Direction): ReadingDatasetSpec {
  return {
    name: direction === 'consumption' ? 'consumption_curve' : 'production_curve',
    direction,
    path: (prm) => `/enedis/${direction}/detail/batch/${prm}`,
    historyMonths: 24,
    // Half a year per call: ~9,000 points and 27 Enedis calls at the gateway, well inside MED_TIMEOUT_MS.
    maxDaysPerCall: 183,
    appliesTo: (pdl) => (direction === 'consumption' ? pdl.has_consumption : pdl.has_production),
    completeDays: (db, prm, start, end) => completeCurveDays(db, prm, direction, start, end),
    async write(db, prm, readings) {
      const rows = readings.map((reading) => {
        const startMs = instantOf(reading.date);
        const startAt = new Date(startMs);
        return {
          startAt: startAt.toISOString(),
          day: parisDateFast(startAt),
          minutes: minutesOf(reading.interval_length),
          valueW: Math.round(reading.value),
        };
      });
      await upsertCurve(db, prm, direction, rows);
      return rows.length;
    },
  };
}

const maxPowerSpec: ReadingDatasetSpec = {
  name: 'max_power',
  direction: 'consumption',
  path: (prm) => `/enedis/power/${prm}`,
  historyMonths: 36,
  maxDaysPerCall: 1200,
  appliesTo: (pdl) => pdl.has_consumption,
  completeDays: (db, prm, start, end) => maxPowerDays(db, prm, start, end),
  async write(db, prm, readings) {
    const rows = readings.map((reading) => {
      const at = new Date(instantOf(reading.date));
      return { day: parisDateFast(at), valueVa: Math.round(reading.value), at: at.toISOString() };
    });
    await upsertMaxPower(db, prm, rows);
    return rows.length;
  },
};

/** In sync order: the small daily sets first, so a quota cut leaves the most useful data stored. */
export const READING_DATASETS: readonly ReadingDatasetSpec[] = [
  dailySpec('consumption'),
  maxPowerSpec,
  dailySpec('production'),
  curveSpec('consumption'),
  curveSpec('production'),
];
