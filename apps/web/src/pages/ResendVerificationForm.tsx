import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { resendVerification } from '../api/accounts.ts';
import { Alert } from '../components/ui/Alert.tsx';
import { Button } from '../components/ui/Button.tsx';
import { TextField } from '../components/ui/TextField.tsx';
import { errorMessage } from '../i18n/errorMessage.ts';

/** Asks for a fresh confirmation link after an expired or broken one. */
export function ResendVerificationForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const resend = useMutation({ mutationFn: resendVerification });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    resend.mutate(email.trim());
  };

  if (resend.isSuccess) {
    return (
      <Alert tone="success" className="mt-6">
        {t('login.verificationSent')}
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4">
      <h2 className="text-base font-semibold">{t('verifyEmail.resendTitle')}</h2>
      {resend.error && <Alert tone="error">{errorMessage(t, resend.error)}</Alert>}
      <TextField
        label={t('common.email')}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <Button type="submit" variant="secondary" className="w-full" disabled={resend.isPending}>
        {t('verifyEmail.resendSubmit')}
      </Button>
    </form>
  );
}
