import { ErrorCode } from '@med/contracts';
import { eachDay, parisToday } from '@med/core';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { AppError, notFound, tooManyRequests, unprocessable } from '../../http/app-error.ts';
import type { GatewayClient } from '../gateway-client/gateway-client.ts';
import { GatewayError } from '../gateway-client/gateway-errors.ts';
import { DATASETS } from '../metering/datasets.ts';
import { planMeteringRange } from '../metering/metering-range.ts';
import type { MeterReading } from '../metering/metering.service.ts';
import { readCurve, readDaily, readMaxPower } from '../sync/client-data.repository.ts';
import { findMeter, saveCustomerDocument, type ClientMeter } from '../sync/client-meters.repository.ts';
import {
  READING_DATASETS,
  meterReadingBodySchema,
  type ReadingDataset,
  type ReadingDatasetSpec,
} from '../sync/sync-datasets.ts';
import { fetchRanges } from '../sync/sync.service.ts';

/**
 * A day the gateway was just asked for and still lacks (Enedis publishes late) is not asked again for this
 * long: every page view would otherwise spend one of the gateway's calls on the same missing D-1.
 */
export const MISSING_DAY_RETRY_MS = 30 * 60_000;

const documentSchema = z.object({ data: z.unknown() });

export interface LocalMeteringDeps {
  db: Db;
  gateway: GatewayClient;
  log: FastifyBaseLogger;
  now?: () => Date;
}

/** The gateway's refusal, as this client's own answer when nothing local can be served instead. */
function asAppError(error: GatewayError): AppError {
  if (error.problem === 'quota_exceeded') {
    return tooManyRequests(
      ErrorCode.RATE_LIMIT_EXCEEDED,
      `Quota de la passerelle atteint : ${error.message}`,
      (error.retryAfterMs ?? 3600_000) / 1000,
    );
  }
  if (error.problem === 'refused' && error.status !== undefined && error.status < 500 && error.code) {
    const code = Object.values(ErrorCode).find((known) => known === error.code);
    if (code !== undefined) {
      return new AppError(error.status, code, error.message);
    }
  }
  return new AppError(503, ErrorCode.SERVICE_UNAVAILABLE, `Passerelle indisponible : ${error.message}`);
}

/** Local rows of one data set over `[start, end)`, in the gateway metering answer's compact form, by day. */
async function storedByDay(
  db: Db,
  spec: ReadingDatasetSpec,
  usagePointId: string,
  start: string,
  end: string,
): Promise<Map<string, unknown[]>> {
  const byDay = new Map<string, unknown[]>();
  const add = (day: string, stored: unknown) => {
    const list = byDay.get(day);
    if (list) {
      list.push(stored);
    } else {
      byDay.set(day, [stored]);
    }
  };
  if (spec.name === 'max_power') {
    for (const row of await readMaxPower(db, usagePointId, start, end)) {
      add(row.day, [Date.parse(row.at), row.valueVa]);
    }
  } else if (spec.name.endsWith('_curve')) {
    for (const row of await readCurve(db, usagePointId, spec.direction, start, end)) {
      add(row.day, [Date.parse(row.startAt), row.minutes, row.valueW]);
    }
  } else {
    for (const row of await readDaily(db, usagePointId, spec.direction, start, end)) {
      add(row.day, row.valueWh);
    }
  }
  return byDay;
}

/**
 * The client's answers on the reference's `/api/enedis/*` paths, local-first: the stored rows, and the days
 * missing or incomplete locally asked of the gateway (as the sync does: merged ranges, `use_cache=true`),
 * stored, then served — the same shapes, limits and refusals as the gateway's metering routes, so the web
 * app and existing clients read a local client like a gateway. When the gateway cannot fill the gaps (down,
 * quota, not published yet), what is stored is served with the rest in `missing_dates`.
 */
