import { useQueries, useQueryClient, type Query, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { DateRange } from '@med/core';
import { isApiError } from '../api/ApiError.ts';
import { getMeterData, type MeterData, type MeteringDataset } from '../api/enedis.ts';

/** Query key of one call; pages asking for the same range of the same meter share the cached answer. */
export function meteringKey(usagePointId: string, dataset: MeteringDataset, range: DateRange) {
  return ['metering', usagePointId, dataset, range.start, range.end] as const;
}

/** A complete past range never changes; a partial one (D-1 not published yet…) is worth asking again later. */
function staleTime(query: Query<MeterData, Error, MeterData, QueryKey>): number {
  const data = query.state.data;
  return data && data.missingDates.length === 0 ? Infinity : 60 * 60_000;
}

/** One automatic retry on a server or network failure (503: Enedis busy); never on a quota error. */
function retry(failureCount: number, error: Error): boolean {
  if (failureCount >= 1) {
    return false;
  }
  return isApiError(error) && (error.status === 0 || error.status >= 500);
}

export interface ChunkStatus {
  range: DateRange;
  status: 'waiting' | 'loading' | 'success' | 'error';
}

export interface MeteringChunks {
  /** Answers received so far, in the order of the ranges (undefined = not yet). */
  dataList: (MeterData | undefined)[];
  chunks: ChunkStatus[];
  done: number;
  total: number;
  /** Some range is still waiting or loading. */
  busy: boolean;
  /** The first failure; later ranges wait until it is retried. */
  error: Error | null;
  /** When that failure happened (epoch ms), to turn a Retry-After into a time of day. */
  errorAt: number;
  /** Days reported without data by the server, over all received ranges. */
  missingDates: string[];
  /** Asks again the ranges that failed (the chain then resumes). */
  retry: () => void;
}

/**
 * Loads `ranges` of one dataset, in order, at most `concurrency` at a time, each as its own cached
 * query (so progress is real and a page can reuse what another loaded). A failure stops the chain:
 * a quota error would only fail again, and the user gets a retry button.
 */
export function useMeteringChunks(
  usagePointId: string | null,
  dataset: MeteringDataset,
  ranges: readonly DateRange[],
  concurrency = 2,
): MeteringChunks {
  const queryClient = useQueryClient();
  const keys = usagePointId === null ? [] : ranges.map((range) => meteringKey(usagePointId, dataset, range));
  // Whether each range may start: no earlier failure, and fewer than `concurrency` earlier ranges unfinished.
  const enabled: boolean[] = [];
  let unfinished = 0;
  let failed = false;
  for (const key of keys) {
    const state = queryClient.getQueryState(key);
    enabled.push(!failed && unfinished < concurrency);
    if (state?.status === 'error') {
      failed = true;
    } else if (state?.status !== 'success') {
      unfinished += 1;
    }
  }

  const combine = useCallback(
    (
      results: {
        data: MeterData | undefined;
        status: 'pending' | 'error' | 'success';
        fetchStatus: string;
        error: Error | null;
        errorUpdatedAt: number;
      }[],
    ) => ({
      dataList: results.map((result) => result.data),
      states: results.map((result) => ({
        status: result.status,
        fetching: result.fetchStatus === 'fetching',
        error: result.error,
        errorAt: result.errorUpdatedAt,
      })),
    }),
    [],
  );

  const { dataList, states } = useQueries({
    queries: keys.map((key, index) => ({
      queryKey: key,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        getMeterData(dataset, key[1], { start: key[3], end: key[4] }, signal),
      enabled: enabled[index] ?? false,
      staleTime,
      gcTime: 6 * 60 * 60_000,
      retry,
    })),
    combine,
  });

  const chunks: ChunkStatus[] = states.map((state, index) => ({
    range: ranges[index] ?? { start: '', end: '' },
    status:
      state.status === 'success'
        ? 'success'
        : state.status === 'error'
          ? 'error'
          : state.fetching
            ? 'loading'
            : 'waiting',
  }));
  const failure = states.find((state) => state.status === 'error');
  const error = failure?.error ?? null;
  const missing = new Set<string>();
  for (const data of dataList) {
    for (const day of data?.missingDates ?? []) {
      missing.add(day);
    }
  }

  const retryFailed = () => {
    for (const key of keys) {
      if (queryClient.getQueryState(key)?.status === 'error') {
        void queryClient.refetchQueries({ queryKey: key, exact: true });
      }
    }
  };

  return {
    dataList,
    chunks,
    done: chunks.filter((chunk) => chunk.status === 'success').length,
    total: chunks.length,
    busy: chunks.some((chunk) => chunk.status === 'loading' || chunk.status === 'waiting') && error === null,
    error,
    errorAt: failure?.errorAt ?? 0,
    missingDates: [...missing].sort(),
    retry: retryFailed,
  };
}
