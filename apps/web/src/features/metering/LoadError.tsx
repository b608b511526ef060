import { ErrorCode } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatParisDateTime } from './format.ts';

export type LoadProblem = 'quota' | 'unavailable' | 'other';

/** Which advice a metering failure deserves. */
export function loadProblem(error: unknown): LoadProblem {
  if (!isApiError(error)) return 'other';
  if (error.code === ErrorCode.RATE_LIMIT_EXCEEDED || error.status === 429) return 'quota';
  if (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504 || error.code === ErrorCode.ENEDIS_UNAVAILABLE) return 'unavailable';
  return 'other';
}

/** The moment a quota frees up: the failure time plus its Retry-After, else the next Paris midnight (approx.). */
export function quotaResetAt(error: unknown, errorAt: number): number | null {
  if (!isApiError(error) || error.retryAfterSeconds === undefined) return null;
  return (errorAt || Date.now()) + error.retryAfterSeconds * 1000;
}

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
      ? t('metering.history.quota', { resetAt: resetAt === null ? '—' : formatParisDateTime(resetAt, i18n.language) })
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