export function createLocalMeteringService(deps: LocalMeteringDeps) {
  const now = deps.now ?? (() => new Date());
  const askedAt = new Map<string, number>();

  async function meterOf(usagePointId: string): Promise<ClientMeter> {
    const meter = await findMeter(deps.db, usagePointId);
    if (!meter) {
      throw notFound(ErrorCode.PDL_NOT_FOUND, 'PDL introuvable sur votre compte.');
    }
    return meter;
  }

  /** Asks the gateway for the missing days (not asked lately) and stores them; its refusal, if any. */
  async function fill(spec: ReadingDatasetSpec, usagePointId: string, missing: string[]): Promise<GatewayError | null> {
    const at = now().getTime();
    for (const [key, time] of askedAt) {
      if (at - time >= MISSING_DAY_RETRY_MS) {
        askedAt.delete(key);
      }
    }
    const toAsk = missing.filter((day) => !askedAt.has(`${usagePointId}/${spec.name}/${day}`));
    for (const range of fetchRanges(toAsk, spec.maxDaysPerCall)) {
      try {
        const body = meterReadingBodySchema.parse(
          await deps.gateway.getJson(spec.path(usagePointId), {
            query: { start: range.start, end: range.end, use_cache: 'true' },
          }),
        );
        await spec.write(deps.db, usagePointId, body.data.meter_reading.interval_reading);
        for (const day of eachDay(range.start, range.end)) {
          askedAt.set(`${usagePointId}/${spec.name}/${day}`, at);
        }
      } catch (error) {
        if (!(error instanceof GatewayError)) {
          throw error;
        }
        deps.log.warn({ dataset: spec.name, problem: error.problem, status: error.status }, error.message);
        return error;
      }
    }
    return null;
  }

  return {
    async read(
      dataset: ReadingDataset,
      request: { usagePointId: string; start: string; end: string },
    ): Promise<MeterReading> {
      const spec = READING_DATASETS.find((candidate) => candidate.name === dataset);
      if (!spec) {
        throw new Error(`unknown data set ${dataset}`);
      }
      const served = DATASETS[dataset];
      const meter = await meterOf(request.usagePointId);
      const range = planMeteringRange(
        request,
        spec.historyMonths,
        meter.pdl.activation_date?.slice(0, 10) ?? null,
        parisToday(now()),
      );
      if (!spec.appliesTo(meter.pdl)) {
        const what = spec.direction === 'production' ? 'la production' : 'la consommation';
        throw unprocessable(ErrorCode.WRONG_DIRECTION, `Ce PDL ne mesure pas ${what} d’après la passerelle.`);
      }
      const days = eachDay(range.start, range.end);
      const complete = await spec.completeDays(deps.db, meter.usagePointId, range.start, range.end);
      const missing = days.filter((day) => !complete.has(day));
      const refusal = missing.length > 0 ? await fill(spec, meter.usagePointId, missing) : null;

      const byDay = await storedByDay(deps.db, spec, meter.usagePointId, range.start, range.end);
      // The metering specs' own judgement and writers: a local answer is written like the gateway's.
      const isComplete = served.isComplete as (day: string, stored: readonly unknown[]) => boolean;
      const serveJson = served.serveJson as (stored: unknown, day: string) => string;
      const serve = served.serve as (stored: unknown, day: string) => ReturnType<(typeof served)['serve']>;
      let count = 0;
      const incomplete: string[] = [];
      for (const day of days) {
        const stored = byDay.get(day);
        count += stored?.length ?? 0;
        if (!stored || !isComplete(day, stored)) {
          incomplete.push(day);
        }
      }
      if (count === 0) {
        throw refusal ? asAppError(refusal) : notFound(ErrorCode.NO_DATA, 'Aucune donnée Enedis sur cette période.');
      }
      return {
        usage_point_id: meter.usagePointId,
        start: range.start,
        end: range.end,
        reading_type: served.readingType,
        count,
        *readingsJson() {
          for (const day of days) {
            const stored = byDay.get(day);
            if (stored && stored.length > 0) {
              yield stored.map((entry) => serveJson(entry, day)).join(',');
            }
          }
        },
        readings() {
          return days.flatMap((day) => (byDay.get(day) ?? []).map((entry) => serve(entry, day)));
        },
        missing_dates: incomplete,
      };
    },

    /** Contract or address: the stored document, else the gateway's, stored for next time. */
    async document(kind: 'contract' | 'address', usagePointId: string): Promise<unknown> {
      const meter = await meterOf(usagePointId);
      const stored = kind === 'contract' ? meter.contract : meter.address;
      if (stored !== null) {
        return stored;
      }
      try {
        const body = documentSchema.parse(await deps.gateway.getJson(`/enedis/${kind}/${usagePointId}`));
        await saveCustomerDocument(deps.db, usagePointId, kind, body.data);
        return body.data;
      } catch (error) {
        throw error instanceof GatewayError ? asAppError(error) : error;
      }
    },
  };
}
export type LocalMeteringService = ReturnType<typeof createLocalMeteringService>;
