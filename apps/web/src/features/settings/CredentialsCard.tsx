import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { CopyButton } from '../../components/ui/CopyButton.tsx';
import { SecretReveal } from '../../components/ui/SecretReveal.tsx';
import { useCredentials, useRegenerateSecret } from '../../hooks/useAccount.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';

export function CredentialsCard({ fallbackClientId, readOnly }: { fallbackClientId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const credentials = useCredentials();
  const regenerate = useRegenerateSecret();
  const [confirming, setConfirming] = useState(false);
  const clientId = credentials.data?.client_id ?? fallbackClientId;

  return (
    <Card title={t('settings.credentials.title')}>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('settings.credentials.intro')}</p>
      <section
        aria-labelledby="secret-how-title"
        className="mt-4 rounded-lg bg-slate-100 p-3 text-sm dark:bg-slate-800"
      >
        <h3 id="secret-how-title" className="font-semibold">
          {t('settings.credentials.howTitle')}
        </h3>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
          <li>{t('settings.credentials.howApiKey')}</li>
          <li>{t('settings.credentials.howToken')}</li>
          <li>{t('settings.credentials.howCache')}</li>
        </ul>
        <Link to="/api-docs" className="mt-2 inline-block font-medium text-sky-800 underline dark:text-sky-300">
          {t('settings.credentials.howDocs')}
        </Link>
      </section>

      {regenerate.data ? (
        // The new secret is in memory only for this render of the page: leaving it loses it, as intended.
        <div className="mt-4 space-y-4">
          <Alert tone="success">{t('settings.credentials.regenerated')}</Alert>
          <SecretReveal clientId={regenerate.data.client_id} clientSecret={regenerate.data.client_secret} />
        </div>
      ) : (
        <>
          <div className="mt-4">
            <p className="text-sm font-medium">{t('secret.clientId')}</p>
            <div className="mt-1 flex flex-col gap-2 sm:flex-row sm:items-center">
              <code className="block min-w-0 flex-1 rounded-lg bg-slate-100 px-3 py-2 font-mono text-sm break-all dark:bg-slate-800">
                {clientId}
              </code>
              <CopyButton value={clientId} label={`${t('common.copy')} ${t('secret.clientId')}`} />
            </div>
          </div>
          <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">{t('settings.credentials.secretHidden')}</p>
          {confirming ? (
            <Alert tone="warning" className="mt-4">
              <p>{t('settings.credentials.regenerateConfirm')}</p>
              <div className="mt-3 flex flex-wrap gap-2">
                <Button
                  variant="danger"
                  disabled={regenerate.isPending}
                  onClick={() => regenerate.mutate(undefined, { onSettled: () => setConfirming(false) })}
                >
                  {regenerate.isPending
                    ? t('settings.credentials.regenerating')
                    : t('settings.credentials.regenerateConfirmButton')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </Button>
              </div>
            </Alert>
          ) : readOnly ? null : (
            <Button variant="secondary" className="mt-4" onClick={() => setConfirming(true)}>
              {t('settings.credentials.regenerate')}
            </Button>
          )}
        </>
      )}
      {regenerate.error && (
        <Alert tone="error" className="mt-4">
          {errorMessage(t, regenerate.error)}
        </Alert>
      )}
    </Card>
  );
}
