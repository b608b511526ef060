import { useTranslation } from 'react-i18next';
import { Spinner } from '../components/ui/Spinner.tsx';
import { AccountCard } from '../features/settings/AccountCard.tsx';
import { AdminSharingCard } from '../features/settings/AdminSharingCard.tsx';
import { ChangePasswordCard } from '../features/settings/ChangePasswordCard.tsx';
import { CredentialsCard } from '../features/settings/CredentialsCard.tsx';
import { DeleteAccountCard } from '../features/settings/DeleteAccountCard.tsx';
import { PreferencesCard } from '../features/settings/PreferencesCard.tsx';
import { UsageStatsCard } from '../features/settings/UsageStatsCard.tsx';
import { useMe } from '../hooks/useMe.ts';

export default function SettingsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  // ProtectedRoute only renders this page once the account is known.
  if (!me) {
    return <Spinner label={t('common.loading')} />;
  }
  // The demo account is read-only: the cards that only change the account are not shown at all, rather than
  // shown with buttons that fail.
  const readOnly = me.is_demo;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('settings.title')}</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <AccountCard me={me} />
        <UsageStatsCard />
        <CredentialsCard fallbackClientId={me.client_id} readOnly={readOnly} />
        <PreferencesCard />
        {!readOnly && <ChangePasswordCard />}
        {!readOnly && <AdminSharingCard me={me} />}
      </div>
      {!readOnly && <DeleteAccountCard />}
    </div>
  );
}
