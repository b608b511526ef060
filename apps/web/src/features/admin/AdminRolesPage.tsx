import { useTranslation } from 'react-i18next';
import { AdminQuery } from './AdminQuery.tsx';
import { CreateRoleCard } from './CreateRoleCard.tsx';
import { RoleCard } from './RoleCard.tsx';
import { usePermissions, useRoles } from './useAdmin.ts';

export default function AdminRolesPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const permissions = usePermissions();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('admin.roles.title')}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('admin.roles.intro')}</p>
      <AdminQuery query={permissions}>
        {(allPermissions) => (
          <AdminQuery query={roles}>
            {(list) => (
              <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
                {list.map((role) => (
                  <RoleCard key={role.id} role={role} permissions={allPermissions} />
                ))}
                <CreateRoleCard permissions={allPermissions} />
              </div>
            )}
          </AdminQuery>
        )}
      </AdminQuery>
    </div>
  );
}
