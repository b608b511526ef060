import { pdlResponseSchema, type Pdl } from '@med/contracts';
import { addDays, addMonths, eachDay, parisToday, planRange, type DateRange } from '@med/core';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import type { GatewayClient } from '../gateway-client/gateway-client.ts';
import { GatewayError } from '../gateway-client/gateway-errors.ts';
import { listMeters, replaceMeters, saveCustomerDocument, type ClientMeter } from './client-meters.repository.ts';
import {
  READING_DATASETS,
  meterReadingBodySchema,
  type MeterDataset,
  type ReadingDatasetSpec,
} from './sync-datasets.ts';
import { DEFAULT_CALL_MS, gatewayUsageSchema, type GatewayQuota } from './sync-estimate.ts';
import { readSyncStates, recordSyncState, type SyncStateRow } from './sync-state.repository.ts';

/**
 * A data set with missing days is asked again at most this often by scheduled runs (a manual run always
 * asks): Enedis publishes D-1 in the morning, sometimes days late, and each ask that reaches Enedis
 * costs one of the gateway's 50 daily no-cache calls.
 */
export const RECHECK_INTERVAL_MS = 4 * 3600_000;
/** Contract and address change rarely: re-read once a day. */
const CUSTOMER_REFRESH_MS = 24 * 3600_000;
/**
 * Missing days this recent do not count as first-sync work left: Enedis publishes them late and the
 * scheduled runs re-read them anyway.
 */
const RECENT_DAYS = 7;

const pdlListSchema = z.object({ data: z.array(pdlResponseSchema) });
const documentSchema = z.object({ data: z.unknown() });

export interface SyncProgress {
  type: 'started' | 'dataset' | 'finished' | 'quota_exceeded' | 'failed';
  usage_point_id: string | null;
  dataset: MeterDataset | 'meters' | null;
  message: string;
  /** Rows written so far in this run. */
  rows: number;
  /** Gateway calls made so far in this run. */
  calls: number;
  /** When a quota cut stopped the run: when it resumes. */
  resume_at: string | null;
  at: string;
}

export interface SyncOptions {
  /** A person asked ("sync now"): data sets with missing days are asked again whatever their last attempt. */
  manual: boolean;
  /** Only this meter (`POST /api/sync/trigger/:pdl`). */
  usagePointId?: string;
  signal?: AbortSignal;
}

export interface SyncReport {
  meters: number;
  calls: number;
  rows: number;
  /** The gateway's quota stopped the run: it resumes at this instant, where it stopped. */
  resumeAt: Date | null;
}

export interface SyncServiceDeps {
  db: Db;
  gateway: GatewayClient;
  log: FastifyBaseLogger;
  now?: () => Date;
}

/** The gateway's quota cut the run: it resumes after `retryAt`. */
export class QuotaExhausted extends Error {
  readonly retryAt: Date;
  constructor(message: string, retryAt: Date) {
    super(message);
    this.name = 'QuotaExhausted';
    this.retryAt = retryAt;
  }
}

/** Merges the missing-day runs into calls of at most `maxDays`: few calls, none longer than allowed. */
export function fetchRanges(missingDays: readonly string[], maxDays: number): DateRange[] {
  const ranges: DateRange[] = [];
  for (const day of missingDays) {
    const last = ranges.at(-1);
    if (last && addDays(last.start, maxDays) > day) {
      last.end = addDays(day, 1);
    } else {
      ranges.push({ start: day, end: addDays(day, 1) });
    }
  }
  return ranges;
}

/**
 * The client's sync engine. Per meter of the gateway's `/api/pdl`: contract and address, then every
 * reading data set over its history (3 years daily and max power, 2 years of load curve), asking the
 * gateway only for days that are missing or incomplete locally (a load-curve day is complete when its
 * intervals cover the whole Paris day). Each gateway answer is stored in one transaction with upserts,
 * so a crash loses at most the answer in flight and a replay duplicates nothing. The gateway's 429 stops
 * the run (`QuotaExhausted` with its Retry-After); the next run starts where this one stopped.
 */
