import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import type { ButtonVariant } from '../../components/ui/buttonStyles.ts';
import { useReadOnly } from '../../hooks/useSharedView.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { useStartConsent } from './useConsent.ts';

interface RenewConsentButtonProps {
  variant?: ButtonVariant;
  className?: string;
  /** The meter never had a consent on this account (added by hand): "give", not "renew". */
  firstTime?: boolean;
}

/**
 * "Renew consent": the same trip to Enedis as the first consent (the user ticks the meters again there).
 * Nothing for the read-only demo account, which cannot consent.
 */
export function RenewConsentButton({
  variant = 'primary',
  className = '',
  firstTime = false,
}: RenewConsentButtonProps) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const start = useStartConsent();
  if (readOnly) {
    return null;
  }
  return (
    <div className={className}>
      <Button variant={variant} className="w-full sm:w-auto" disabled={start.leaving} onClick={() => start.mutate()}>
        {start.leaving ? t('consent.redirecting') : firstTime ? t('consent.give') : t('consent.renew')}
      </Button>
      {start.error && (
        <Alert tone="error" className="mt-2">
          {errorMessage(t, start.error)}
        </Alert>
      )}
    </div>
  );
}
