import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { queryKeys } from '../../api/queryKeys.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { changesMeters, CONSENT_PARAMS, readConsentResult } from './consentResult.ts';

/** The result of the Enedis consent, from the address the callback redirected to; dismissible. */
export function ConsentResultBanner() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const result = readConsentResult(searchParams);
  const reload = result !== null && changesMeters(result);

  // The callback created, bound or revoked meters: read them and the history again.
  useEffect(() => {
    if (reload) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.pdls });
      void queryClient.invalidateQueries({ queryKey: queryKeys.consents });
    }
  }, [reload, queryClient]);

  if (!result) {
    return null;
  }
  const dismiss = () => {
    const next = new URLSearchParams(searchParams);
    for (const name of CONSENT_PARAMS) {
      next.delete(name);
    }
    setSearchParams(next, { replace: true });
  };
  const close = (
    <Button variant="secondary" className="mt-3" onClick={dismiss}>
      {t('consent.dismiss')}
    </Button>
  );

  if (result.kind === 'success') {
    return (
      <div className="space-y-3">
        <Alert tone="success" title={t('consent.success.title')}>
          <p>
            {t('consent.success.text', {
              authorised: t('consent.success.authorised', { count: result.pdlCount }),
              added: t('consent.success.added', { count: result.createdCount }),
            })}
          </p>
          {result.rejected === null && close}
        </Alert>
        {result.rejected !== null && (
          <Alert tone="warning" title={t('consent.partial.title')}>
            <p>{t(`consent.partial.${result.rejected.reason}`, { count: result.rejected.count })}</p>
            {close}
          </Alert>
        )}
      </div>
    );
  }
  return (
    <Alert tone="error" title={t('consent.errors.title')}>
      <p>{t(`consent.errors.${result.reason}`)}</p>
      {close}
    </Alert>
  );
}
