import { useQuery } from '@tanstack/react-query';
import { getMe } from '../api/accounts.ts';
import { isApiError } from '../api/ApiError.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { useAppMode } from './useRuntimeConfig.ts';

/**
 * The signed-in account: `data` is `null` for a visitor, `undefined` while loading. Only a gateway has
 * accounts: a local client never asks (its API has no `/accounts`).
 */
export function useMe() {
  const mode = useAppMode();
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
    enabled: mode === 'server',
    // Only a server or network hiccup is worth retrying; a 4xx will answer the same again.
    retry: (failureCount, error) =>
      failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
  });
}
