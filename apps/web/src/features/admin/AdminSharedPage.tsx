import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/Button.tsx';
import { useSwitchSharedView } from '../../hooks/useSharedView.ts';
import { formatDateTime } from '../../lib/format.ts';
import { AdminQuery } from './AdminQuery.tsx';
import { tableClass, tableWrapClass, tdClass, thClass } from './tableStyles.ts';
import { useSharedPdls } from './useAdmin.ts';

/**
 * `/admin/shared` (permission `users`): the meters of users who share their data. "View" switches this tab
 * to a read-only view of the owner's data pages (a banner says whose; "leave" comes back).
 */
export default function AdminSharedPage() {
  const { t, i18n } = useTranslation();
  const shared = useSharedPdls();
  const switchView = useSwitchSharedView();
  const navigate = useNavigate();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('admin.shared.title')}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('admin.shared.intro')}</p>
      <AdminQuery query={shared}>
        {({ pdls }) =>
          pdls.length === 0 ? (
            <p>{t('admin.shared.empty')}</p>
          ) : (
            <div className={tableWrapClass} tabIndex={0} role="region" aria-label={t('admin.shared.title')}>
              <table className={tableClass}>
                <thead>
                  <tr>
                    <th scope="col" className={thClass}>
                      {t('admin.shared.owner')}
                    </th>
                    <th scope="col" className={thClass}>
                      {t('admin.shared.meter')}
                    </th>
                    <th scope="col" className={thClass}>
                      {t('admin.shared.since')}
                    </th>
                    <th scope="col" className={thClass}>
                      <span className="sr-only">{t('admin.shared.open')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {pdls.map((pdl) => (
                    <tr key={pdl.id}>
                      <td className={`${tdClass} break-all`}>{pdl.owner_email}</td>
                      <td className={tdClass}>
                        {pdl.name && <span className="block">{pdl.name}</span>}
                        <span className="font-mono">{pdl.usage_point_id}</span>
                      </td>
                      <td className={tdClass}>
                        {pdl.sharing_enabled_at ? formatDateTime(pdl.sharing_enabled_at, i18n.language) : ''}
                      </td>
                      <td className={tdClass}>
                        <Button
                          variant="secondary"
                          aria-label={t('admin.shared.openLabel', { prm: pdl.usage_point_id, owner: pdl.owner_email })}
                          onClick={() => {
                            switchView({ ownerId: pdl.owner_id, ownerEmail: pdl.owner_email });
                            void navigate(
                              `/${pdl.has_consumption ? 'consumption' : 'production'}?pdl=${pdl.usage_point_id}`,
                            );
                          }}
                        >
                          {t('admin.shared.open')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </AdminQuery>
    </div>
  );
}
