/**
 * Statistics imports running in the background, one at a time per exporter, with their live progress:
 * the latest progress event is kept for a client that connects mid-import, and the outcome of the last
 * import (report or error) for one that connects after it. Client mode is one process: memory is enough.
 */
import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  type HaImportError,
  type HaImportProgress,
  type HaImportReport,
  type HaImportStarted,
} from '@med/contracts';
import { AppError, conflict } from '../../http/app-error.ts';
import type { HaStatisticsService, HaStatisticsTarget } from './ha-statistics.service.ts';

/** Rows per `recorder/import_statistics` message (decision 0017). */
export const IMPORT_CHUNK_SIZE = 1_000;

export type HaImportEvent =
  | { type: 'progress'; data: HaImportProgress }
  | { type: 'done'; data: HaImportReport }
  | { type: 'error'; data: HaImportError };

interface ExporterImports {
  running: Promise<void> | null;
  latest: HaImportEvent | null;
  listeners: Set<(event: HaImportEvent) => void>;
}

export interface HaImportsDeps {
  service: HaStatisticsService;
  log: { warn: (object: object, message: string) => void };
  chunkSize?: number;
  now?: () => Date;
}

export function createHaImports(deps: HaImportsDeps) {
  const now = deps.now ?? (() => new Date());
  const byExporter = new Map<string, ExporterImports>();

  function entryOf(exporterId: string): ExporterImports {
    let entry = byExporter.get(exporterId);
    if (!entry) {
      entry = { running: null, latest: null, listeners: new Set() };
      byExporter.set(exporterId, entry);
    }
    return entry;
  }

  function emit(entry: ExporterImports, event: HaImportEvent): void {
    entry.latest = event;
    for (const listener of entry.listeners) {
      listener(event);
    }
  }

  return {
    /** Starts an import in the background; 409 `HA_IMPORT_RUNNING` while one of this exporter goes on. */
    start(
      exporterId: string,
      target: HaStatisticsTarget,
      options: { clearFirst: boolean; incremental: boolean },
    ): HaImportStarted {
      const entry = entryOf(exporterId);
      if (entry.running) {
        throw conflict(
          ErrorCode.HA_IMPORT_RUNNING,
          'Un import de statistiques est déjà en cours pour cet exportateur.',
        );
      }
      const importId = randomUUID();
      const startedAt = now().toISOString();
      entry.latest = null;
      entry.running = deps.service
        .import(target, { ...options, chunkSize: deps.chunkSize ?? IMPORT_CHUNK_SIZE }, (progress) =>
          emit(entry, { type: 'progress', data: { import_id: importId, ...progress } }),
        )
        .then(
          (report) => {
            entry.running = null;
            emit(entry, {
              type: 'done',
              data: { import_id: importId, started_at: startedAt, finished_at: now().toISOString(), ...report },
            });
          },
          (error: unknown) => {
            entry.running = null;
            const known = error instanceof AppError;
            if (!known) {
              deps.log.warn({ err: error, exporter: exporterId }, 'statistics import failed');
            }
            emit(entry, {
              type: 'error',
              data: {
                import_id: importId,
                code: known ? error.code : ErrorCode.INTERNAL_ERROR,
                message: known ? error.message : 'L’import s’est arrêté sur une erreur interne.',
                finished_at: now().toISOString(),
              },
            });
          },
        );
      return { import_id: importId, started_at: startedAt };
    },

    /** Whether an import runs, and its latest event (or the last import's outcome). */
    state(exporterId: string): { running: boolean; latest: HaImportEvent | null } {
      const entry = byExporter.get(exporterId);
      return { running: Boolean(entry?.running), latest: entry?.latest ?? null };
    },

    subscribe(exporterId: string, listener: (event: HaImportEvent) => void): () => void {
      const entry = entryOf(exporterId);
      entry.listeners.add(listener);
      return () => entry.listeners.delete(listener);
    },

    /** Shutdown: waits for the imports going on (they end at HA's answers; nothing is left half-sent). */
    async settled(): Promise<void> {
      await Promise.allSettled([...byExporter.values()].flatMap((entry) => (entry.running ? [entry.running] : [])));
    },
  };
}

export type HaImports = ReturnType<typeof createHaImports>;
