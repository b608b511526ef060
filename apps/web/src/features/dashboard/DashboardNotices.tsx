import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../hooks/useMe.ts';
import { usePdls } from '../../hooks/usePdls.ts';
import { ConsentExpiryNotice } from '../consent/ConsentExpiryNotice.tsx';
import { ConsentResultBanner } from '../consent/ConsentResultBanner.tsx';
import { readConsentResult } from '../consent/consentResult.ts';
import { expiringSoon } from '../consent/consentState.ts';
import { EmailVerificationBanner } from '../pdl/EmailVerificationBanner.tsx';
import { useNow } from '../rte/useNow.ts';
import { chooseNotice, readDismissed, storeDismissed, type NoticeKind } from './noticeChoice.ts';

/**
 * The dashboard's one notice area: at most one banner at a time (the most urgent), each with a close
 * button; closing one shows the next. The consent result closes by leaving the address it came with.
 */
export function DashboardNotices() {
  const [searchParams] = useSearchParams();
  const { data: me } = useMe();
  const { data: pdls = [] } = usePdls();
  const now = useNow(60 * 60_000);
  const [dismissed, setDismissed] = useState(readDismissed);

  const notice = chooseNotice(
    {
      consentResult: readConsentResult(searchParams) !== null,
      emailNotVerified: me !== undefined && me !== null && !me.email_verified,
      consentExpiry: expiringSoon(pdls, now).length > 0,
    },
    dismissed,
  );
  const dismiss = (kind: NoticeKind) => () => {
    const next = new Set(dismissed).add(kind);
    storeDismissed(next);
    setDismissed(next);
  };

  return (
    <div data-testid="dashboard-notices" className="empty:hidden">
      {notice === 'consentResult' && <ConsentResultBanner />}
      {notice === 'emailNotVerified' && <EmailVerificationBanner onDismiss={dismiss('emailNotVerified')} />}
      {notice === 'consentExpiry' && <ConsentExpiryNotice onDismiss={dismiss('consentExpiry')} />}
    </div>
  );
}
