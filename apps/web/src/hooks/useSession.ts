import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoginRequest } from '@med/contracts';
import { getMe, login, logout } from '../api/accounts.ts';
import { queryKeys } from '../api/queryKeys.ts';

/**
 * Drops everything cached for the previous account; the runtime config survives, and so does the `me`
 * entry, which the caller sets (logout) or refetches (login) right after: removing it would leave the
 * mounted observers (the header) on a dead query, showing the previous session until they re-render.
 */
export function forgetAccountData(queryClient: QueryClient): void {
  const isMe = (key: readonly unknown[]) =>
    key.length === queryKeys.me.length && key.every((part, index) => part === queryKeys.me[index]);
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== queryKeys.config[0] && !isMe(query.queryKey),
  });
}

/** Reads the account of the new session (never the cached answer of the previous one). */
export function fetchNewSession(queryClient: QueryClient) {
  endedAt = 0;
  return queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: ({ signal }) => getMe(signal), staleTime: 0 });
}

// Navigations are React transitions, so a protected page sees the session end before the app has left
// it: this lets it go home (where logout and account deletion lead) instead of to /login?redirect=.
// Only for a moment: later, a protected page reached with the back button should still offer to log in.
let endedAt = 0;

/** True right after a logout or an account deletion. */
export function sessionEndedOnPurpose(now: number = Date.now()): boolean {
  return now - endedAt < 5_000;
}

/** Ends the session on this side: forget the account's data and mark it signed out. */
export function endSession(queryClient: QueryClient): void {
  endedAt = Date.now();
  forgetAccountData(queryClient);
  queryClient.setQueryData(queryKeys.me, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => login(credentials),
    onSuccess: async () => {
      forgetAccountData(queryClient);
      // Wait for the account so protected pages render at once instead of bouncing back to /login.
      await fetchNewSession(queryClient);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Even if the server call fails the user asked to leave: forget the account locally.
    onSettled: () => endSession(queryClient),
  });
}
