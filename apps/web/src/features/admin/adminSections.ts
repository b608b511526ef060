import type { MeResponse, PermissionName } from '@med/contracts';

/** Whether the signed-in account's role holds this permission (the server checks it again on every call). */
export function hasPermission(me: MeResponse | null | undefined, permission: PermissionName): boolean {
  return me?.role.permissions.some((held) => held.name === permission) ?? false;
}

export type AdminSectionKey = 'overview' | 'users' | 'contributions' | 'roles' | 'logs' | 'caches' | 'rte' | 'shared';

export interface AdminSection {
  key: AdminSectionKey;
  path: string;
  /** What the server asks of every call the page makes: without it the page is neither listed nor shown. */
  permission: PermissionName;
}

/** The pages of the Admin area, in menu order. */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { key: 'overview', path: '/admin', permission: 'admin_dashboard' },
  { key: 'users', path: '/admin/users', permission: 'users' },
  // The moderation queue (issue 10); its page lives in features/contributions.
  { key: 'contributions', path: '/admin/contributions', permission: 'contributions' },
  { key: 'roles', path: '/admin/roles', permission: 'roles' },
  { key: 'logs', path: '/admin/logs', permission: 'logs' },
  // Emptying everyone's cache is behind `users.edit` on the server (admin-caches.routes.ts).
  { key: 'caches', path: '/admin/caches', permission: 'users.edit' },
  { key: 'rte', path: '/admin/rte', permission: 'admin_dashboard' },
  // Reading a sharing user's meters is behind `users` on the server (shared-data.routes.ts, auth.ts).
  { key: 'shared', path: '/admin/shared', permission: 'users' },
];

/** The Admin area is open to roles holding `admin_dashboard`; each page then needs its own permission. */
export function visibleSections(me: MeResponse | null | undefined): AdminSection[] {
  if (!hasPermission(me, 'admin_dashboard')) {
    return [];
  }
  return ADMIN_SECTIONS.filter((section) => hasPermission(me, section.permission));
}
