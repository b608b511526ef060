import { passwordProblems } from '@med/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signup } from '../api/accounts.ts';
import { isApiError } from '../api/ApiError.ts';
import { TurnstileWidget } from '../components/auth/TurnstileWidget.tsx';
import { AuthCard } from '../components/layout/AuthCard.tsx';
import { Alert } from '../components/ui/Alert.tsx';
import { Button } from '../components/ui/Button.tsx';
import { buttonClass } from '../components/ui/buttonStyles.ts';
import { PasswordChecklist } from '../components/ui/PasswordChecklist.tsx';
import { PasswordField } from '../components/ui/PasswordField.tsx';
import { SecretReveal } from '../components/ui/SecretReveal.tsx';
import { TextField } from '../components/ui/TextField.tsx';
import { TextLink } from '../components/ui/TextLink.tsx';
import { useRuntimeConfig } from '../hooks/useRuntimeConfig.ts';
import { fetchNewSession, forgetAccountData } from '../hooks/useSession.ts';
import { errorMessage } from '../i18n/errorMessage.ts';

export default function SignupPage() {
  const { t } = useTranslation();
  const { turnstileSiteKey } = useRuntimeConfig();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [captchaToken, setCaptchaToken] = useState<string | null>(null);
  // Turnstile tokens are single-use: a new widget (new key) is needed after each failed attempt.
  const [captchaGeneration, setCaptchaGeneration] = useState(0);
  const [localError, setLocalError] = useState<string | null>(null);

  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: signup,
    // Signed in by the sign-up itself: the header and protected pages know it before the secret is read.
    onSuccess: async (outcome) => {
      if (outcome.kind === 'created' && outcome.signedIn) {
        forgetAccountData(queryClient);
        await fetchNewSession(queryClient);
      }
    },
    onError: () => {
      if (turnstileSiteKey) {
        setCaptchaToken(null);
        setCaptchaGeneration((generation) => generation + 1);
      }
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (passwordProblems(password).length > 0) {
      return setLocalError(t('password.weak'));
    }
    if (turnstileSiteKey && !captchaToken) {
      return setLocalError(t('signup.captchaRequired'));
    }
    setLocalError(null);
    mutation.mutate({ email: email.trim(), password, ...(captchaToken ? { turnstile_token: captchaToken } : {}) });
  };

  const outcome = mutation.data;
  if (outcome?.kind === 'created') {
    return (
      <AuthCard title={t('signup.successTitle')} intro={t('signup.successText')}>
        <SecretReveal clientId={outcome.clientId} clientSecret={outcome.clientSecret} />
        <Alert className="mt-4">{outcome.signedIn ? t('signup.signedInHint') : t('signup.verifyEmailHint')}</Alert>
        {outcome.signedIn ? (
          <Link to="/dashboard" className={buttonClass('primary', 'mt-6 w-full')}>
            {t('signup.goToDashboard')}
          </Link>
        ) : (
          <Link to="/login" state={{ email: email.trim() }} className={buttonClass('primary', 'mt-6 w-full')}>
            {t('signup.goToLogin')}
          </Link>
        )}
      </AuthCard>
    );
  }
  if (outcome?.kind === 'check-mailbox') {
    return (
      <AuthCard title={t('signup.checkMailboxTitle')}>
        <Alert tone="success">{t('signup.checkMailboxText')}</Alert>
        <Link to="/login" state={{ email: email.trim() }} className={buttonClass('secondary', 'mt-6 w-full')}>
          {t('signup.goToLogin')}
        </Link>
      </AuthCard>
    );
  }

  const serverError = mutation.error;
  const fieldError = (field: string) =>
    isApiError(serverError) && serverError.field === field ? errorMessage(t, serverError) : null;
  const formError =
    serverError && !fieldError('email') && !fieldError('password') ? errorMessage(t, serverError) : localError;

  return (
    <AuthCard
      title={t('signup.title')}
      intro={t('signup.intro')}
      footer={
        <>
          {t('signup.haveAccount')} <TextLink to="/login">{t('nav.login')}</TextLink>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {formError && <Alert tone="error">{formError}</Alert>}
        <TextField
          label={t('common.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldError('email')}
        />
        <div>
          <PasswordField
            label={t('common.password')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldError('password')}
            aria-describedby="signup-password-rules"
          />
          <PasswordChecklist id="signup-password-rules" password={password} />
        </div>
        {turnstileSiteKey && (
          <TurnstileWidget key={captchaGeneration} siteKey={turnstileSiteKey} onToken={setCaptchaToken} />
        )}
        <Button type="submit" className="w-full" disabled={mutation.isPending}>
          {mutation.isPending ? t('signup.submitting') : t('signup.submit')}
        </Button>
      </form>
    </AuthCard>
  );
}
