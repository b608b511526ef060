import type { Permission, RoleDetail } from '@med/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { PermissionChecklist } from './PermissionChecklist.tsx';
import { useDeleteRole, useSetRolePermissions } from './useAdmin.ts';

/** One role: system roles are shown read-only (the server refuses to change them); custom ones are editable. */
export function RoleCard({ role, permissions }: { role: RoleDetail; permissions: Permission[] }) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState<Set<string>>(() => new Set(role.permissions.map((held) => held.id)));
  const [saved, setSaved] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = useSetRolePermissions();
  const remove = useDeleteRole();
  const unchanged = checked.size === role.permissions.length && role.permissions.every((held) => checked.has(held.id));
  const title = (
    <span className="flex flex-wrap items-baseline gap-2">
      {role.display_name}
      <span className="font-mono text-sm font-normal text-slate-600 dark:text-slate-400">{role.name}</span>
      {role.is_system && (
        <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-800 dark:text-slate-100">
          {t('admin.roles.system')}
        </span>
      )}
    </span>
  );
  return (
    <Card title={title}>
      {role.description && <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">{role.description}</p>}
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        {t('admin.roles.holders', { count: role.user_count })}
      </p>
      {role.is_system ? (
        <>
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{t('admin.roles.systemReadOnly')}</p>
          {role.permissions.length === 0 ? (
            <p className="text-sm">{t('admin.roles.noPermission')}</p>
          ) : (
            <ul
              aria-label={t('admin.roles.permissionsOf', { role: role.display_name })}
              className="flex flex-wrap gap-1"
            >
              {role.permissions.map((held) => (
                <li
                  key={held.id}
                  className="rounded bg-sky-100 px-2 py-1 text-xs text-sky-900 dark:bg-sky-950 dark:text-sky-100"
                >
                  {held.display_name}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(false);
            save.mutate({ roleId: role.id, permissionIds: [...checked] }, { onSuccess: () => setSaved(true) });
          }}
        >
          <PermissionChecklist
            legend={t('admin.roles.permissionsOf', { role: role.display_name })}
            permissions={permissions}
            checked={checked}
            onChange={(next) => {
              setSaved(false);
              setChecked(next);
            }}
          />
          {saved && <Alert tone="success">{t('admin.roles.saved', { role: role.display_name })}</Alert>}
          {(save.error ?? remove.error) && <Alert tone="error">{errorMessage(t, save.error ?? remove.error)}</Alert>}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={unchanged || save.isPending}>
              {t('admin.roles.save')}
            </Button>
            <Button
              variant="danger"
              disabled={role.user_count > 0 || remove.isPending}
              onClick={() => setConfirmDelete(true)}
            >
              {t('admin.roles.delete')}
            </Button>
          </div>
          {role.user_count > 0 && (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t('admin.roles.inUse')}</p>
          )}
        </form>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={t('admin.roles.delete')}
        text={t('admin.roles.confirmDelete', { role: role.display_name })}
        confirmLabel={t('admin.roles.delete')}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => {
          setConfirmDelete(false);
          remove.mutate(role.id);
        }}
      />
    </Card>
  );
}
