import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { usePdls } from '../../hooks/usePdls.ts';
import { formatDate } from '../../lib/format.ts';
import { pdlDisplayName } from '../pdl/pdlList.ts';
import { useNow } from '../rte/useNow.ts';
import { expiringSoon } from './consentState.ts';
import { RenewConsentButton } from './RenewConsentButton.tsx';

/** Dashboard notice, from 30 days before a consent ends: which meters, when, and the renew action. */
export function ConsentExpiryNotice({ onDismiss }: { onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const { data: pdls = [] } = usePdls();
  const now = useNow(60 * 60_000);
  const soon = expiringSoon(pdls, now);
  if (soon.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="consent-expiry-title">
      <Alert tone="warning">
        <h2 id="consent-expiry-title" className="font-semibold">
          {t('consent.expiry.title')}
        </h2>
        <p className="mt-1">{t('consent.expiry.text')}</p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {soon.map(({ pdl, expiresAt }) => (
            <li key={pdl.id} className="break-words">
              {t('consent.expiry.item', {
                name: pdlDisplayName(pdl),
                date: formatDate(expiresAt, i18n.language),
              })}
            </li>
          ))}
        </ul>
        <div className="mt-3 flex flex-wrap gap-2">
          <RenewConsentButton />
          <Button variant="ghost" onClick={onDismiss}>
            {t('consent.dismiss')}
          </Button>
        </div>
      </Alert>
    </section>
  );
}
