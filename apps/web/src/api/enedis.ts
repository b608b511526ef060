import { ErrorCode, loginResponseSchema, pdlResponseSchema } from '@med/contracts';
import { isApiError } from './ApiError.ts';
import { request, type Schema } from './client.ts';

/** The metering data families of `/api/enedis/*`. */
export type MeteringDataset =
  'consumption_daily' | 'consumption_curve' | 'max_power' | 'production_daily' | 'production_curve';

/** Load curves go through the batch endpoint: server-side per-day cache, split into ≤ 7-day Enedis calls. */
const DATASET_PATHS: Record<MeteringDataset, string> = {
  consumption_daily: '/enedis/consumption/daily',
  consumption_curve: '/enedis/consumption/detail/batch',
  max_power: '/enedis/power',
  production_daily: '/enedis/production/daily',
  production_curve: '/enedis/production/detail/batch',
};

/** One reading as served: Wh (daily), W (curve, `date` = interval start) or VA (max power, `date` = peak). */
export interface MeterReading {
  value: number;
  date: string;
  interval_length?: string | undefined;
}

export interface MeterData {
  /** The `[start, end)` the server actually served (it may clamp to history and D-1). */
  start: string;
  end: string;
  readings: MeterReading[];
  /** Days without (complete) data in the range: the server's `PARTIAL_DATA`. */
  missingDates: string[];
}

// Two years of 30-min points are 35,040 readings: a hand-written check is much faster than a schema library.
const meterDataSchema: Schema<MeterData> = {
  parse(input) {
    const data = input as {
      meter_reading?: { start?: unknown; end?: unknown; interval_reading?: unknown };
      missing_dates?: unknown;
    } | null;
    const reading = data?.meter_reading;
    if (
      !reading ||
      !Array.isArray(reading.interval_reading) ||
      typeof reading.start !== 'string' ||
      typeof reading.end !== 'string'
    ) {
      throw new TypeError('meter_reading expected');
    }
    const readings: MeterReading[] = [];
    for (const raw of reading.interval_reading as unknown[]) {
      const point = raw as { value?: unknown; date?: unknown; interval_length?: unknown };
      const value = typeof point.value === 'string' ? Number(point.value) : point.value;
      if (typeof value !== 'number' || typeof point.date !== 'string') {
        throw new TypeError('reading expected');
      }
      readings.push({
        value,
        date: point.date,
        interval_length: typeof point.interval_length === 'string' ? point.interval_length : undefined,
      });
    }
    const missing = Array.isArray(data.missing_dates)
      ? data.missing_dates.filter((day): day is string => typeof day === 'string')
      : [];
    return { start: reading.start, end: reading.end, readings, missingDates: missing };
  },
};

/** Codes meaning "nothing to show for this range", not a failure: the range is simply empty. */
const EMPTY_RANGE_CODES = new Set<string>([
  ErrorCode.NO_DATA,
  ErrorCode.DATE_TOO_OLD,
  ErrorCode.BEFORE_ACTIVATION_DATE,
]);

/**
 * Reads `[start, end)` of one dataset for a meter, through the server cache (`use_cache=true`: past
 * days never change, and only missing days reach Enedis). An empty range resolves to no readings.
 */
export async function getMeterData(
  dataset: MeteringDataset,
  usagePointId: string,
  range: { start: string; end: string },
  signal?: AbortSignal,
): Promise<MeterData> {
  try {
    return await request('GET', `${DATASET_PATHS[dataset]}/${encodeURIComponent(usagePointId)}`, {
      query: { start: range.start, end: range.end, use_cache: true },
      schema: meterDataSchema,
      signal,
    });
  } catch (error) {
    if (isApiError(error) && EMPTY_RANGE_CODES.has(error.code)) {
      return { start: range.start, end: range.end, readings: [], missingDates: [] };
    }
    throw error;
  }
}

const authorizeSchema: Schema<{ authorize_url: string }> = {
  parse(input) {
    const url = (input as { authorize_url?: unknown } | null)?.authorize_url;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
      throw new TypeError('authorize_url expected');
    }
    return { authorize_url: url };
  },
};

/** The Enedis consent page URL (single-use state, valid 10 minutes). */
export function getAuthorizeUrl() {
  return request('GET', '/oauth/authorize', { schema: authorizeSchema });
}

/** Reads the contract again at Enedis (power, off-peak hours, activation) and re-detects the directions. */
export function fetchContract(pdlId: string) {
  return request('POST', `/pdl/${encodeURIComponent(pdlId)}/fetch-contract`, { schema: pdlResponseSchema });
}

/** Links a production meter to a consumption meter (null unlinks), for the balance page. */
export function linkProduction(pdlId: string, productionPdlId: string | null) {
  return request('PATCH', `/pdl/${encodeURIComponent(pdlId)}/link-production`, {
    body: { linked_production_pdl_id: productionPdlId },
    schema: pdlResponseSchema,
  });
}

/** Opens a session on the read-only demo account (only when the server enables it). */
export function loginDemo() {
  return request('POST', '/accounts/demo', { schema: loginResponseSchema });
}
