import {
  adminCacheClearAllResultSchema,
  adminLogsClearResultSchema,
  adminLogsPageSchema,
  adminLogsTailSchema,
  adminStatsSchema,
  adminUsersPageSchema,
  cacheClearResultSchema,
  jobRunSchema,
  messageSchema,
  permissionSchema,
  roleDetailSchema,
  rteStatusSchema,
  rteTestAllSchema,
  rteTestResultSchema,
  sharedPdlsSchema,
  userRoleResponseSchema,
  adminActionResultSchema,
  adminUserSchema,
  type CreateAdminUserRequest,
  type CreateRoleRequest,
  type LogLevelName,
  type RteApiKey,
} from '@med/contracts';
import { request } from '../../api/client.ts';

/** The admin console's calls (`/api/admin/*`); each one is refused by the server without its permission. */

export const adminKeys = {
  all: ['admin'] as const,
  stats: ['admin', 'stats'] as const,
  users: (search: string, page: number) => ['admin', 'users', search, page] as const,
  usersAll: ['admin', 'users'] as const,
  roles: ['admin', 'roles'] as const,
  permissions: ['admin', 'permissions'] as const,
  rteStatus: ['admin', 'rte', 'status'] as const,
  sharedPdls: ['admin', 'shared-pdls'] as const,
  logsAll: ['admin', 'logs'] as const,
  logs: (filters: LogFilters, offset: number) => ['admin', 'logs', filters.level, filters.search, offset] as const,
};

/** The log viewer's filters; the server applies them (level exact, text case-insensitive). */
export interface LogFilters {
  level: LogLevelName | undefined;
  search: string;
}

export const LOGS_PER_PAGE = 100;

export const USERS_PER_PAGE = 20;

export function getAdminStats(signal?: AbortSignal) {
  return request('GET', '/admin/stats', { schema: adminStatsSchema, signal });
}

export function getAdminUsers(search: string, page: number, signal?: AbortSignal) {
  return request('GET', '/admin/users', {
    schema: adminUsersPageSchema,
    signal,
    query: { search: search.trim() === '' ? undefined : search.trim(), page, per_page: USERS_PER_PAGE },
  });
}

/** The actions on one user of the console (reference paths). */
export type UserAction = 'toggle-status' | 'reset-password' | 'reset-quota' | 'toggle-debug' | 'clear-cache' | 'delete';

/**
 * Runs one action. The server's message is in French only, so the page words the outcome itself; only
 * the count of removed cache entries (clear-cache) comes back to it.
 */
export async function runUserAction(action: UserAction, userId: string): Promise<{ deletedKeys: number | null }> {
  const path = `/admin/users/${encodeURIComponent(userId)}`;
  switch (action) {
    case 'toggle-status':
    case 'reset-quota':
    case 'toggle-debug':
      await request('POST', `${path}/${action}`, { schema: adminActionResultSchema });
      return { deletedKeys: null };
    case 'reset-password':
      await request('POST', `${path}/reset-password`, { schema: messageSchema });
      return { deletedKeys: null };
    case 'clear-cache': {
      const result = await request('DELETE', `${path}/clear-cache`, { schema: cacheClearResultSchema });
      return { deletedKeys: result.deleted_keys };
    }
    case 'delete':
      await request('DELETE', path, { schema: messageSchema });
      return { deletedKeys: null };
  }
}

/** `POST /api/admin/users`: an account without a password; the server mails the invitation link. */
export function createUser(body: CreateAdminUserRequest) {
  return request('POST', '/admin/users', { body, schema: adminUserSchema });
}

export function getRoles(signal?: AbortSignal) {
  return request('GET', '/admin/roles', { schema: roleDetailSchema.array(), signal });
}

export function getPermissions(signal?: AbortSignal) {
  return request('GET', '/admin/roles/permissions', { schema: permissionSchema.array(), signal });
}

export function createRole(body: CreateRoleRequest) {
  return request('POST', '/admin/roles', { body, schema: roleDetailSchema });
}

export function setRolePermissions(roleId: string, permissionIds: string[]) {
  return request('PUT', `/admin/roles/${encodeURIComponent(roleId)}/permissions`, {
    body: { permission_ids: permissionIds },
    schema: roleDetailSchema,
  });
}

export async function deleteRole(roleId: string): Promise<void> {
  await request('DELETE', `/admin/roles/${encodeURIComponent(roleId)}`);
}

export function assignRole(userId: string, roleId: string) {
  return request('PUT', `/admin/roles/users/${encodeURIComponent(userId)}/role`, {
    body: { role_id: roleId },
    schema: userRoleResponseSchema,
  });
}

export function getRteStatus(signal?: AbortSignal) {
  return request('GET', '/admin/rte/status', { schema: rteStatusSchema, signal });
}

export function testRteApi(api: RteApiKey) {
  return request('GET', `/admin/rte/test/${api}`, { schema: rteTestResultSchema });
}

export function testAllRteApis() {
  return request('GET', '/admin/rte/test', { schema: rteTestAllSchema });
}

export function refreshRte(dataset: 'tempo' | 'ecowatt') {
  return request('POST', `/admin/rte/refresh/${dataset}`, { schema: jobRunSchema });
}

const searchParam = (search: string) => (search.trim() === '' ? undefined : search.trim());

export function getLogs(filters: LogFilters, offset: number, signal?: AbortSignal) {
  return request('GET', '/admin/logs', {
    schema: adminLogsPageSchema,
    signal,
    query: { level: filters.level, search: searchParam(filters.search), limit: LOGS_PER_PAGE, offset },
  });
}

/** Records stored after `since` (the newest ones without it), for the live view. */
export function tailLogs(filters: LogFilters, since: string | undefined, signal?: AbortSignal) {
  return request('GET', '/admin/logs/tail', {
    schema: adminLogsTailSchema,
    signal,
    query: { level: filters.level, search: searchParam(filters.search), since, limit: 200 },
  });
}

export function clearLogs(level: LogLevelName | undefined) {
  return request('DELETE', '/admin/logs/clear', { schema: adminLogsClearResultSchema, query: { level } });
}

export type CacheScope = 'consumption' | 'production' | 'all';

/** Empties every user's cached Enedis data of one kind (or all of it); answers how many entries went. */
export function clearAllCaches(scope: CacheScope) {
  const path = scope === 'all' ? '/admin/cache/clear-all' : `/admin/cache/${scope}/clear-all`;
  return request('DELETE', path, { schema: adminCacheClearAllResultSchema });
}

/** The meters of users who share their data (`GET /api/admin/shared-pdls`, permission `users`). */
export function getSharedPdls(signal?: AbortSignal) {
  return request('GET', '/admin/shared-pdls', { schema: sharedPdlsSchema, signal });
}
