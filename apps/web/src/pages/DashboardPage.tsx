import { useTranslation } from 'react-i18next';
import { ConsentExpiryNotice } from '../features/consent/ConsentExpiryNotice.tsx';
import { ConsentHistoryCard } from '../features/consent/ConsentHistoryCard.tsx';
import { ConsentResultBanner } from '../features/consent/ConsentResultBanner.tsx';
import { EnedisConsentSlot } from '../features/consent/EnedisConsentSlot.tsx';
import { AddPdlForm } from '../features/pdl/AddPdlForm.tsx';
import { EmailVerificationBanner } from '../features/pdl/EmailVerificationBanner.tsx';
import { PdlList } from '../features/pdl/PdlList.tsx';

export default function DashboardPage() {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('dashboard.title')}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t('dashboard.intro')}</p>
      </header>
      <ConsentResultBanner />
      <EmailVerificationBanner />
      <ConsentExpiryNotice />
      <EnedisConsentSlot />
      <AddPdlForm />
      <PdlList />
      <ConsentHistoryCard />
    </div>
  );
}
