import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { resendVerification } from '../../api/accounts.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';

/** Reminds an unconfirmed account to click its link, with a way to get a new one; `onDismiss` closes it. */
export function EmailVerificationBanner({ onDismiss }: { onDismiss: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const resend = useMutation({ mutationFn: resendVerification });
  if (!me || me.email_verified) {
    return null;
  }
  return (
    <Alert tone="warning">
      <p>{t('dashboard.emailNotVerified')}</p>
      {resend.isSuccess ? (
        <p className="mt-2 font-medium">{t('dashboard.verificationSent')}</p>
      ) : (
        <Button
          variant="secondary"
          className="mt-3"
          disabled={resend.isPending}
          onClick={() => resend.mutate(me.email)}
        >
          {t('dashboard.resendVerification')}
        </Button>
      )}
      {resend.error && <p className="mt-2">{errorMessage(t, resend.error)}</p>}
      <Button variant="ghost" className="mt-2" onClick={onDismiss}>
        {t('consent.dismiss')}
      </Button>
    </Alert>
  );
}
