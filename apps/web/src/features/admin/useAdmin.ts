import type { CreateRoleRequest } from '@med/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createUser,
  adminKeys,
  assignRole,
  clearAllCaches,
  clearLogs,
  createRole,
  deleteRole,
  getAdminStats,
  getAdminUsers,
  getLogs,
  getPermissions,
  getRoles,
  getRteStatus,
  getSharedPdls,
  refreshRte,
  runUserAction,
  setRolePermissions,
  testAllRteApis,
  testRteApi,
  type LogFilters,
  type UserAction,
} from './admin.api.ts';

export function useAdminStats() {
  return useQuery({ queryKey: adminKeys.stats, queryFn: ({ signal }) => getAdminStats(signal), staleTime: 30_000 });
}

/** One page of users; the previous page stays on screen while the next one loads. */
export function useAdminUsers(search: string, page: number) {
  return useQuery({
    queryKey: adminKeys.users(search, page),
    queryFn: ({ signal }) => getAdminUsers(search, page, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUserAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, userId }: { action: UserAction; userId: string; email: string }) =>
      runUserAction(action, userId),
    // Every list page and the overview's user counts may have changed.
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

export function useAssignRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, roleId }: { userId: string; roleId: string; email: string }) => assignRole(userId, roleId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

export function useRoles(enabled = true) {
  return useQuery({ queryKey: adminKeys.roles, queryFn: ({ signal }) => getRoles(signal), enabled });
}

export function usePermissions() {
  return useQuery({
    queryKey: adminKeys.permissions,
    queryFn: ({ signal }) => getPermissions(signal),
    staleTime: Infinity,
  });
}

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRoleRequest) => createRole(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.roles }),
  });
}

export function useSetRolePermissions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ roleId, permissionIds }: { roleId: string; permissionIds: string[] }) =>
      setRolePermissions(roleId, permissionIds),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.roles }),
  });
}

export function useDeleteRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (roleId: string) => deleteRole(roleId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.roles }),
  });
}

export function useRteStatus() {
  return useQuery({ queryKey: adminKeys.rteStatus, queryFn: ({ signal }) => getRteStatus(signal) });
}

export function useRteTest() {
  return useMutation({ mutationFn: testRteApi });
}

export function useRteTestAll() {
  return useMutation({ mutationFn: testAllRteApis });
}

export function useRteRefresh() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: refreshRte,
    // The job table and the stored-data counts change with a refresh, whatever its outcome.
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.rteStatus }),
  });
}

/** One page of log records; the previous one stays on screen while the next loads. */
export function useLogs(filters: LogFilters, offset: number, enabled: boolean) {
  return useQuery({
    queryKey: adminKeys.logs(filters, offset),
    queryFn: ({ signal }) => getLogs(filters, offset, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useClearLogs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: clearLogs,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.logsAll }),
  });
}

export function useClearAllCaches() {
  return useMutation({ mutationFn: clearAllCaches });
}

export function useSharedPdls() {
  return useQuery({ queryKey: adminKeys.sharedPdls, queryFn: ({ signal }) => getSharedPdls(signal) });
}
