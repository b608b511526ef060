import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  haImportErrorSchema,
  haImportProgressSchema,
  haImportReportSchema,
  type CreateExporterRequest,
  type HaImportError,
  type HaImportProgress,
  type HaImportReport,
  type UpdateExporterRequest,
} from '@med/contracts';
import { useCallback, useEffect, useState } from 'react';
import { queryKeys } from '../../api/queryKeys.ts';
import {
  clearHaStatistics,
  createExporter,
  deleteExporter,
  getExporter,
  haImportStreamUrl,
  listExporters,
  listHaStatistics,
  readBackExporter,
  runExporter,
  startHaImport,
  testExporter,
  updateExporter,
} from './exporters.api.ts';

/** Last run, next run and errors change with the schedule: read again every half minute. */
const REFRESH_MS = 30_000;

export function useExporters() {
  return useQuery({
    queryKey: queryKeys.exporters,
    queryFn: ({ signal }) => listExporters(signal),
    refetchInterval: REFRESH_MS,
  });
}

export function useExporter(id: string | undefined) {
  return useQuery({
    queryKey: [...queryKeys.exporters, id],
    queryFn: ({ signal }) => getExporter(id ?? '', signal),
    enabled: id !== undefined,
    refetchInterval: REFRESH_MS,
  });
}

export function useSaveExporter(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateExporterRequest | UpdateExporterRequest) =>
      id === undefined ? createExporter(body as CreateExporterRequest) : updateExporter(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.exporters }),
  });
}

export function useDeleteExporter(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteExporter(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.exporters }),
  });
}

export function useTestExporter(id: string) {
  return useMutation({ mutationFn: () => testExporter(id) });
}

export function useRunExporter(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => runExporter(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.exporters }),
  });
}

export function useReadBack(id: string) {
  return useMutation({ mutationFn: () => readBackExporter(id) });
}

export function useHaStatistics(id: string) {
  return useQuery({
    queryKey: [...queryKeys.exporters, id, 'ha-statistics'],
    queryFn: ({ signal }) => listHaStatistics(id, signal),
    retry: false,
  });
}

export function useClearHaStatistics(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => clearHaStatistics(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...queryKeys.exporters, id, 'ha-statistics'] }),
  });
}

export interface HaImportState {
  progress: HaImportProgress | null;
  report: HaImportReport | null;
  error: HaImportError | null;
  running: boolean;
}

const idle: HaImportState = { progress: null, report: null, error: null, running: false };

/**
 * A statistics import of one exporter: `start` posts it, then follows the event stream until `done` or
 * `error` (the stream starts with the latest progress, so a late connection misses nothing that matters).
 */
export function useHaImport(id: string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<HaImportState>(idle);
  // Watching from the start: an import going on (or the last one's outcome) shows when the page opens.
  const [watching, setWatching] = useState(0);
  useEffect(() => {
    let received = false;
    const source = new EventSource(haImportStreamUrl(id));
    const parse = (message: MessageEvent<string>): unknown => {
      try {
        return JSON.parse(message.data);
      } catch {
        return null;
      }
    };
    source.addEventListener('progress', (message: MessageEvent<string>) => {
      const parsed = haImportProgressSchema.safeParse(parse(message));
      if (parsed.success) {
        received = true;
        setState((previous) => ({ ...previous, progress: parsed.data, running: true }));
      }
    });
    source.addEventListener('done', (message: MessageEvent<string>) => {
      source.close();
      const parsed = haImportReportSchema.safeParse(parse(message));
      setState((previous) => ({
        ...previous,
        running: false,
        report: parsed.success ? parsed.data : null,
      }));
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.exporters, id, 'ha-statistics'] });
    });
    source.addEventListener('error', (message: Event) => {
      source.close();
      const parsed =
        message instanceof MessageEvent ? haImportErrorSchema.safeParse(parse(message as MessageEvent<string>)) : null;
      if (!parsed && !received) {
        // No import since the client started (404), or none to follow: nothing to show.
        setState((previous) => (previous.running && watching > 0 ? { ...previous, running: false } : previous));
        return;
      }
      setState((previous) => ({
        ...previous,
        running: false,
        error: parsed?.success
          ? parsed.data
          : { import_id: '', code: 'STREAM_LOST', message: '', finished_at: new Date().toISOString() },
      }));
    });
    return () => source.close();
  }, [id, watching, queryClient]);

  const start = useMutation({
    mutationFn: (options: { clearFirst: boolean; incremental: boolean }) => startHaImport(id, options),
    onMutate: () => setState({ ...idle, running: true }),
    onSuccess: () => setWatching((count) => count + 1),
    onError: () => setState(idle),
  });
  const reset = useCallback(() => setState(idle), []);
  return { state, start, reset };
}
