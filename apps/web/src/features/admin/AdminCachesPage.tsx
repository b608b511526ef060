import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatInteger } from '../../lib/format.ts';
import type { CacheScope } from './admin.api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { useClearAllCaches } from './useAdmin.ts';

const SCOPES: CacheScope[] = ['consumption', 'production', 'all'];

/** Empties every user's cached Enedis data, by kind; each clearing asks first and says how much went. */
export default function AdminCachesPage() {
  const { t, i18n } = useTranslation();
  const clear = useClearAllCaches();
  const [confirming, setConfirming] = useState<CacheScope | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('admin.caches.title')}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('admin.caches.intro')}</p>
      {done && <Alert tone="success">{done}</Alert>}
      {clear.error && <Alert tone="error">{errorMessage(t, clear.error)}</Alert>}
      <div className="grid grid-cols-1 gap-6 md:grid-cols-3">
        {SCOPES.map((scope) => (
          <Card key={scope} title={t(`admin.caches.${scope}.title`)}>
            <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">{t(`admin.caches.${scope}.text`)}</p>
            <Button variant="danger" disabled={clear.isPending} onClick={() => setConfirming(scope)}>
              {t(`admin.caches.${scope}.button`)}
            </Button>
          </Card>
        ))}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? t(`admin.caches.${confirming}.button`) : ''}
        text={t('admin.caches.confirm')}
        confirmLabel={t('admin.caches.confirmYes')}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const scope = confirming;
          setConfirming(null);
          if (!scope) {
            return;
          }
          setDone(null);
          clear.mutate(scope, {
            onSuccess: (answer) =>
              setDone(
                t('admin.caches.done', {
                  count: answer.deleted_keys,
                  value: formatInteger(answer.deleted_keys, i18n.language),
                  what: t(`admin.caches.${scope}.title`),
                  meters: formatInteger(answer.total_pdls, i18n.language),
                }),
              ),
          });
        }}
      />
    </div>
  );
}
