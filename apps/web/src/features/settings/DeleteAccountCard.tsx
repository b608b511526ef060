import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { PasswordField } from '../../components/ui/PasswordField.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { isWrongPassword } from '../../api/sessionErrors.ts';
import { useDeleteAccount } from '../../hooks/useAccount.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';

export function DeleteAccountCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [password, setPassword] = useState('');
  const remove = useDeleteAccount();
  const formRef = useRef<HTMLFormElement>(null);
  const word = t('settings.delete.confirmWord');
  // Typing the word (case-insensitive) proves intent; the password proves it is the owner.
  const confirmed = typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase() && password !== '';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!confirmed) {
      return;
    }
    remove.mutate(password, {
      onSuccess: () => void navigate('/', { replace: true }),
      // The account is still there and the user still signed in: point them at the field to fix.
      onError: (failure) => {
        if (isWrongPassword(failure)) {
          formRef.current?.querySelector<HTMLInputElement>('input[name="password"]')?.focus();
        }
      },
    });
  };

  const wrongPassword = isWrongPassword(remove.error);
  return (
    <Card title={t('settings.delete.title')} className="border-red-200 dark:border-red-900">
      <p className="text-sm text-slate-700 dark:text-slate-300">{t('settings.delete.text')}</p>
      <form ref={formRef} onSubmit={onSubmit} className="mt-4 space-y-4">
        {remove.error && !wrongPassword && <Alert tone="error">{errorMessage(t, remove.error)}</Alert>}
        <TextField
          label={t('settings.delete.confirmLabel', { word })}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <PasswordField
          label={t('settings.delete.passwordLabel')}
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={wrongPassword ? t('settings.delete.wrongPassword') : null}
        />
        <Button type="submit" variant="danger" disabled={!confirmed || remove.isPending}>
          {remove.isPending ? t('settings.delete.submitting') : t('settings.delete.submit')}
        </Button>
      </form>
    </Card>
  );
}
