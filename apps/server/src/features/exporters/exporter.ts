import type { ExporterReadBack, ExporterSettings, ExporterType } from '@med/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { ClientMeter } from '../sync/client-meters.repository.ts';

/**
 * The exporter plug-in interface (decision 0015). The framework owns the configuration, the secrets, the
 * schedule, the backoff and the bookkeeping; a plug-in only talks to its destination. One plug-in per
 * type, registered in `exporters.register.ts`.
 */
export interface ExportTarget<T extends ExporterType = ExporterType> {
  id: string;
  name: string;
  type: T;
  /** The type's settings with its secrets decrypted (never logged, never returned by the API). */
  settings: ExporterSettings<T>;
  /** The meters to export: the configured ones (all when none are listed) that the local store knows. */
  meters: ClientMeter[];
  scope: { consumption: boolean; production: boolean; daily: boolean; detailed: boolean };
  /**
   * What the plug-in remembered from its previous successful run (e.g. the discovery topics it
   * published, to clear the ones of a meter removed since); null on a first run.
   */
  memo: unknown;
}

export interface ExportProgress {
  /** What is being written now (e.g. `12345678901234 consumption daily`). */
  step: string;
  /** Items written so far, by kind. */
  counts: Record<string, number>;
}

export interface ExportContext {
  /** Aborted on shutdown and when the run exceeds its time. Plug-ins pass it to their I/O. */
  signal: AbortSignal;
  /** The run's instant (injectable in tests): "yesterday", "this month"… are computed from it. */
  now: Date;
  log: FastifyBaseLogger;
}

export interface ExportOutcome {
  /** One line for the exporter's status (e.g. « 14 messages publiés sur 2 compteurs »). */
  summary: string;
  counts: Record<string, number>;
  /** Stored as the next run's `memo` (JSON-serialisable). */
  memo?: unknown;
}

export interface ConnectionCheck {
  message: string;
  details?: Record<string, unknown>;
}

export interface ExporterPlugin<T extends ExporterType = ExporterType> {
  readonly type: T;
  /** Connects and authenticates, writes nothing; throws with a clear message when the destination refuses. */
  test(target: ExportTarget<T>, context: ExportContext): Promise<ConnectionCheck>;
  /** Writes the target's data. Re-running writes the same items again (idempotent at the destination). */
  run(
    target: ExportTarget<T>,
    context: ExportContext,
    progress: (event: ExportProgress) => void,
  ): Promise<ExportOutcome>;
  /** Reads back what is at the destination now. */
  readBack(target: ExportTarget<T>, context: ExportContext): Promise<ExporterReadBack>;
  /**
   * The exporter is being deleted: remove what it published where the destination keeps it (retained
   * discovery configs…). Optional; best effort (a deletion never fails because the destination is down).
   */
  forget?(target: ExportTarget<T>, context: ExportContext): Promise<void>;
}

/** One plug-in per type; types without one cannot be configured yet. */
export type ExporterPlugins = { [T in ExporterType]?: ExporterPlugin<T> };
