import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { syncProgressSchema, type SyncProgressEvent } from '@med/contracts';
import { useEffect, useState } from 'react';
import { queryKeys } from '../../api/queryKeys.ts';
import { getClientStatus, getSyncStatus, SYNC_EVENTS_URL, triggerSync } from './sync.api.ts';

/** While a run goes on the status is re-read now and then, so counts grow even between events. */
const RUNNING_REFRESH_MS = 3_000;
/** Otherwise often enough for "next run" and a gateway that came back. */
const IDLE_REFRESH_MS = 60_000;

export function useSyncStatus() {
  return useQuery({
    queryKey: queryKeys.syncStatus,
    queryFn: ({ signal }) => getSyncStatus(signal),
    refetchInterval: (query) => (query.state.data?.running ? RUNNING_REFRESH_MS : IDLE_REFRESH_MS),
  });
}

export function useClientStatus() {
  return useQuery({
    queryKey: queryKeys.clientStatus,
    queryFn: ({ signal }) => getClientStatus(signal),
    refetchInterval: IDLE_REFRESH_MS,
  });
}

export function useTriggerSync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (usagePointId?: string) => triggerSync(usagePointId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.syncStatus }),
  });
}

/** Events after which what is stored changed: the status is read again. */
const STORING_EVENTS = new Set<SyncProgressEvent['type']>(['dataset', 'finished', 'quota_exceeded', 'failed']);

/**
 * The live progress of the sync (`GET /api/sync/events`): the latest event (the stream starts with the
 * last one known), and the status re-read whenever a data set was stored or the run ended. The browser's
 * EventSource reconnects by itself after a drop.
 */
export function useSyncProgress(): SyncProgressEvent | null {
  const queryClient = useQueryClient();
  const [latest, setLatest] = useState<SyncProgressEvent | null>(null);
  useEffect(() => {
    const source = new EventSource(SYNC_EVENTS_URL);
    const onProgress = (message: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = syncProgressSchema.safeParse(data);
      if (!parsed.success) {
        return;
      }
      setLatest(parsed.data);
      if (STORING_EVENTS.has(parsed.data.type)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.syncStatus });
      }
    };
    source.addEventListener('progress', onProgress);
    return () => {
      source.removeEventListener('progress', onProgress);
      source.close();
    };
  }, [queryClient]);
  return latest;
}
