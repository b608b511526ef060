import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatParisDateTime } from './format.ts';
import { loadProblem, quotaResetAt } from './loadProblem.ts';

interface LoadErrorProps {
  error: unknown;
  errorAt: number;
  onRetry: () => void;
}

/** A failed data load: quota (with the reset time), Enedis busy (retry hint), or the translated error. */
export function LoadError({ error, errorAt, onRetry }: LoadErrorProps) {
  const { t, i18n } = useTranslation();
  const problem = loadProblem(error);
  const resetAt = quotaResetAt(error, errorAt);
  const text =
    problem === 'quota'
      ? t('metering.history.quota', { resetAt: formatParisDateTime(resetAt, i18n.language) })
      : problem === 'unavailable'
        ? t('metering.history.unavailable')
        : errorMessage(t, error);
  return (
    <Alert tone={problem === 'quota' ? 'warning' : 'error'}>
      <p>{text}</p>
      {problem !== 'quota' && (
        <Button variant="secondary" className="mt-2" onClick={onRetry}>
          {t('metering.history.retry')}
        </Button>
      )}
    </Alert>
  );
}
