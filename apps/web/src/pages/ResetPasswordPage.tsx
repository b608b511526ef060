import { passwordProblems } from '@med/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { resetPassword } from '../api/accounts.ts';
import { AuthCard } from '../components/layout/AuthCard.tsx';
import { Alert } from '../components/ui/Alert.tsx';
import { Button } from '../components/ui/Button.tsx';
import { buttonClass } from '../components/ui/buttonStyles.ts';
import { PasswordChecklist } from '../components/ui/PasswordChecklist.tsx';
import { PasswordField } from '../components/ui/PasswordField.tsx';
import { TextLink } from '../components/ui/TextLink.tsx';
import { errorMessage } from '../i18n/errorMessage.ts';

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const reset = useMutation({ mutationFn: (newPassword: string) => resetPassword(token, newPassword) });

  if (token === '') {
    return (
      <AuthCard title={t('resetPassword.title')}>
        <Alert tone="error">{t('resetPassword.missingToken')}</Alert>
        <Link to="/forgot-password" className={buttonClass('secondary', 'mt-6 w-full')}>
          {t('resetPassword.requestNewLink')}
        </Link>
      </AuthCard>
    );
  }

  if (reset.isSuccess) {
    return (
      <AuthCard title={t('resetPassword.title')}>
        <Alert tone="success">{t('resetPassword.success')}</Alert>
        <Link to="/login" className={buttonClass('primary', 'mt-6 w-full')}>
          {t('nav.login')}
        </Link>
      </AuthCard>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (passwordProblems(password).length > 0) {
      return setLocalError(t('password.weak'));
    }
    if (password !== confirmation) {
      return setLocalError(t('resetPassword.mismatch'));
    }
    setLocalError(null);
    reset.mutate(password);
  };

  const error = localError ?? (reset.error ? errorMessage(t, reset.error) : null);
  return (
    <AuthCard
      title={t('resetPassword.title')}
      footer={<TextLink to="/forgot-password">{t('resetPassword.requestNewLink')}</TextLink>}
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {error && <Alert tone="error">{error}</Alert>}
        <div>
          <PasswordField
            label={t('resetPassword.newPassword')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-describedby="reset-password-rules"
          />
          <PasswordChecklist id="reset-password-rules" password={password} />
        </div>
        <PasswordField
          label={t('resetPassword.confirmPassword')}
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
        />
        <Button type="submit" className="w-full" disabled={reset.isPending}>
          {reset.isPending ? t('resetPassword.submitting') : t('resetPassword.submit')}
        </Button>
      </form>
    </AuthCard>
  );
}
