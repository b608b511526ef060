/**
 * Home Assistant Energy statistics of the local store: list, clear and import (full or incremental)
 * over HA's WebSocket API. An import computes every series from the store, asks HA what it holds (for an
 * incremental import), then sends, per series, the hours from its resume point with continuous sums, in
 * chunks, each awaited before the next (no artificial delay). Progress is reported after every chunk.
 */
import { ErrorCode } from '@med/contracts';
import { formatParisIsoMs, type DatedReason, type HourlyEstimate, type HourlySkipReason } from '@med/core';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { listMeters } from '../sync/client-meters.repository.ts';
import { connectHa, HaError, type HaConnection } from './ha-websocket.ts';
import {
  meterStatistics,
  type MeterStatistics,
  type SeriesKind,
  type StatisticSeries,
} from './ha-statistics.series.ts';
import { resumePoint, type HaRow } from './ha-statistics.sync-plan.ts';

/** Where and what to export: from an exporter configuration of type `home_assistant`. */
export interface HaStatisticsTarget {
  /** HA base URL (`http://homeassistant.local:8123`) or its `ws(s)://…/api/websocket` URL. */
  url: string;
  /** Long-lived access token of an administrator. */
  token: string;
  /** Domain part of the statistic ids and their `source` (`myelectricaldata`). */
  prefix: string;
  /** Meters to export; empty = every meter of the local store. */
  usagePointIds: readonly string[];
}

export interface ImportOptions {
  /** Clears this exporter's statistics of these meters first (a new start from sum 0). */
  clearFirst: boolean;
  /** Sends only what HA does not hold exactly (new hours, repaired days); else every hour again. */
  incremental: boolean;
  /** Rows per `import_statistics` message. */
  chunkSize: number;
}

export interface ImportProgress {
  step: number;
  total_steps: number;
  message: string;
  percent: number;
  /** Rows sent so far, by kind. */
  consumption: number;
  cost: number;
  production: number;
}

export interface SeriesReport {
  statistic_id: string;
  kind: SeriesKind;
  band: string | null;
  unit: string;
  /** Hours computed from the local store. */
  hours: number;
  /** Hours sent in this import. */
  rows_sent: number;
  /** First hour sent (ISO with the Paris offset), null when HA already held everything. */
  resumed_at: string | null;
  /** Sum of the last hour, in the series' unit. */
  last_sum: number;
  last_start: string | null;
}

export interface MeterReport {
  usage_point_id: string;
  option: string;
  option_source: MeterStatistics['optionSource'];
  offer: MeterStatistics['offer'];
  skipped_days: DatedReason<HourlySkipReason>[];
  estimated_days: DatedReason<HourlyEstimate>[];
  unpriced_days: MeterStatistics['unpriced'];
  production_skipped_days: DatedReason<HourlySkipReason>[];
}

export interface ImportReport {
  ha_version: string;
  mode: 'full' | 'incremental';
  cleared: string[];
  consumption: number;
  cost: number;
  production: number;
  meters: MeterReport[];
  series: SeriesReport[];
  /** Meters of the configuration the local store does not know (nothing sent for them). */
  unknown_meters: string[];
}

export interface ListedStatistic {
  statistic_id: string;
  name: string | null;
  source: string;
  unit: string | null;
  unit_class: string | null;
  has_sum: boolean;
}

export interface HaStatisticsDeps {
  db: Db;
  connect?: (url: string, token: string) => Promise<HaConnection>;
}

const HOUR_MS = 3_600_000;
/** Hours read back per `statistics_during_period` request (one month of every series of a meter). */
const READ_WINDOW_MS = 31 * 24 * HOUR_MS;

/** An HA failure as the API reports it: stable codes, HA's own words kept in the message. */
export function haAppError(error: unknown): unknown {
  if (!(error instanceof HaError)) {
    return error;
  }
  switch (error.failure) {
    case 'auth_invalid':
      return new AppError(502, ErrorCode.HA_AUTH_INVALID, `Home Assistant refuse le jeton d’accès : ${error.message}`);
    case 'not_admin':
      return new AppError(
        502,
        ErrorCode.HA_NOT_ADMIN,
        'Home Assistant refuse l’import : le jeton doit appartenir à un administrateur.',
      );
    case 'unreachable':
      return new AppError(502, ErrorCode.HA_UNREACHABLE, `Home Assistant injoignable : ${error.message}`);
    case 'command_failed':
      return new AppError(
        502,
        ErrorCode.HA_COMMAND_FAILED,
        `Home Assistant a refusé la commande (${error.haCode ?? 'erreur'}) : ${error.message}`,
      );
  }
}

