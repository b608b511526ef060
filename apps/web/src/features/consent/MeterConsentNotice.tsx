import { useTranslation } from 'react-i18next';
import type { Pdl } from '@med/contracts';
import { Alert } from '../../components/ui/Alert.tsx';
import { formatDate } from '../../lib/format.ts';
import { RenewConsentButton } from './RenewConsentButton.tsx';

/** On a meter card without a live consent: why no data is read, and the way back to Enedis. */
export function MeterConsentNotice({ pdl }: { pdl: Pdl }) {
  const { t, i18n } = useTranslation();
  const status = pdl.consent_status;
  if (status === 'active') {
    return null;
  }
  const text =
    status !== 'expired'
      ? t(`consent.meter.${status}`)
      : pdl.consent_expires_at
        ? t('consent.meter.expired', { date: formatDate(pdl.consent_expires_at, i18n.language) })
        : t('errors.CONSENT_EXPIRED');
  return (
    <Alert tone={status === 'pending' ? 'info' : 'warning'}>
      <p>{text}</p>
      <RenewConsentButton className="mt-3" firstTime={status === 'pending'} />
    </Alert>
  );
}
