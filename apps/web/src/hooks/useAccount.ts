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

export function useRegenerateSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: regenerateSecret,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.credentials });
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
