import type { AdminLogEntry } from '@med/contracts';
import { useEffect, useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { tailLogs, type LogFilters } from './admin.api.ts';

/** How often the live view asks for new records, and how many it keeps on screen. */
export const TAIL_INTERVAL_MS = 2_000;
export const TAIL_KEEP = 500;

export interface LogTail {
  entries: AdminLogEntry[];
  error: unknown;
}

/**
 * Live view of the log journal while `enabled`: the newest records matching the filters, then whatever is
 * stored after the last one seen, polled every 2 s (the server keeps a cursor per answer, not per viewer).
 * A cursor the store no longer holds (cleared, pushed out) starts the view over.
 */
export function useLogTail(enabled: boolean, filters: LogFilters): LogTail {
  const [state, setState] = useState<LogTail>({ entries: [], error: null });
  const { level, search } = filters;

  useEffect(() => {
    if (!enabled) {
      setState({ entries: [], error: null });
      return;
    }
    const controller = new AbortController();
    let cursor: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const answer = await tailLogs({ level, search }, cursor, controller.signal);
        const first = cursor === undefined;
        cursor = answer.cursor ?? cursor;
        setState((previous) => ({
          entries: (first || answer.reset ? answer.logs : [...answer.logs, ...previous.entries]).slice(0, TAIL_KEEP),
          error: null,
        }));
      } catch (error) {
        if (controller.signal.aborted) {
          return;
        }
        setState((previous) => ({ ...previous, error }));
        // A refused call (session ended, permission withdrawn) will be refused again: stop asking.
        if (isApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 429) {
          return;
        }
      }
      timer = setTimeout(() => void poll(), TAIL_INTERVAL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [enabled, level, search]);

  return state;
}
