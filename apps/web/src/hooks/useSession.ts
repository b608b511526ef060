import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoginRequest } from '@med/contracts';
import { getMe, login, logout } from '../api/accounts.ts';
import { queryKeys } from '../api/queryKeys.ts';

/** Drops everything cached for the previous account; only the runtime config survives. */
export function forgetAccountData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.config[0] });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => login(credentials),
    onSuccess: async () => {
      forgetAccountData(queryClient);
      // Wait for the account so protected pages render at once instead of bouncing back to /login.
      await queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: ({ signal }) => getMe(signal) });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Even if the server call fails the user asked to leave: forget the account locally.
    onSettled: () => {
      forgetAccountData(queryClient);
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}