export function createSyncService(deps: SyncServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const listeners = new Set<(progress: SyncProgress) => void>();
  let current: Promise<SyncReport> | null = null;
  // Aborts any run (scheduled or manual) on shutdown, before the database closes under it.
  const stopping = new AbortController();
  let lastProgress: SyncProgress | null = null;
  // Measured pace of the reading calls (for the first-sync estimate) and the gateway's quota as last read.
  let averageCallMs = DEFAULT_CALL_MS;
  let gatewayQuota: GatewayQuota | null = null;

  /** Best effort: the gateway's own count of today's calls (an older gateway may not have the route). */
  async function readGatewayQuota(): Promise<void> {
    try {
      const body = gatewayUsageSchema.parse(await deps.gateway.getJson('/accounts/usage-stats'));
      gatewayQuota = {
        used: body.data.no_cache_requests,
        limit: body.data.no_cache_limit,
        resetAt: body.data.reset_at,
      };
    } catch (error) {
      deps.log.debug({ err: error }, 'sync: the gateway did not give its quota usage');
    }
  }

  async function syncMeters(signal?: AbortSignal): Promise<Pdl[]> {
    const body = pdlListSchema.parse(await deps.gateway.getJson('/pdl', signal ? { signal } : {}));
    await replaceMeters(deps.db, body.data, now());
    return body.data;
  }

  function windowOf(spec: ReadingDatasetSpec, pdl: Pdl): DateRange | null {
    const today = parisToday(now());
    const plan = planRange({
      start: addMonths(today, -spec.historyMonths),
      end: today,
      today,
      historyMonths: spec.historyMonths,
      activationDate: pdl.activation_date?.slice(0, 10) ?? null,
    });
    return plan.ok ? plan.range : null;
  }

  function due(state: SyncStateRow | undefined, manual: boolean, intervalMs: number): boolean {
    if (manual || !state?.lastAttemptAt || state.status === 'quota_exceeded') {
      return true;
    }
    return now().getTime() - Date.parse(state.lastAttemptAt) >= intervalMs;
  }

  async function run(options: SyncOptions): Promise<SyncReport> {
    const report: SyncReport = { meters: 0, calls: 0, rows: 0, resumeAt: null };
    const emit = (progress: Omit<SyncProgress, 'rows' | 'calls' | 'at' | 'resume_at'> & { resume_at?: string }) => {
      const event: SyncProgress = {
        resume_at: null,
        ...progress,
        rows: report.rows,
        calls: report.calls,
        at: now().toISOString(),
      };
      lastProgress = event;
      for (const listener of listeners) {
        listener(event);
      }
    };
    const call = async (path: string, query?: Record<string, string>) => {
      report.calls += 1;
      return deps.gateway.getJson(path, {
        ...(query ? { query } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    };

    emit({
      type: 'started',
      usage_point_id: options.usagePointId ?? null,
      dataset: 'meters',
      message: 'Liste des PDL',
    });
    report.calls += 1;
    await syncMeters(options.signal);
    const meters = (await listMeters(deps.db)).filter(
      (meter) =>
        meter.pdl.is_active && (options.usagePointId === undefined || meter.usagePointId === options.usagePointId),
    );
    report.meters = meters.length;
    const states = new Map(
      (await readSyncStates(deps.db)).map((state) => [`${state.usagePointId}/${state.dataset}`, state]),
    );

    const syncCustomer = async (meter: ClientMeter, kind: 'contract' | 'address') => {
      // Asked once a day, stored or refused (a production-only meter has no contract to give).
      if (!due(states.get(`${meter.usagePointId}/${kind}`), options.manual, CUSTOMER_REFRESH_MS)) {
        return;
      }
      emit({ type: 'dataset', usage_point_id: meter.usagePointId, dataset: kind, message: kind });
      const body = documentSchema.parse(await call(`/enedis/${kind}/${meter.usagePointId}`, { use_cache: 'true' }));
      await saveCustomerDocument(deps.db, meter.usagePointId, kind, body.data);
      await recordSyncState(deps.db, { usagePointId: meter.usagePointId, dataset: kind, status: 'ok', at: now() });
    };

    const syncReadings = async (meter: ClientMeter, spec: ReadingDatasetSpec) => {
      const window = windowOf(spec, meter.pdl);
      if (window === null) {
        return;
      }
      const complete = await spec.completeDays(deps.db, meter.usagePointId, window.start, window.end);
      const missing = eachDay(window.start, window.end).filter((day) => !complete.has(day));
      const state = states.get(`${meter.usagePointId}/${spec.name}`);
      if (missing.length === 0) {
        if (state?.status !== 'ok') {
          await recordSyncState(deps.db, {
            usagePointId: meter.usagePointId,
            dataset: spec.name,
            status: 'ok',
            at: now(),
          });
        }
        return;
      }
      if (!due(state, options.manual, RECHECK_INTERVAL_MS)) {
        return;
      }
      let stillMissing = 0;
      for (const range of fetchRanges(missing, spec.maxDaysPerCall)) {
        emit({
          type: 'dataset',
          usage_point_id: meter.usagePointId,
          dataset: spec.name,
          message: `${spec.name} ${range.start} → ${range.end}`,
        });
        const began = performance.now();
        const body = meterReadingBodySchema.parse(
          await call(spec.path(meter.usagePointId), { start: range.start, end: range.end, use_cache: 'true' }),
        );
        // A moving average: the pace changes with the gateway's cache and its Enedis share.
        averageCallMs = Math.round(averageCallMs * 0.7 + (performance.now() - began) * 0.3);
        report.rows += await spec.write(deps.db, meter.usagePointId, body.data.meter_reading.interval_reading);
        stillMissing += body.data.missing_dates?.length ?? 0;
      }
      await recordSyncState(deps.db, {
        usagePointId: meter.usagePointId,
        dataset: spec.name,
        status: stillMissing > 0 ? 'partial' : 'ok',
        at: now(),
        ...(stillMissing > 0 ? { error: `${stillMissing} jour(s) non publiés par Enedis` } : {}),
      });
    };

    for (const meter of meters) {
      // Readings first: under a tight quota they matter more than the contract and address documents.
      const steps: [MeterDataset, () => Promise<void>][] = [
        ...READING_DATASETS.filter((spec) => spec.appliesTo(meter.pdl)).map(
          (spec): [MeterDataset, () => Promise<void>] => [spec.name, () => syncReadings(meter, spec)],
        ),
        ['contract', () => syncCustomer(meter, 'contract')],
        ['address', () => syncCustomer(meter, 'address')],
      ];
      for (const [dataset, step] of steps) {
        options.signal?.throwIfAborted();
        try {
          await step();
        } catch (error) {
          if (
            !(error instanceof GatewayError) ||
            error.problem === 'unreachable' ||
            error.problem === 'not_configured'
          ) {
            throw error;
          }
          const at = now();
          await recordSyncState(deps.db, {
            usagePointId: meter.usagePointId,
            dataset,
            status: error.problem === 'quota_exceeded' ? 'quota_exceeded' : 'error',
            at,
            error: error.message,
            ...(error.code ? { errorCode: error.code } : {}),
          });
          if (error.problem === 'quota_exceeded') {
            // Without Retry-After: the gateway's quotas reset at midnight Paris time.
            const resumeAt = new Date(at.getTime() + (error.retryAfterMs ?? 3600_000));
            report.resumeAt = resumeAt;
            await readGatewayQuota();
            emit({
              type: 'quota_exceeded',
              usage_point_id: meter.usagePointId,
              dataset,
              message: error.message,
              resume_at: resumeAt.toISOString(),
            });
            throw new QuotaExhausted(error.message, resumeAt);
          }
          // One refused data set (a production-only meter's contract…) does not stop the others.
          deps.log.warn({ dataset, problem: error.problem, status: error.status }, `sync: ${error.message}`);
        }
      }
    }
    if (report.calls > 1) {
      // Something was asked beyond the meter list: the gateway's count moved.
      await readGatewayQuota();
    }
    emit({
      type: 'finished',
      usage_point_id: options.usagePointId ?? null,
      dataset: null,
      message: 'Synchronisation terminée',
    });
    return report;
  }

  /**
   * Gateway calls the first sync still needs, from what is stored (no gateway call): per meter and data set
   * not yet through a whole pass (`ok`, or `partial` with the days Enedis has not published), the calls
   * covering its missing days older than the last week; and the documents never obtained.
   */
  async function remainingCalls(): Promise<number> {
    const states = new Map(
      (await readSyncStates(deps.db)).map((state) => [`${state.usagePointId}/${state.dataset}`, state]),
    );
    const recent = addDays(parisToday(now()), -RECENT_DAYS);
    let calls = 0;
    for (const meter of (await listMeters(deps.db)).filter((m) => m.pdl.is_active)) {
      for (const spec of READING_DATASETS.filter((s) => s.appliesTo(meter.pdl))) {
        const window = windowOf(spec, meter.pdl);
        const status = states.get(`${meter.usagePointId}/${spec.name}`)?.status;
        if (status === 'ok' || status === 'partial' || window === null || window.start >= recent) {
          continue;
        }
        const complete = await spec.completeDays(deps.db, meter.usagePointId, window.start, recent);
        const missing = eachDay(window.start, recent).filter((day) => !complete.has(day));
        calls += fetchRanges(missing, spec.maxDaysPerCall).length;
      }
      for (const kind of ['contract', 'address']) {
        // A refusal (a production-only meter has no contract) is an answer too: only never asked or cut counts.
        const state = states.get(`${meter.usagePointId}/${kind}`);
        calls += state === undefined || state.status === 'quota_exceeded' ? 1 : 0;
      }
    }
    return calls;
  }

  return {
    syncMeters,
    remainingCalls,
    get averageCallMs(): number {
      return averageCallMs;
    },
    get gatewayQuota(): GatewayQuota | null {
      return gatewayQuota;
    },
    /** One run at a time: a trigger during a run joins it. */
    sync(options: SyncOptions): Promise<SyncReport> {
      const signal = options.signal ? AbortSignal.any([options.signal, stopping.signal]) : stopping.signal;
      current ??= run({ ...options, signal })
        .catch((error: unknown) => {
          if (!(error instanceof QuotaExhausted)) {
            for (const listener of listeners) {
              listener({
                type: 'failed',
                usage_point_id: options.usagePointId ?? null,
                dataset: null,
                message: error instanceof Error ? error.message : String(error),
                rows: 0,
                calls: 0,
                resume_at: null,
                at: now().toISOString(),
              });
            }
          }
          throw error;
        })
        .finally(() => {
          current = null;
        });
      return current;
    },
    /** Shutdown: aborts the run in progress (its stored chunks stay) and waits for it to stop. */
    async stop(): Promise<void> {
      stopping.abort(new Error('shutting down'));
      await current?.catch(() => undefined);
    },
    get running(): boolean {
      return current !== null;
    },
    get lastProgress(): SyncProgress | null {
      return lastProgress;
    },
    /** Live progress (SSE); returns the unsubscribe function. */
    subscribe(listener: (progress: SyncProgress) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type SyncService = ReturnType<typeof createSyncService>;
