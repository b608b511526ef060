import { parisInstantsOfLocalTime, parseDateWithOffset, parseEnedisOffpeak, resolveEndStampedPoints } from '@med/core';
import { z } from 'zod';
import type { EnedisHttp } from './enedis-http.ts';
import { SYSTEM_LANE } from './enedis-pacer.ts';

export type Direction = 'consumption' | 'production';

/** Energy of one calendar day, Wh. */
export interface DailyValue {
  date: string;
  value: number;
}

/** One load-curve interval: average power in W over [start, end). */
export interface CurvePoint {
  start: Date;
  end: Date;
  minutes: number;
  value: number;
}

/** Peak apparent power of a day (VA) and when it happened. */
export interface MaxPowerValue {
  date: string;
  at: Date;
  value: number;
}

export interface ContractInfo {
  subscribedPowerKva: number | null;
  offpeakRanges: string[] | null;
  offpeakText: string | null;
  activationDate: string | null;
  raw: unknown;
}

const PATHS = {
  consumptionDaily: '/metering_data_dc/v5/daily_consumption',
  consumptionCurve: '/metering_data_clc/v5/consumption_load_curve',
  maxPower: '/metering_data_dcmp/v5/daily_consumption_max_power',
  productionDaily: '/metering_data_dp/v5/daily_production',
  productionCurve: '/metering_data_plc/v5/production_load_curve',
  contract: '/customers_upc/v5/usage_points/contracts',
  address: '/customers_upa/v5/usage_points/addresses',
  identity: '/customers_i/v5/identity',
  contact: '/customers_cd/v5/contact_data',
} as const;

// Values arrive as integer strings; some clients have seen numbers. Both become integers here.
const integerValue = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const number = Number(value);
  if (!Number.isFinite(number)) {
    ctx.addIssue({ code: 'custom', message: `not a number: ${String(value)}` });
    return z.NEVER;
  }
  return Math.round(number);
});
const meterReadingSchema = z.object({
  meter_reading: z.object({
    interval_reading: z
      .array(z.object({ value: integerValue, date: z.string(), interval_length: z.string().optional() }))
      .default([]),
  }),
});

/**
 * Typed Enedis Data Connect v5 calls. Everything Enedis-specific ends here: strings become integers,
 * end-stamped local load-curve times become UTC interval starts, contract text becomes structured data.
 * Every call is paced on `lane` (the user it is made for), see enedis-pacer.ts.
 */
export function createEnedisApi(http: EnedisHttp, lane: string = SYSTEM_LANE, debug = false) {
  async function readings(path: string, prm: string, start: string, end: string, signal?: AbortSignal) {
    const body = await http.get<unknown>(path, { usage_point_id: prm, start, end }, { lane, signal, debug });
    return meterReadingSchema.parse(body).meter_reading.interval_reading;
  }

  async function daily(
    path: string,
    prm: string,
    start: string,
    end: string,
    signal?: AbortSignal,
  ): Promise<DailyValue[]> {
    return (await readings(path, prm, start, end, signal)).map((point) => ({
      date: point.date.slice(0, 10),
      value: point.value,
    }));
  }

  async function curve(
    path: string,
    prm: string,
    start: string,
    end: string,
    signal?: AbortSignal,
  ): Promise<CurvePoint[]> {
    const points = await readings(path, prm, start, end, signal);
    return resolveEndStampedPoints(points, { defaultIntervalLength: 'PT30M' }).map((interval) => ({
      start: interval.start,
      end: interval.end,
      minutes: interval.minutes,
      value: interval.point.value,
    }));
  }

  return {
    dailyEnergy: (direction: Direction, prm: string, start: string, end: string, signal?: AbortSignal) =>
      daily(direction === 'consumption' ? PATHS.consumptionDaily : PATHS.productionDaily, prm, start, end, signal),

    loadCurve: (direction: Direction, prm: string, start: string, end: string, signal?: AbortSignal) =>
      curve(direction === 'consumption' ? PATHS.consumptionCurve : PATHS.productionCurve, prm, start, end, signal),

    async maxPower(prm: string, start: string, end: string, signal?: AbortSignal): Promise<MaxPowerValue[]> {
      return (await readings(PATHS.maxPower, prm, start, end, signal)).map((point) => {
        // The timestamp is the moment of the peak, Paris wall clock; in the repeated October hour take the first.
        const at =
          parisInstantsOfLocalTime(point.date.length === 10 ? `${point.date} 00:00:00` : point.date)[0] ??
          new Date(`${point.date.slice(0, 10)}T00:00:00Z`);
        return { date: point.date.slice(0, 10), at, value: point.value };
      });
    },

    async contract(prm: string): Promise<ContractInfo> {
      const raw = await http.get<unknown>(PATHS.contract, { usage_point_id: prm }, { lane, debug });
      const contracts = z
        .object({
          customer: z.object({
            usage_points: z.array(
              z.object({
                contracts: z
                  .object({
                    subscribed_power: z.string().nullish(),
                    offpeak_hours: z.string().nullish(),
                    last_activation_date: z.string().nullish(),
                  })
                  .passthrough(),
              }),
            ),
          }),
        })
        .safeParse(raw);
      const first = contracts.success ? contracts.data.customer.usage_points[0]?.contracts : undefined;
      const power = first?.subscribed_power ? Number.parseFloat(first.subscribed_power) : Number.NaN;
      return {
        subscribedPowerKva: Number.isFinite(power) ? Math.round(power) : null,
        offpeakRanges: parseEnedisOffpeak(first?.offpeak_hours),
        offpeakText: first?.offpeak_hours ?? null,
        activationDate: first?.last_activation_date ? parseDateWithOffset(first.last_activation_date) : null,
        raw,
      };
    },

    customerData: (kind: 'contract' | 'address' | 'identity' | 'contact', prm: string) =>
      http.get<unknown>(PATHS[kind], { usage_point_id: prm }, { lane, debug }),
  };
}
export type EnedisApi = ReturnType<typeof createEnedisApi>;
