import { ErrorCode } from '@med/contracts';
import { dailyFromReadings, toEnergySlots, type Consumption } from '@med/core';
import { AppError } from '../../http/app-error.ts';
import type { MeterReading } from '../metering/metering.service.ts';

/** Reads one metering dataset of the meter over `[start, end)` through the metering path (cache, consent, quota). */
export type ReadMetering = (
  dataset: 'consumption_daily' | 'consumption_curve',
  start: string,
  end: string,
) => Promise<MeterReading>;

/** Load-curve answers that only mean "price these days from the daily totals". */
const CURVE_UNAVAILABLE = new Set<string>([
  ErrorCode.NO_DATA,
  ErrorCode.DATE_TOO_OLD,
  ErrorCode.LOAD_CURVE_DISABLED,
  ErrorCode.BEFORE_ACTIVATION_DATE,
]);

/**
 * The meter's consumption over `[start, end)`: the daily totals (whose errors are the answer: no data,
 * consent, Enedis down…) and the load curve where Enedis keeps one (24 months; a meter may have it off).
 * The engine prices each day from its curve when complete, else from its daily total.
 */
export async function meterConsumption(read: ReadMetering, start: string, end: string): Promise<Consumption> {
  const daily = await read('consumption_daily', start, end);
  let curve: MeterReading | undefined;
  try {
    curve = await read('consumption_curve', start, end);
  } catch (error) {
    if (!(error instanceof AppError && CURVE_UNAVAILABLE.has(error.code))) {
      throw error;
    }
  }
  return {
    daily: dailyFromReadings(daily.readings()).map(({ date, wh }) => ({ date, wh })),
    curve: curve ? toEnergySlots(curve.readings()).slots : [],
  };
}
