import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { useStartConsent } from './useConsent.ts';

/**
 * The Enedis consent (Data Connect OAuth): asks the server for a single-use consent URL and leaves for
 * Enedis. Enedis sends the browser back to `/api/oauth/callback`, which lands on the dashboard with
 * `consent_success` / `consent_error` (see ConsentResultBanner).
 */
export function EnedisConsentSlot() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const authorize = useStartConsent();
  return (
    <section
      aria-labelledby="enedis-consent-title"
      data-slot="enedis-consent"
      className="rounded-xl border border-sky-300 bg-sky-50/60 p-4 text-sm sm:p-6 dark:border-sky-800 dark:bg-sky-950/30"
    >
      <h2 id="enedis-consent-title" className="font-semibold">
        {t('consent.title')}
      </h2>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{t('consent.text')}</p>
      {me?.is_demo ? (
        <p className="mt-3 text-slate-700 dark:text-slate-300">{t('consent.demoReadOnly')}</p>
      ) : (
        <Button className="mt-3 w-full sm:w-auto" disabled={authorize.leaving} onClick={() => authorize.mutate()}>
          {authorize.leaving ? t('consent.redirecting') : t('consent.button')}
        </Button>
      )}
      {authorize.error && (
        <Alert tone="error" className="mt-3">
          {errorMessage(t, authorize.error)}
        </Alert>
      )}
    </section>
  );
}
