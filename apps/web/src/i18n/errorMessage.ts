import type { TFunction } from 'i18next';
import { isApiError } from '../api/ApiError.ts';
import { fr } from './fr.ts';

type TranslatedErrorCode = Exclude<keyof typeof fr.errors, 'generic' | 'retryIn' | 'seconds' | 'minutes'>;

function hasTranslation(code: string): code is TranslatedErrorCode {
  return Object.hasOwn(fr.errors, code) && !['generic', 'retryIn', 'seconds', 'minutes'].includes(code);
}

/** "45 s" under a minute, else whole minutes rounded up (nobody wants to retry a few seconds early). */
export function formatWait(t: TFunction, seconds: number): string {
  return seconds < 60
    ? t('errors.seconds', { count: seconds })
    : t('errors.minutes', { count: Math.ceil(seconds / 60) });
}

/**
 * A user-facing sentence for any error thrown by the API client: the translation of its stable code
 * (never the server's own message, which is in one language only), plus the wait after a 429.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) {
    return t('errors.generic');
  }
  const base = hasTranslation(error.code) ? t(`errors.${error.code}`) : t('errors.generic');
  if (error.retryAfterSeconds === undefined) {
    return base;
  }
  return `${base} ${t('errors.retryIn', { duration: formatWait(t, error.retryAfterSeconds) })}`;
}

/** The translation of a stable error code received outside an API answer (an SSE `error` event); null when unknown. */
export function errorCodeMessage(t: TFunction, code: string): string | null {
  return hasTranslation(code) ? t(`errors.${code}`) : null;
}
