import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  exporterSecretFields,
  exporterSettingsSchemas,
  type CreateExporterRequest,
  type Exporter,
  type ExporterReadBack,
  type ExporterSettings,
  type ExporterTestResult,
  type ExporterType,
  type ExportRunReport,
  type UpdateExporterRequest,
} from '@med/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { toBool, type Db } from '../../db/database.ts';
import { AppError, conflict, notFound, unprocessable } from '../../http/app-error.ts';
import { backoffDelayMs } from '../../jobs/backoff.ts';
import type { ServerKeys } from '../../security/keys.ts';
import { listMeters } from '../sync/client-meters.repository.ts';
import type { ExportContext, ExporterPlugin, ExporterPlugins, ExportProgress, ExportTarget } from './exporter.ts';
import { openSecrets, sealSecrets, type SecretValues } from './exporter-secrets.ts';
import {
  deleteExporter,
  dueExporters,
  findExporter,
  findExporterByName,
  insertExporter,
  listExporters,
  recordRun,
  updateExporter,
  type ExporterRow,
} from './exporters.repository.ts';

/** Longest export run; also bounds a connection test and a read-back. */
export const DEFAULT_RUN_TIMEOUT_MS = 10 * 60_000;
const PROBE_TIMEOUT_MS = 30_000;

export interface ExportersServiceDeps {
  db: Db;
  keys: ServerKeys;
  plugins: ExporterPlugins;
  log: FastifyBaseLogger;
  /** Backoff of a failing scheduled exporter (the jobs' bounds), never longer than its own interval. */
  retryMinMs: number;
  retryMaxMs: number;
  runTimeoutMs?: number;
  now?: () => Date;
}

type SettingsRecord = Record<string, unknown>;

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(messageOf).join('; ');
  }
  return error instanceof Error ? error.message || error.name : String(error);
}

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

const NOT_FOUND_MESSAGE = 'Exportateur introuvable.';

/**
 * Client mode's exporters: configurations (secrets sealed, never returned), connection tests, runs
 * (manual, scheduled every `export_interval_minutes`, and after each completed sync), read-back, and
 * the bookkeeping of each run. Every run is isolated: its own timeout, its errors caught and recorded
 * on its exporter only, with backoff for the next scheduled attempt, so one failing destination never
 * delays the sync or the other exporters.
 */
