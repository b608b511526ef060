import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Pdl } from '@med/contracts';
import { Alert } from '../../components/ui/Alert.tsx';
import { buttonClass } from '../../components/ui/buttonStyles.ts';
import { pdlDisplayName } from '../pdl/pdlList.ts';
import { ConsentStatusBadge } from './ConsentStatusBadge.tsx';
import { blockedStatus, consentErrorCode } from './consentState.ts';
import { RenewConsentButton } from './RenewConsentButton.tsx';

const badge = 'inline-flex max-w-full items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium';

/**
 * Instead of charts on a metering page: the meters chosen have no live consent. Each gets the message
 * the data routes answer (403 CONSENT_REQUIRED / CONSENT_REVOKED / CONSENT_EXPIRED) without asking them,
 * and the way back to Enedis. With no meter (none of the page's meters can be read), a general message.
 */
export function ConsentBlockedPanel({ pdls }: { pdls: readonly Pdl[] }) {
  const { t } = useTranslation();
  const blocked = pdls.flatMap((pdl) => {
    const status = blockedStatus(pdl);
    return status === null ? [] : [{ pdl, status }];
  });
  return (
    <div className="space-y-3" data-testid="consent-blocked">
      {blocked.length === 0 ? (
        <Alert tone="warning">
          <p>{t('consent.blocked.noneActive')}</p>
        </Alert>
      ) : (
        blocked.map(({ pdl, status }) => (
          <Alert key={pdl.id} tone="warning" title={t('consent.blocked.title', { name: pdlDisplayName(pdl) })}>
            <ConsentStatusBadge pdl={pdl} className={badge} />
            <p className="mt-2">{t(`errors.${consentErrorCode(status)}`)}</p>
          </Alert>
        ))
      )}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <RenewConsentButton />
        <Link to="/dashboard" className={buttonClass('secondary', 'w-full sm:w-auto')}>
          {t('metering.empty.toDashboard')}
        </Link>
      </div>
    </div>
  );
}
