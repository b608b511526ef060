import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { verifyEmail } from '../api/accounts.ts';
import { AuthCard } from '../components/layout/AuthCard.tsx';
import { Alert } from '../components/ui/Alert.tsx';
import { buttonClass } from '../components/ui/buttonStyles.ts';
import { Spinner } from '../components/ui/Spinner.tsx';
import { errorMessage } from '../i18n/errorMessage.ts';
import { ResendVerificationForm } from './ResendVerificationForm.tsx';

export default function VerifyEmailPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';

  // The token is single-use: call once, keep the outcome, never refetch (StrictMode, focus, reconnect).
  const verification = useQuery({
    queryKey: ['verify-email', token],
    queryFn: ({ signal }) => verifyEmail(token, signal),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  return (
    <AuthCard title={t('verifyEmail.title')}>
      {token === '' ? (
        <>
          <Alert tone="error">{t('verifyEmail.missingToken')}</Alert>
          <ResendVerificationForm />
        </>
      ) : verification.isPending ? (
        <Spinner label={t('verifyEmail.verifying')} />
      ) : verification.isError ? (
        <>
          <Alert tone="error">{errorMessage(t, verification.error)}</Alert>
          <ResendVerificationForm />
        </>
      ) : (
        <>
          <Alert tone="success">{t('verifyEmail.success')}</Alert>
          <Link to="/login" className={buttonClass('primary', 'mt-6 w-full')}>
            {t('nav.login')}
          </Link>
        </>
      )}
    </AuthCard>
  );
}
