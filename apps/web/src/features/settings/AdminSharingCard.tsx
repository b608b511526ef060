import type { MeResponse } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { Switch } from '../../components/ui/Switch.tsx';
import { useToggleAdminSharing } from '../../hooks/useAccount.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatDateTime } from '../../lib/format.ts';
import { DataAccessList } from './DataAccessList.tsx';

export function AdminSharingCard({ me }: { me: MeResponse }) {
  const { t, i18n } = useTranslation();
  const toggle = useToggleAdminSharing();
  return (
    <Card title={t('settings.sharing.title')}>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('settings.sharing.text')}</p>
      <div className="mt-3">
        <Switch
          checked={me.admin_data_sharing}
          label={t('settings.sharing.toggle')}
          showLabel
          disabled={toggle.isPending}
          // The endpoint flips the flag; the server's answer is put back into the cached account.
          onChange={() => toggle.mutate()}
        />
      </div>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {me.admin_data_sharing && me.admin_data_sharing_enabled_at
          ? t('settings.sharing.enabledSince', {
              value: formatDateTime(me.admin_data_sharing_enabled_at, i18n.language),
            })
          : me.admin_data_sharing
            ? null
            : t('settings.sharing.disabled')}
      </p>
      {toggle.error && (
        <Alert tone="error" className="mt-3">
          {errorMessage(t, toggle.error)}
        </Alert>
      )}
      <DataAccessList />
    </Card>
  );
}
