import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryKeys.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { RenewConsentButton } from '../consent/RenewConsentButton.tsx';
import { formatParisDateTime } from './format.ts';
import { loadProblem, quotaResetAt } from './loadProblem.ts';

interface LoadErrorProps {
  error: unknown;
  errorAt: number;
  onRetry: () => void;
}

/**
 * A failed data load: quota (with the reset time), Enedis busy (retry hint), no live consent (the 403's
 * message and the renew action), or the translated error.
 */
export function LoadError({ error, errorAt, onRetry }: LoadErrorProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const problem = loadProblem(error);
  const resetAt = quotaResetAt(error, errorAt);

  // The meter list said the consent was live but the server refused it (revoked meanwhile): read the
  // list again so the page shows the meter's real state.
  useEffect(() => {
    if (problem === 'consent') {
      void queryClient.invalidateQueries({ queryKey: queryKeys.pdls });
    }
  }, [problem, queryClient]);

  const text =
    problem === 'quota'
      ? t('metering.history.quota', { resetAt: formatParisDateTime(resetAt, i18n.language) })
      : problem === 'unavailable'
        ? t('metering.history.unavailable')
        : errorMessage(t, error);
  return (
    <Alert tone={problem === 'quota' || problem === 'consent' ? 'warning' : 'error'}>
      <p>{text}</p>
      {problem === 'consent' ? (
        <RenewConsentButton className="mt-2" />
      ) : (
        problem !== 'quota' && (
          <Button variant="secondary" className="mt-2" onClick={onRetry}>
            {t('metering.history.retry')}
          </Button>
        )
      )}
    </Alert>
  );
}
