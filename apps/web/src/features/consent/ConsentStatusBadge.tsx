import { useTranslation } from 'react-i18next';
import type { Pdl } from '@med/contracts';
import { ClockIcon, CrossIcon } from '../../components/ui/icons.tsx';
import { formatDate } from '../../lib/format.ts';

// Same pairs as the other badges (100/800 in light, 950/200 in dark): AA contrast in both themes.
const tones = {
  pending: 'bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200',
  revoked: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  expired: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
} as const;

/** What a meter without a live consent shows: the state in words (an icon only adds to it); nothing when active. */
export function ConsentStatusBadge({
  pdl,
  className = '',
}: {
  pdl: Pick<Pdl, 'consent_status' | 'consent_revoked_at'>;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  const status = pdl.consent_status;
  if (status === 'active') {
    return null;
  }
  const text =
    status === 'pending'
      ? t('consent.status.pending')
      : status === 'expired'
        ? t('consent.status.expired')
        : pdl.consent_revoked_at
          ? t('consent.status.revoked', { date: formatDate(pdl.consent_revoked_at, i18n.language) })
          : t('consent.status.revokedUndated');
  const Icon = status === 'pending' ? ClockIcon : CrossIcon;
  return (
    <span className={`${tones[status]} ${className}`} data-consent-status={status}>
      <Icon width={14} height={14} className="shrink-0" />
      {text}
    </span>
  );
}
