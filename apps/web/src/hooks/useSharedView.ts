import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { queryKeys } from '../api/queryKeys.ts';
import { getSharedView, setSharedView, subscribeSharedView, type SharedView } from '../api/sharedView.ts';
import { useMe } from './useMe.ts';

/** Whose shared data this tab is viewing (read-only), or null for the signed-in account's own. */
export function useSharedView(): SharedView | null {
  return useSyncExternalStore(subscribeSharedView, getSharedView, () => null);
}

/**
 * Enters or leaves the read-only view of an owner's data. The metering caches belong to whoever was viewed:
 * they are dropped (all but the account and the runtime config) so no figure of one account shows as another's.
 */
export function useSwitchSharedView(): (view: SharedView | null) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (view) => {
      setSharedView(view);
      queryClient.removeQueries({
        predicate: (query) => {
          const key = JSON.stringify(query.queryKey);
          return key !== JSON.stringify(queryKeys.me) && key !== JSON.stringify(queryKeys.config);
        },
      });
    },
    [queryClient],
  );
}

/** No write control is shown to the demo account nor while viewing someone else's shared data. */
export function useReadOnly(): boolean {
  const { data: me } = useMe();
  const view = useSharedView();
  return me?.is_demo === true || view !== null;
}
