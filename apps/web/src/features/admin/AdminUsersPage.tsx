import type { AdminUser } from '@med/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatInteger } from '../../lib/format.ts';
import { USERS_PER_PAGE } from './admin.api.ts';
import { hasPermission } from './adminSections.ts';
import { AdminQuery } from './AdminQuery.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { CreateUserCard } from './CreateUserCard.tsx';
import { tableClass, tableWrapClass, thClass } from './tableStyles.ts';
import { useAdminUsers, useAssignRole, useRoles, useUserAction } from './useAdmin.ts';
import { actionLabelKey, actionsFor, confirmKey, doneKey, type UserActionSpec } from './userActions.ts';
import { UserRow } from './UserRow.tsx';

interface Pending {
  user: AdminUser;
  spec: UserActionSpec;
}

export default function AdminUsersPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const query = useAdminUsers(search, page);
  const canChangeRoles = hasPermission(me, 'roles');
  const roles = useRoles(canChangeRoles);
  const action = useUserAction();
  const assign = useAssignRole();
  const failure = action.error ?? assign.error;

  const run = ({ user, spec }: Pending) => {
    setDone(null);
    assign.reset();
    action.mutate(
      { action: spec.action, userId: user.id, email: user.email },
      {
        onSuccess: ({ deletedKeys }) =>
          setDone(t(doneKey(spec.action, user), { email: user.email, count: deletedKeys ?? 0 })),
      },
    );
  };

  const question = confirming ? confirmKey(confirming.spec) : null;

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearch(typed);
    setPage(1);
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('admin.users.title')}</h1>
      {hasPermission(me, 'users.edit') && <CreateUserCard roles={canChangeRoles ? roles.data : undefined} />}
      <form role="search" onSubmit={onSearch} className="flex flex-wrap items-end gap-2">
        <TextField
          label={t('admin.users.search')}
          type="search"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          className="min-w-0 flex-1 sm:max-w-md"
        />
        <Button type="submit" variant="secondary">
          {t('admin.users.searchButton')}
        </Button>
      </form>
      {done && <Alert tone="success">{done}</Alert>}
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      <AdminQuery query={query}>
        {(result) => {
          const pages = Math.max(1, Math.ceil(result.total / USERS_PER_PAGE));
          if (result.users.length === 0) {
            return <p className="text-sm text-slate-600 dark:text-slate-400">{t('admin.users.none')}</p>;
          }
          return (
            <div className="space-y-3">
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {t('admin.users.count', { count: result.total, value: formatInteger(result.total, i18n.language) })}
              </p>
              <div className={tableWrapClass} tabIndex={0} role="region" aria-label={t('admin.users.title')}>
                <table className={tableClass}>
                  <thead>
                    <tr>
                      <th className={thClass}>{t('common.email')}</th>
                      <th className={thClass}>{t('admin.users.role')}</th>
                      <th className={`${thClass} text-right`}>{t('admin.users.meters')}</th>
                      <th className={thClass}>{t('admin.users.usageToday')}</th>
                      <th className={thClass}>{t('admin.users.createdAt')}</th>
                      <th className={thClass}>{t('admin.users.actionsColumn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.users.map((user) => (
                      <UserRow
                        key={user.id}
                        user={user}
                        actions={actionsFor(user, me?.id ?? '').filter((spec) => hasPermission(me, spec.permission))}
                        // Nobody changes their own role (the server refuses it).
                        roles={canChangeRoles && user.id !== me?.id ? (roles.data ?? null) : null}
                        busy={action.isPending || assign.isPending}
                        onAction={(spec) => (confirmKey(spec) ? setConfirming({ user, spec }) : run({ user, spec }))}
                        onRole={(roleId) => {
                          setDone(null);
                          action.reset();
                          assign.mutate(
                            { userId: user.id, roleId, email: user.email },
                            {
                              onSuccess: (answer) =>
                                setDone(
                                  t('admin.users.done.role', { email: user.email, role: answer.role.display_name }),
                                ),
                            },
                          );
                        }}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
              {pages > 1 && (
                <nav aria-label={t('admin.users.pagination')} className="flex items-center gap-2">
                  <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                    {t('admin.users.previous')}
                  </Button>
                  <span className="text-sm" aria-live="polite">
                    {t('admin.users.page', { page, pages })}
                  </span>
                  <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                    {t('admin.users.next')}
                  </Button>
                </nav>
              )}
            </div>
          );
        }}
      </AdminQuery>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? t(actionLabelKey(confirming.spec.action, confirming.user)) : ''}
        text={confirming && question ? t(question, { email: confirming.user.email }) : ''}
        confirmLabel={t('admin.users.confirm.yes')}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) {
            run(confirming);
          }
          setConfirming(null);
        }}
      />
    </div>
  );
}