export function createExportersService(deps: ExportersServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const runTimeoutMs = deps.runTimeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
  const inFlight = new Map<string, Promise<ExportRunReport>>();
  const stopping = new AbortController();

  function pluginOf(type: ExporterType): ExporterPlugin {
    const plugin: ExporterPlugin | undefined = deps.plugins[type];
    if (!plugin) {
      throw unprocessable(
        ErrorCode.EXPORTER_TYPE_UNSUPPORTED,
        `Le type d’export « ${type} » n’est pas disponible dans cette version.`,
        'export_type',
      );
    }
    return plugin;
  }

  function typeOf(row: ExporterRow): ExporterType {
    return row.export_type as ExporterType;
  }

  /** Splits validated settings into what is stored in clear and the write-only secrets (set, cleared or kept). */
  function splitSettings(type: ExporterType, settings: SettingsRecord, previous: SecretValues) {
    const publicSettings: SettingsRecord = { ...settings };
    const secrets: SecretValues = { ...previous };
    for (const field of exporterSecretFields[type] as readonly string[]) {
      const value = settings[field];
      delete publicSettings[field];
      if (typeof value === 'string') {
        secrets[field] = value;
      } else if (value === null) {
        delete secrets[field];
      }
    }
    return { publicSettings, secrets };
  }

  function toDto(row: ExporterRow): Exporter {
    const type = typeOf(row);
    const secrets = openSecrets(deps.keys, row.id, row.secrets);
    const config = parseJson(row.settings) as SettingsRecord;
    for (const field of exporterSecretFields[type] as readonly string[]) {
      config[`has_${field}`] = secrets[field] !== undefined;
    }
    return {
      id: row.id,
      name: row.name,
      export_type: type,
      config,
      usage_point_ids: parseJson(row.usage_point_ids) as string[] | null,
      is_enabled: toBool(row.is_enabled),
      export_consumption: toBool(row.export_consumption),
      export_production: toBool(row.export_production),
      export_daily: toBool(row.export_daily),
      export_detailed: toBool(row.export_detailed),
      export_interval_minutes: row.export_interval_minutes === null ? null : Number(row.export_interval_minutes),
      next_export_at: row.next_export_at,
      last_export_at: row.last_export_at,
      last_export_status: row.last_export_status as Exporter['last_export_status'],
      is_running: inFlight.has(row.id),
      last_export_summary: row.last_export_summary,
      last_export_error: row.last_export_error,
      last_success_at: row.last_success_at,
      consecutive_failures: Number(row.consecutive_failures),
      export_count: Number(row.export_count),
      created_at: row.created_at,
      updated_at: row.updated_at,
    };
  }

  async function rowOrThrow(id: string): Promise<ExporterRow> {
    const row = await findExporter(deps.db, id);
    if (!row) {
      throw notFound(ErrorCode.EXPORTER_NOT_FOUND, NOT_FOUND_MESSAGE);
    }
    return row;
  }

  async function assertNameFree(name: string, exceptId?: string): Promise<void> {
    const other = await findExporterByName(deps.db, name);
    if (other && other.id !== exceptId) {
      throw conflict(ErrorCode.EXPORTER_NAME_TAKEN, `Un exportateur s’appelle déjà « ${name} ».`, 'name');
    }
  }

  /** Listed meters must be the household's: an unknown number would export nothing, silently. */
  async function assertMetersKnown(ids: readonly string[] | null | undefined): Promise<void> {
    if (!ids || ids.length === 0) {
      return;
    }
    const known = new Set((await listMeters(deps.db)).map((meter) => meter.usagePointId));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw unprocessable(
        ErrorCode.PDL_NOT_FOUND,
        `Compteur(s) inconnu(s) de la synchronisation : ${unknown.join(', ')}.`,
        'usage_point_ids',
      );
    }
  }

  /** When the next scheduled run is due: `from` + interval, or null for a manual-only or disabled exporter. */
  function nextRunAfter(from: Date, enabled: boolean, intervalMinutes: number | null): string | null {
    return enabled && intervalMinutes !== null
      ? new Date(from.getTime() + intervalMinutes * 60_000).toISOString()
      : null;
  }

  async function targetOf(row: ExporterRow): Promise<ExportTarget> {
    const type = typeOf(row);
    const selected = parseJson(row.usage_point_ids) as string[] | null;
    const meters = (await listMeters(deps.db)).filter(
      (meter) => selected === null || selected.length === 0 || selected.includes(meter.usagePointId),
    );
    return {
      id: row.id,
      name: row.name,
      type,
      settings: {
        ...(parseJson(row.settings) as SettingsRecord),
        ...openSecrets(deps.keys, row.id, row.secrets),
      } as ExportTarget['settings'],
      meters,
      scope: {
        consumption: toBool(row.export_consumption),
        production: toBool(row.export_production),
        daily: toBool(row.export_daily),
        detailed: toBool(row.export_detailed),
      },
      memo: parseJson(row.memo),
    };
  }

  function contextOf(row: ExporterRow, timeoutMs: number, at: Date): ExportContext {
    return {
      signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(timeoutMs)]),
      now: at,
      log: deps.log.child({ exporter: row.id, exportType: row.export_type }),
    };
  }

  /** One run of one exporter; never throws: the outcome is recorded on the exporter and returned. */
  async function execute(row: ExporterRow, at: Date): Promise<ExportRunReport> {
    const startedAt = new Date();
    const counts: Record<string, number> = {};
    const context = contextOf(row, runTimeoutMs, at);
    const interval = row.export_interval_minutes === null ? null : Number(row.export_interval_minutes);
    const enabled = toBool(row.is_enabled);
    try {
      const plugin = pluginOf(typeOf(row));
      const target = await targetOf(row);
      const onProgress = (event: ExportProgress) => {
        Object.assign(counts, event.counts);
        context.log.debug({ step: event.step, counts: event.counts }, 'export progress');
      };
      const outcome = await abortable(plugin.run(target, context, onProgress), context.signal);
      const finishedAt = new Date();
      await recordRun(deps.db, row.id, {
        status: 'success',
        at: finishedAt.toISOString(),
        summary: outcome.summary,
        error: null,
        consecutiveFailures: 0,
        nextExportAt: nextRunAfter(at, enabled, interval),
        memo: outcome.memo === undefined ? null : JSON.stringify(outcome.memo),
      });
      context.log.info({ summary: outcome.summary }, 'export run succeeded');
      return {
        status: 'success',
        summary: outcome.summary,
        error: null,
        started_at: startedAt.toISOString(),
        finished_at: finishedAt.toISOString(),
        counts: outcome.counts,
      };
    } catch (error) {
      const finishedAt = new Date();
      const message = messageOf(error);
      const failures = Number(row.consecutive_failures) + 1;
      // A failing destination is retried with backoff, never later than its normal schedule.
      const retryMs =
        interval === null
          ? null
          : Math.min(backoffDelayMs(failures, deps.retryMinMs, deps.retryMaxMs), interval * 60_000);
      await recordRun(deps.db, row.id, {
        status: 'failure',
        at: finishedAt.toISOString(),
        summary: null,
        error: message,
        consecutiveFailures: failures,
        nextExportAt: enabled && retryMs !== null ? new Date(at.getTime() + retryMs).toISOString() : null,
      }).catch((recordError: unknown) => context.log.error({ err: recordError }, 'export outcome not recorded'));
      context.log.warn({ failures, err: message }, 'export run failed');
      return {
        status: 'failure',
        summary: `Échec : ${message}`,
        error: message,
        started_at: startedAt.toISOString(),
        finished_at: finishedAt.toISOString(),
        counts,
      };
    }
  }

  /** Starts a run unless this exporter is already running (then: null). */
  function start(row: ExporterRow, at: Date): Promise<ExportRunReport> | null {
    if (inFlight.has(row.id) || stopping.signal.aborted) {
      return null;
    }
    const run = execute(row, at).finally(() => inFlight.delete(row.id));
    inFlight.set(row.id, run);
    return run;
  }

  async function runAll(rows: readonly ExporterRow[], at: Date) {
    const runs = rows.map((row) => start(row, at)).filter((run): run is Promise<ExportRunReport> => run !== null);
    const reports = await Promise.all(runs);
    const failed = reports.filter((report) => report.status === 'failure').length;
    return { started: runs.length, failed };
  }

  /** Scheduled exporters due at `at` and not running. */
  async function due(at: Date): Promise<ExporterRow[]> {
    return (await dueExporters(deps.db, at)).filter((row) => !inFlight.has(row.id));
  }

  async function probe<T>(
    id: string,
    action: (plugin: ExporterPlugin, target: ExportTarget, context: ExportContext) => Promise<T>,
  ) {
    const row = await rowOrThrow(id);
    const plugin = pluginOf(typeOf(row));
    const context = contextOf(row, PROBE_TIMEOUT_MS, now());
    return abortable(action(plugin, await targetOf(row), context), context.signal);
  }

  return {
    async list(): Promise<Exporter[]> {
      return (await listExporters(deps.db)).map(toDto);
    },

    async get(id: string): Promise<Exporter> {
      return toDto(await rowOrThrow(id));
    },

    async create(request: CreateExporterRequest): Promise<Exporter> {
      const body = request as Required<CreateExporterRequest> & { config: SettingsRecord };
      pluginOf(body.export_type);
      await assertNameFree(body.name);
      await assertMetersKnown(body.usage_point_ids);
      const id = randomUUID();
      const { publicSettings, secrets } = splitSettings(body.export_type, body.config, {});
      const at = now();
      const enabled = body.is_enabled ?? true;
      const interval = body.export_interval_minutes ?? null;
      await insertExporter(deps.db, {
        id,
        name: body.name,
        export_type: body.export_type,
        settings: JSON.stringify(publicSettings),
        secrets: sealSecrets(deps.keys, id, secrets),
        usage_point_ids: body.usage_point_ids?.length ? JSON.stringify(body.usage_point_ids) : null,
        is_enabled: enabled,
        export_consumption: body.export_consumption ?? true,
        export_production: body.export_production ?? true,
        export_daily: body.export_daily ?? true,
        export_detailed: body.export_detailed ?? false,
        export_interval_minutes: interval,
        // A new scheduled exporter runs at the next scheduler tick.
        next_export_at: enabled && interval !== null ? at.toISOString() : null,
        last_export_at: null,
        last_export_status: null,
        last_export_summary: null,
        last_export_error: null,
        last_success_at: null,
        memo: null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      });
      return toDto(await rowOrThrow(id));
    },

    async update(id: string, body: UpdateExporterRequest): Promise<Exporter> {
      const row = await rowOrThrow(id);
      const type = typeOf(row);
      if (body.name !== undefined) {
        await assertNameFree(body.name, id);
      }
      await assertMetersKnown(body.usage_point_ids);
      let settings: string | undefined;
      let sealed: string | null | undefined;
      if (body.config !== undefined) {
        const merged = { ...(parseJson(row.settings) as SettingsRecord), ...body.config };
        for (const field of Object.keys(body.config)) {
          if (field.startsWith('has_')) {
            delete merged[field];
          }
        }
        const parsed = exporterSettingsSchemas[type].safeParse(merged);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = ['config', ...(issue?.path ?? [])].join('.');
          throw unprocessable(ErrorCode.VALIDATION_ERROR, `${field} : ${issue?.message ?? 'valeur invalide'}`, field);
        }
        const split = splitSettings(type, parsed.data, openSecrets(deps.keys, id, row.secrets));
        settings = JSON.stringify(split.publicSettings);
        sealed = sealSecrets(deps.keys, id, split.secrets);
      }
      const enabled = body.is_enabled ?? toBool(row.is_enabled);
      const interval =
        body.export_interval_minutes === undefined
          ? row.export_interval_minutes === null
            ? null
            : Number(row.export_interval_minutes)
          : body.export_interval_minutes;
      const scheduleChanged = body.is_enabled !== undefined || body.export_interval_minutes !== undefined;
      const at = now();
      await updateExporter(deps.db, id, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(settings !== undefined ? { settings, secrets: sealed ?? null } : {}),
        ...(body.usage_point_ids !== undefined
          ? { usage_point_ids: body.usage_point_ids?.length ? JSON.stringify(body.usage_point_ids) : null }
          : {}),
        ...(body.is_enabled !== undefined ? { is_enabled: body.is_enabled } : {}),
        ...(body.export_consumption !== undefined ? { export_consumption: body.export_consumption } : {}),
        ...(body.export_production !== undefined ? { export_production: body.export_production } : {}),
        ...(body.export_daily !== undefined ? { export_daily: body.export_daily } : {}),
        ...(body.export_detailed !== undefined ? { export_detailed: body.export_detailed } : {}),
        ...(body.export_interval_minutes !== undefined
          ? { export_interval_minutes: body.export_interval_minutes }
          : {}),
        // A new schedule starts now (and forgets a backoff); disabling or going manual clears it.
        ...(scheduleChanged
          ? { next_export_at: enabled && interval !== null ? at.toISOString() : null, consecutive_failures: 0 }
          : {}),
        updated_at: at.toISOString(),
      });
      return toDto(await rowOrThrow(id));
    },

    /** Deletes the exporter; its plug-in first clears what the destination keeps (best effort). */
    async remove(id: string): Promise<{ deleted: true; destination_cleared: boolean; message: string }> {
      const row = await rowOrThrow(id);
      if (inFlight.has(id)) {
        throw conflict(ErrorCode.EXPORTER_BUSY, 'Export en cours : supprimez-le quand il sera terminé.');
      }
      const plugin: ExporterPlugin | undefined = deps.plugins[typeOf(row)];
      let cleared = true;
      let message = 'Exportateur supprimé.';
      if (plugin?.forget) {
        const context = contextOf(row, PROBE_TIMEOUT_MS, now());
        try {
          await abortable(plugin.forget(await targetOf(row), context), context.signal);
          message = 'Exportateur supprimé ; ce qu’il avait publié a été effacé de la destination.';
        } catch (error) {
          cleared = false;
          message = `Exportateur supprimé, mais la destination n’a pas pu être nettoyée : ${messageOf(error)}`;
        }
      }
      await deleteExporter(deps.db, id);
      return { deleted: true, destination_cleared: cleared, message };
    },

    /** Connection test: a refused or unreachable destination is a result (`success: false`), not an error. */
    async test(id: string): Promise<ExporterTestResult> {
      const started = performance.now();
      try {
        const check = await probe(id, (plugin, target, context) => plugin.test(target, context));
        return {
          success: true,
          message: check.message,
          duration_ms: Math.round(performance.now() - started),
          ...(check.details ? { details: check.details } : {}),
        };
      } catch (error) {
        if (error instanceof AppError) {
          throw error;
        }
        return { success: false, message: messageOf(error), duration_ms: Math.round(performance.now() - started) };
      }
    },

    /** A manual run, now, whatever the schedule (disabled exporters too); 409 while this exporter runs. */
    async run(id: string): Promise<ExportRunReport> {
      const row = await rowOrThrow(id);
      pluginOf(typeOf(row));
      const run = start(row, now());
      if (run === null) {
        throw conflict(ErrorCode.EXPORTER_BUSY, 'Cet export est déjà en cours.');
      }
      return run;
    },

    async readBack(id: string): Promise<ExporterReadBack> {
      try {
        return await probe(id, (plugin, target, context) => plugin.readBack(target, context));
      } catch (error) {
        if (error instanceof AppError) {
          throw error;
        }
        throw new AppError(502, ErrorCode.SERVICE_UNAVAILABLE, `Destination illisible : ${messageOf(error)}`, {
          cause: error,
        });
      }
    },

    /**
     * The decrypted Energy statistics target of one Home Assistant exporter (HA URL, token, statistic id
     * prefix, meters). 404 for an unknown id, 409 for another type or when the URL or token is missing.
     */
    async haStatisticsTarget(
      id: string,
    ): Promise<{ url: string; token: string; prefix: string; usagePointIds: string[] }> {
      const row = await rowOrThrow(id);
      if (typeOf(row) !== 'home_assistant') {
        throw conflict(
          ErrorCode.EXPORTER_NOT_HOME_ASSISTANT,
          'Les statistiques Énergie ne concernent que les exportateurs Home Assistant.',
        );
      }
      const settings = parseJson(row.settings) as ExporterSettings<'home_assistant'>;
      const token = openSecrets(deps.keys, row.id, row.secrets).ha_token;
      if (!settings.ha_url || !token) {
        throw conflict(
          ErrorCode.HA_STATISTICS_NOT_CONFIGURED,
          'Indiquez l’adresse de Home Assistant et un jeton d’accès pour les statistiques.',
          settings.ha_url ? 'config.ha_token' : 'config.ha_url',
        );
      }
      return {
        url: settings.ha_url,
        token,
        prefix: settings.statistic_id_prefix,
        usagePointIds: (parseJson(row.usage_point_ids) as string[] | null) ?? [],
      };
    },

    due,

    /** Enabled exporters of one type with their secrets opened (long-lived listeners such as the HA birth watcher). */
    async enabledTargets<T extends ExporterType>(type: T): Promise<ExportTarget<T>[]> {
      const rows = (await listExporters(deps.db)).filter((row) => row.export_type === type && toBool(row.is_enabled));
      return (await Promise.all(rows.map(targetOf))) as ExportTarget<T>[];
    },

    /** The scheduler's tick: runs every due exporter side by side and waits for all of them. */
    async runDue(at: Date): Promise<string> {
      const { started, failed } = await runAll(await due(at), at);
      return `${started} export(s), ${failed} en échec`;
    },

    /**
     * After a completed sync the new readings go out at once: every enabled scheduled exporter that is not
     * backing off. Not awaited by the sync.
     */
    afterSync(): void {
      const at = now();
      void listExporters(deps.db)
        .then((rows) =>
          runAll(
            rows.filter(
              (row) =>
                toBool(row.is_enabled) &&
                row.export_interval_minutes !== null &&
                (Number(row.consecutive_failures) === 0 ||
                  row.next_export_at === null ||
                  row.next_export_at <= at.toISOString()),
            ),
            at,
          ),
        )
        .catch((error: unknown) => deps.log.error({ err: error }, 'exports after sync not started'));
    },

    /** Resolves when the exporter's current run (if any) has finished. */
    async settled(id: string): Promise<void> {
      await inFlight.get(id)?.catch(() => undefined);
    },

    /** Shutdown: aborts the runs and waits for their outcome to be recorded. */
    async stop(): Promise<void> {
      stopping.abort(new Error('shutting down'));
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
export type ExportersService = ReturnType<typeof createExportersService>;

/** Settles with the promise, or rejects as soon as `signal` aborts (a plug-in ignoring its signal cannot hang a run). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortReason(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => undefined);
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'TimeoutError') {
    return new Error('délai dépassé');
  }
  return reason instanceof Error ? reason : new Error('interrompu');
}
