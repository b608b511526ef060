import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './ApiError.ts';
import { queryKeys } from './queryKeys.ts';
import { endsSession } from './sessionErrors.ts';

/**
 * One client for the app. An error saying the session ended (expired cookie, logout in another tab)
 * marks the account as signed out so protected pages send the user to /login. A wrong password typed
 * in a form is a 401 too, but the user is still signed in: that form shows the error instead.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (endsSession(error)) {
      queryClient.setQueryData(queryKeys.me, null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      },
    },
  });
  return queryClient;
}
