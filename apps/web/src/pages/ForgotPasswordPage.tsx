import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { forgotPassword } from '../api/accounts.ts';
import { AuthCard } from '../components/layout/AuthCard.tsx';
import { Alert } from '../components/ui/Alert.tsx';
import { Button } from '../components/ui/Button.tsx';
import { TextField } from '../components/ui/TextField.tsx';
import { TextLink } from '../components/ui/TextLink.tsx';
import { errorMessage } from '../i18n/errorMessage.ts';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: forgotPassword });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    request.mutate(email.trim());
  };

  return (
    <AuthCard
      title={t('forgotPassword.title')}
      intro={t('forgotPassword.intro')}
      footer={<TextLink to="/login">{t('forgotPassword.backToLogin')}</TextLink>}
    >
      {request.isSuccess ? (
        // Same answer whether or not the account exists: the page must not reveal registered emails.
        <Alert tone="success">{t('forgotPassword.sent')}</Alert>
      ) : (
        <form onSubmit={onSubmit} className="space-y-4">
          {request.error && <Alert tone="error">{errorMessage(t, request.error)}</Alert>}
          <TextField
            label={t('common.email')}
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <Button type="submit" className="w-full" disabled={request.isPending}>
            {request.isPending ? t('forgotPassword.submitting') : t('forgotPassword.submit')}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
