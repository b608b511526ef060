import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeResponse } from '@med/contracts';
import {
  deleteAccount,
  getCredentials,
  getUsageStats,
  regenerateSecret,
  toggleAdminSharing,
  updatePassword,
} from '../api/accounts.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { endSession } from './useSession.ts';

export function useCredentials() {
  return useQuery({ queryKey: queryKeys.credentials, queryFn: ({ signal }) => getCredentials(signal) });
}

export function useUsageStats() {
  return useQuery({
    queryKey: queryKeys.usageStats,
    queryFn: ({ signal }) => getUsageStats(signal),
    refetchInterval: 60_000,
  });
}

/**
 * The answer is the only copy of the new secret: the card shows it from the mutation's data. The server
 * revoked every other session and set a new cookie for this one; the credentials query only holds the
 * client id, taken from the answer rather than refetched.
 */
export function useRegenerateSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: regenerateSecret,
    onSuccess: (credentials) => {
      queryClient.setQueryData<Awaited<ReturnType<typeof getCredentials>>>(queryKeys.credentials, {
        client_id: credentials.client_id,
      });
    },
  });
}

export function useUpdatePassword() {
  return useMutation({
    mutationFn: ({ oldPassword, newPassword }: { oldPassword: string; newPassword: string }) =>
      updatePassword(oldPassword, newPassword),
  });
}

export function useToggleAdminSharing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: toggleAdminSharing,
    onSuccess: (sharing) => {
      queryClient.setQueryData<MeResponse | null>(queryKeys.me, (me) => (me ? { ...me, ...sharing } : me));
      void queryClient.invalidateQueries({ queryKey: queryKeys.dataAccess });
    },
  });
}

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => deleteAccount(password),
    onSuccess: () => endSession(queryClient),
  });
}