const isOurs = (prefix: string, usagePointIds: readonly string[]) => (item: { statistic_id: string; source: string }) =>
  item.source === prefix &&
  item.statistic_id.startsWith(`${prefix}:`) &&
  (usagePointIds.length === 0 || usagePointIds.some((pdl) => item.statistic_id.includes(`_${pdl}`)));

export function createHaStatisticsService(deps: HaStatisticsDeps) {
  const connect = deps.connect ?? ((url: string, token: string) => connectHa(url, token));

  async function withConnection<T>(target: HaStatisticsTarget, work: (ha: HaConnection) => Promise<T>): Promise<T> {
    let ha: HaConnection | undefined;
    try {
      ha = await connect(target.url, target.token);
      return await work(ha);
    } catch (error) {
      throw haAppError(error);
    } finally {
      ha?.close();
    }
  }

  async function listOurs(ha: HaConnection, target: HaStatisticsTarget): Promise<ListedStatistic[]> {
    const items = await ha.command<
      {
        statistic_id: string;
        name: string | null;
        source: string;
        statistics_unit_of_measurement: string | null;
        unit_class?: string | null;
        has_sum: boolean;
      }[]
    >('recorder/list_statistic_ids', { statistic_type: 'sum' });
    return items.filter(isOurs(target.prefix, target.usagePointIds)).map((item) => ({
      statistic_id: item.statistic_id,
      name: item.name,
      source: item.source,
      unit: item.statistics_unit_of_measurement,
      unit_class: item.unit_class ?? null,
      has_sum: item.has_sum,
    }));
  }

  async function clearOurs(ha: HaConnection, target: HaStatisticsTarget, also: readonly string[]): Promise<string[]> {
    const ids = [...new Set([...(await listOurs(ha, target)).map((item) => item.statistic_id), ...also])].sort();
    if (ids.length > 0) {
      await ha.command('recorder/clear_statistics', { statistic_ids: ids });
    }
    return ids;
  }

  /** HA's rows of `ids` over `[from, to)`, read month by month (requests pipelined, answers by id). */
  async function heldRows(ha: HaConnection, ids: readonly string[], from: number, to: number) {
    const held = new Map<string, Map<number, HaRow>>(ids.map((id) => [id, new Map()]));
    const requests: Promise<Record<string, ({ start: number } & HaRow)[]>>[] = [];
    for (let start = from; start < to; start += READ_WINDOW_MS) {
      requests.push(
        ha.command('recorder/statistics_during_period', {
          start_time: new Date(start).toISOString(),
          end_time: new Date(Math.min(start + READ_WINDOW_MS, to)).toISOString(),
          statistic_ids: ids,
          period: 'hour',
          types: ['state', 'sum'],
        }),
      );
    }
    for (const answer of await Promise.all(requests)) {
      for (const [id, rows] of Object.entries(answer)) {
        const target = held.get(id);
        for (const row of rows) {
          target?.set(row.start, { state: row.state, sum: row.sum });
        }
      }
    }
    return held;
  }

  async function meterList(target: HaStatisticsTarget) {
    const known = await listMeters(deps.db);
    if (target.usagePointIds.length === 0) {
      return { meters: known.map((meter) => meter.usagePointId), unknown: [] as string[] };
    }
    const ids = new Set(known.map((meter) => meter.usagePointId));
    return {
      meters: target.usagePointIds.filter((pdl) => ids.has(pdl)),
      unknown: target.usagePointIds.filter((pdl) => !ids.has(pdl)),
    };
  }

  return {
    /** This exporter's statistics in HA (source = prefix, ids of its meters). */
    async list(target: HaStatisticsTarget): Promise<{ ha_version: string; statistics: ListedStatistic[] }> {
      return withConnection(target, async (ha) => ({
        ha_version: ha.haVersion,
        statistics: await listOurs(ha, target),
      }));
    },

    async clear(target: HaStatisticsTarget): Promise<{ cleared: string[] }> {
      return withConnection(target, async (ha) => ({ cleared: await clearOurs(ha, target, []) }));
    },

    async import(
      target: HaStatisticsTarget,
      options: ImportOptions,
      onProgress: (progress: ImportProgress) => void = () => {},
    ): Promise<ImportReport> {
      const { meters, unknown } = await meterList(target);
      const computed: MeterStatistics[] = [];
      for (const usagePointId of meters) {
        const statistics = await meterStatistics(deps.db, usagePointId, target.prefix);
        if (statistics) {
          computed.push(statistics);
        }
      }
      const allSeries = computed.flatMap((meter) => meter.series);
      return withConnection(target, async (ha) => {
        const cleared = options.clearFirst
          ? await clearOurs(
              ha,
              target,
              allSeries.map((series) => series.metadata.statistic_id),
            )
          : [];
        const plans = new Map<StatisticSeries, { from: number; baseUnits: number }>();
        for (const meter of computed) {
          const incremental = options.incremental && !options.clearFirst;
          const held = incremental ? await heldForMeter(ha, meter.series) : null;
          for (const series of meter.series) {
            const rows = held?.rows.get(series.metadata.statistic_id);
            plans.set(
              series,
              rows && held
                ? resumePoint(series.starts, series.values, series.scale, rows, held.before(series))
                : { from: 0, baseUnits: 0 },
            );
          }
        }
        const chunks = allSeries.reduce(
          (total, series) =>
            total + Math.ceil((series.starts.length - (plans.get(series)?.from ?? 0)) / options.chunkSize),
          0,
        );
        const counts = { consumption: 0, cost: 0, production: 0 };
        let step = 0;
        const report = (message: string) =>
          onProgress({
            step,
            total_steps: chunks,
            message,
            percent: chunks === 0 ? 100 : Math.round((step / chunks) * 100),
            ...counts,
          });
        report('Préparation terminée');
        const seriesReports: SeriesReport[] = [];
        for (const series of allSeries) {
          const plan = plans.get(series) ?? { from: 0, baseUnits: 0 };
          let sum = plan.baseUnits;
          for (let from = plan.from; from < series.starts.length; from += options.chunkSize) {
            const to = Math.min(from + options.chunkSize, series.starts.length);
            const stats = [];
            for (let i = from; i < to; i++) {
              const value = series.values[i] ?? 0;
              sum += value;
              stats.push({
                start: formatParisIsoMs(series.starts[i] ?? 0),
                state: value / series.scale,
                sum: sum / series.scale,
              });
            }
            await ha.command('recorder/import_statistics', { metadata: series.metadata, stats });
            counts[series.kind] += stats.length;
            step += 1;
            report(`${series.metadata.statistic_id} : ${to} / ${series.starts.length} heures`);
          }
          if (plan.from >= series.starts.length) {
            sum = plan.baseUnits;
          }
          const last = series.starts.at(-1);
          seriesReports.push({
            statistic_id: series.metadata.statistic_id,
            kind: series.kind,
            band: series.band,
            unit: series.metadata.unit_of_measurement,
            hours: series.starts.length,
            rows_sent: series.starts.length - plan.from,
            resumed_at: plan.from < series.starts.length ? formatParisIsoMs(series.starts[plan.from] ?? 0) : null,
            last_sum: sum / series.scale,
            last_start: last === undefined ? null : formatParisIsoMs(last),
          });
        }
        return {
          ha_version: ha.haVersion,
          mode: options.incremental && !options.clearFirst ? 'incremental' : 'full',
          cleared,
          ...counts,
          meters: computed.map((meter) => ({
            usage_point_id: meter.usagePointId,
            option: meter.option,
            option_source: meter.optionSource,
            offer: meter.offer,
            skipped_days: meter.skipped,
            estimated_days: meter.estimates,
            unpriced_days: meter.unpriced,
            production_skipped_days: meter.productionSkipped,
          })),
          series: seriesReports,
          unknown_meters: unknown,
        };
      });

      /** What HA holds of a meter's series over their hours, and its last sum before each series starts. */
      async function heldForMeter(ha: HaConnection, series: readonly StatisticSeries[]) {
        const firsts = series.map((entry) => entry.starts[0]).filter((start): start is number => start !== undefined);
        const lasts = series
          .map((entry) => entry.starts.at(-1))
          .filter((start): start is number => start !== undefined);
        if (firsts.length === 0) {
          return null;
        }
        // One day before the first hour: a row HA holds there gives the sum the series continues from.
        const from = Math.min(...firsts) - 24 * HOUR_MS;
        const to = Math.max(...lasts) + HOUR_MS;
        const rows = await heldRows(
          ha,
          series.map((entry) => entry.metadata.statistic_id),
          from,
          to,
        );
        return {
          rows,
          before(entry: StatisticSeries): number {
            const first = entry.starts[0];
            let best: { start: number; sum: number } | null = null;
            for (const [start, row] of rows.get(entry.metadata.statistic_id) ?? []) {
              if (
                first !== undefined &&
                start < first &&
                typeof row.sum === 'number' &&
                (!best || start > best.start)
              ) {
                best = { start, sum: row.sum };
              }
            }
            return best ? Math.round(best.sum * entry.scale) : 0;
          },
        };
      }
    },
  };
}

export type HaStatisticsService = ReturnType<typeof createHaStatisticsService>;
