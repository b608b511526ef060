import type { MeResponse } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { formatDate } from '../../lib/format.ts';

export function AccountCard({ me }: { me: MeResponse }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t('settings.account.title')}>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div className="min-w-0">
          <dt className="text-slate-500 dark:text-slate-400">{t('settings.account.email')}</dt>
          <dd className="font-medium break-all">{me.email}</dd>
          <dd
            className={
              me.email_verified ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-300'
            }
          >
            {me.email_verified ? t('settings.account.emailVerified') : t('settings.account.emailNotVerified')}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">{t('settings.account.createdAt')}</dt>
          <dd className="font-medium">{formatDate(me.created_at, i18n.language)}</dd>
        </div>
      </dl>
      {me.is_demo && (
        <Alert tone="info" className="mt-4">
          {t('settings.account.demo')}
        </Alert>
      )}
    </Card>
  );
}
