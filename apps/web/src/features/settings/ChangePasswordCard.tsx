import { passwordProblems } from '@med/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { PasswordChecklist } from '../../components/ui/PasswordChecklist.tsx';
import { PasswordField } from '../../components/ui/PasswordField.tsx';
import { isWrongPassword } from '../../api/sessionErrors.ts';
import { useUpdatePassword } from '../../hooks/useAccount.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';

export function ChangePasswordCard() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const update = useUpdatePassword();
  const formRef = useRef<HTMLFormElement>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (passwordProblems(next).length > 0) {
      return setLocalError(t('password.weak'));
    }
    setLocalError(null);
    update.mutate(
      { oldPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
        },
        // The user is still signed in: point them at the field to fix (its error is read with it).
        onError: (failure) => {
          if (isWrongPassword(failure)) {
            formRef.current?.querySelector<HTMLInputElement>('input[name="old_password"]')?.focus();
          }
        },
      },
    );
  };

  const wrongCurrent = isWrongPassword(update.error);
  const error = localError ?? (update.error && !wrongCurrent ? errorMessage(t, update.error) : null);
  return (
    <Card title={t('settings.password.title')}>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
        {error && <Alert tone="error">{error}</Alert>}
        {update.isSuccess && <Alert tone="success">{t('settings.password.success')}</Alert>}
        <PasswordField
          label={t('settings.password.current')}
          name="old_password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          error={wrongCurrent ? t('settings.password.wrongCurrent') : null}
        />
        <div>
          <PasswordField
            label={t('settings.password.new')}
            autoComplete="new-password"
            required
            value={next}
            onChange={(event) => setNext(event.target.value)}
            aria-describedby="settings-password-rules"
          />
          <PasswordChecklist id="settings-password-rules" password={next} />
        </div>
        <Button type="submit" disabled={update.isPending || current === ''}>
          {update.isPending ? t('settings.password.submitting') : t('settings.password.submit')}
        </Button>
      </form>
    </Card>
  );
}
