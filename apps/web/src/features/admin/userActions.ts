import type { AdminUser, PermissionName } from '@med/contracts';
import type { UserAction } from './admin.api.ts';

export interface UserActionSpec {
  action: UserAction;
  permission: PermissionName;
  /** Asks first: the action removes something or locks the user out. */
  confirm: boolean;
  danger: boolean;
}

/** The permission each action needs on the server (upstream §1.3, features/admin/admin.routes.ts). */
export function actionsFor(user: AdminUser, selfId: string): UserActionSpec[] {
  const self = user.id === selfId;
  const specs: (UserActionSpec | null)[] = [
    // The server refuses both on one's own account.
    self
      ? null
      : { action: 'toggle-status', permission: 'users.edit', confirm: user.is_active, danger: user.is_active },
    { action: 'reset-password', permission: 'users.edit', confirm: false, danger: false },
    { action: 'reset-quota', permission: 'users', confirm: false, danger: false },
    { action: 'toggle-debug', permission: 'users', confirm: false, danger: false },
    { action: 'clear-cache', permission: 'users', confirm: true, danger: true },
    self ? null : { action: 'delete', permission: 'users.delete', confirm: true, danger: true },
  ];
  return specs.filter((spec): spec is UserActionSpec => spec !== null);
}

/** The button's label key: a switch says where it goes. */
export function actionLabelKey(action: UserAction, user: AdminUser) {
  switch (action) {
    case 'toggle-status':
      return user.is_active ? ('admin.users.actions.deactivate' as const) : ('admin.users.actions.activate' as const);
    case 'toggle-debug':
      return user.debug_mode ? ('admin.users.actions.debugOff' as const) : ('admin.users.actions.debugOn' as const);
    case 'reset-password':
      return 'admin.users.actions.resetPassword' as const;
    case 'reset-quota':
      return 'admin.users.actions.resetQuota' as const;
    case 'clear-cache':
      return 'admin.users.actions.clearCache' as const;
    case 'delete':
      return 'admin.users.actions.delete' as const;
  }
}

/** The message once done, from the user as it was before the action. */
export function doneKey(action: UserAction, before: AdminUser) {
  switch (action) {
    case 'toggle-status':
      return before.is_active ? ('admin.users.done.deactivated' as const) : ('admin.users.done.activated' as const);
    case 'toggle-debug':
      return before.debug_mode ? ('admin.users.done.debugOff' as const) : ('admin.users.done.debugOn' as const);
    case 'reset-password':
      return 'admin.users.done.resetPassword' as const;
    case 'reset-quota':
      return 'admin.users.done.resetQuota' as const;
    case 'clear-cache':
      return 'admin.users.done.clearCache' as const;
    case 'delete':
      return 'admin.users.done.deleted' as const;
  }
}

/** The question asked before an action that removes something or locks the user out (null: none asked). */
export function confirmKey(spec: UserActionSpec) {
  if (!spec.confirm) {
    return null;
  }
  switch (spec.action) {
    case 'toggle-status':
      return 'admin.users.confirm.deactivate' as const;
    case 'clear-cache':
      return 'admin.users.confirm.clearCache' as const;
    case 'delete':
      return 'admin.users.confirm.delete' as const;
    case 'reset-password':
    case 'reset-quota':
    case 'toggle-debug':
      return null;
  }
}
