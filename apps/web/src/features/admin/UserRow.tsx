import type { AdminUser, RoleDetail } from '@med/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button.tsx';
import { inputClass } from '../../components/ui/fieldStyles.ts';
import { formatDate, formatInteger } from '../../lib/format.ts';
import { tdClass } from './tableStyles.ts';
import { actionLabelKey, type UserActionSpec } from './userActions.ts';

interface UserRowProps {
  user: AdminUser;
  actions: UserActionSpec[];
  /** Roles offered in the role picker; null when the caller may not change roles (or it is their own row). */
  roles: RoleDetail[] | null;
  busy: boolean;
  onAction: (spec: UserActionSpec) => void;
  onRole: (roleId: string) => void;
}

function Badge({ children, tone }: { children: string; tone: 'warning' | 'info' }) {
  const colors =
    tone === 'warning'
      ? 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100'
      : 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100';
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${colors}`}>{children}</span>;
}

function usage(used: number, limit: number | null, language: string): string {
  return limit === null
    ? formatInteger(used, language)
    : `${formatInteger(used, language)} / ${formatInteger(limit, language)}`;
}

/** One user: who, role, meters, today's usage, and the actions the caller may run, behind a toggle. */
export function UserRow({ user, actions, roles, busy, onAction, onRole }: UserRowProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [roleId, setRoleId] = useState(user.role.id);
  const panelId = useId();
  const roleFieldId = useId();
  const stats = user.usage_stats;
  return (
    <>
      <tr>
        <td className={tdClass}>
          <div className="break-all font-medium">{user.email}</div>
          <div className="mt-1 flex flex-wrap gap-1">
            {!user.is_active && <Badge tone="warning">{t('admin.users.badges.inactive')}</Badge>}
            {!user.email_verified && <Badge tone="warning">{t('admin.users.badges.unverified')}</Badge>}
            {!user.has_password && <Badge tone="info">{t('admin.users.badges.invited')}</Badge>}
            {user.debug_mode && <Badge tone="info">{t('admin.users.badges.debug')}</Badge>}
            {user.admin_data_sharing && <Badge tone="info">{t('admin.users.badges.sharing')}</Badge>}
          </div>
        </td>
        <td className={`${tdClass} whitespace-nowrap`}>{user.role.display_name}</td>
        <td className={`${tdClass} text-right tabular-nums`}>{formatInteger(user.pdl_count, i18n.language)}</td>
        <td className={`${tdClass} whitespace-nowrap tabular-nums`}>
          <div>
            {t('admin.users.cachedShort')} {usage(stats.cached_requests, stats.cached_limit, i18n.language)}
          </div>
          <div>
            {t('admin.users.noCacheShort')} {usage(stats.no_cache_requests, stats.no_cache_limit, i18n.language)}
          </div>
        </td>
        <td className={`${tdClass} whitespace-nowrap`}>{formatDate(user.created_at, i18n.language)}</td>
        <td className={tdClass}>
          <Button
            variant="secondary"
            aria-expanded={open}
            aria-controls={panelId}
            aria-label={t('admin.users.manage', { email: user.email })}
            onClick={() => setOpen((value) => !value)}
          >
            {t('admin.users.manageShort')}
          </Button>
        </td>
      </tr>
      {open && (
        <tr id={panelId}>
          <td colSpan={6} className={`${tdClass} bg-slate-50 dark:bg-slate-950/40`}>
            <div className="flex flex-wrap items-end gap-2">
              {actions.map((spec) => (
                <Button
                  key={spec.action}
                  variant={spec.danger ? 'danger' : 'secondary'}
                  disabled={busy}
                  onClick={() => onAction(spec)}
                >
                  {t(actionLabelKey(spec.action, user))}
                </Button>
              ))}
              {roles && (
                <form
                  className="flex flex-wrap items-end gap-2"
                  onSubmit={(event) => {
                    event.preventDefault();
                    onRole(roleId);
                  }}
                >
                  <div>
                    <label htmlFor={roleFieldId} className="mb-1 block text-sm font-medium">
                      {t('admin.users.roleLabel')}
                    </label>
                    <select
                      id={roleFieldId}
                      className={inputClass}
                      value={roleId}
                      onChange={(event) => setRoleId(event.target.value)}
                    >
                      {roles.map((role) => (
                        <option key={role.id} value={role.id}>
                          {role.display_name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <Button type="submit" variant="secondary" disabled={busy || roleId === user.role.id}>
                    {t('admin.users.changeRole')}
                  </Button>
                </form>
              )}
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
