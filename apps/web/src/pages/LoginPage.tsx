import { ErrorCode } from '@med/contracts';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { resendVerification } from '../api/accounts.ts';
import { isApiError } from '../api/ApiError.ts';
import { isServerPath, safeRedirectPath } from '../components/auth/redirect.ts';
import { AuthCard } from '../components/layout/AuthCard.tsx';
import { Alert } from '../components/ui/Alert.tsx';
import { Button } from '../components/ui/Button.tsx';
import { PasswordField } from '../components/ui/PasswordField.tsx';
import { Spinner } from '../components/ui/Spinner.tsx';
import { TextField } from '../components/ui/TextField.tsx';
import { TextLink } from '../components/ui/TextLink.tsx';
import { DemoLoginButton } from '../features/consent/DemoLoginButton.tsx';
import { useMe } from '../hooks/useMe.ts';
import { useLogin } from '../hooks/useSession.ts';
import { errorMessage } from '../i18n/errorMessage.ts';

/** Signup hands the email over in router state so the user does not type it twice. */
function emailFromState(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'email' in state && typeof state.email === 'string') {
    return state.email;
  }
  return '';
}

/** Already signed in with a server target (the consent callback): a full page load to it. */
function ServerRedirect({ to }: { to: string }) {
  const { t } = useTranslation();
  useEffect(() => window.location.assign(to), [to]);
  return <Spinner label={t('common.loading')} />;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const target = safeRedirectPath(searchParams.get('redirect'));
  const { data: me } = useMe();
  const [email, setEmail] = useState(() => emailFromState(location.state));
  const [password, setPassword] = useState('');
  const login = useLogin();
  const resend = useMutation({ mutationFn: resendVerification });

  // The consent callback (`/api/oauth/callback?…`) is the server's, not a page of the app: load it for real.
  const goToTarget = () =>
    isServerPath(target) ? window.location.assign(target) : void navigate(target, { replace: true });

  if (me && !login.isPending) {
    return isServerPath(target) ? <ServerRedirect to={target} /> : <Navigate to={target} replace />;
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    resend.reset();
    login.mutate({ email: email.trim(), password }, { onSuccess: goToTarget });
  };

  const notVerified = isApiError(login.error) && login.error.code === ErrorCode.EMAIL_NOT_VERIFIED;

  return (
    <AuthCard
      title={t('login.title')}
      footer={
        <>
          {t('login.noAccount')} <TextLink to="/signup">{t('nav.signup')}</TextLink>
        </>
      }
    >
      <form onSubmit={onSubmit} className="space-y-4">
        {login.error && (
          <Alert tone="error">
            <p>{errorMessage(t, login.error)}</p>
            {notVerified && !resend.isSuccess && (
              <Button
                variant="secondary"
                className="mt-3"
                disabled={resend.isPending || !email}
                onClick={() => resend.mutate(email.trim())}
              >
                {t('login.resendVerification')}
              </Button>
            )}
          </Alert>
        )}
        {resend.isSuccess && <Alert tone="success">{t('login.verificationSent')}</Alert>}
        {resend.error && <Alert tone="error">{errorMessage(t, resend.error)}</Alert>}
        <TextField
          label={t('common.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <PasswordField
          label={t('common.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="text-right text-sm">
          <TextLink to="/forgot-password">{t('login.forgotPassword')}</TextLink>
        </div>
        <Button type="submit" className="w-full" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </Button>
      </form>
      <DemoLoginButton className="mt-6 border-t border-slate-200 pt-4 text-center dark:border-slate-800" />
    </AuthCard>
  );
}
