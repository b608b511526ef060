import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { queryKeys } from '../../api/queryKeys.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { CONSENT_PARAMS, readConsentResult } from './consentResult.ts';

/** The result of the Enedis consent, from the address the callback redirected to; dismissible. */
export function ConsentResultBanner() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const result = readConsentResult(searchParams);
  const succeeded = result?.kind === 'success';

  // New meters were just created by the callback: reload the list.
  useEffect(() => {
    if (succeeded) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.pdls });
    }
  }, [succeeded, queryClient]);

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
      {t('metering.consent.dismiss')}
    </Button>
  );

  if (result.kind === 'success') {
    return (
      <div className="space-y-3">
        <Alert tone="success" title={t('metering.consent.success.title')}>
          <p>{t('metering.consent.success.text', { count: result.pdlCount, created: result.createdCount })}</p>
          {result.rejectedCount === 0 && close}
        </Alert>
        {result.rejectedCount > 0 && (
          <Alert tone="warning" title={t('metering.consent.errors.partialTitle')}>
            <p>{t('metering.consent.errors.pdl_already_exists_partial', { count: result.rejectedCount })}</p>
            {close}
          </Alert>
        )}
      </div>
    );
  }
  return (
    <Alert tone="error" title={t('metering.consent.errors.title')}>
      <p>{t(`metering.consent.errors.${result.reason}`)}</p>
      {close}
    </Alert>
  );
}
