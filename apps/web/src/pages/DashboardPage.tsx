import { useTranslation } from 'react-i18next';
import { ConsentHistoryCard } from '../features/consent/ConsentHistoryCard.tsx';
import { EnedisConsentSlot } from '../features/consent/EnedisConsentSlot.tsx';
import { DashboardNotices } from '../features/dashboard/DashboardNotices.tsx';
import { MeterSummaries } from '../features/dashboard/MeterSummaries.tsx';
import { AddPdlForm } from '../features/pdl/AddPdlForm.tsx';
import { PdlList } from '../features/pdl/PdlList.tsx';
import { useReadOnly } from '../hooks/useSharedView.ts';
import { usePdls } from '../hooks/usePdls.ts';

/**
 * First sight: one notice at most, then each meter's figures, then the meters themselves; the forms
 * (consent, add a meter) come after, except for an account without meters, where consent is the way in.
 * The read-only demo account sees no control it cannot use.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { data: pdls } = usePdls();
  const readOnly = useReadOnly();
  const hasMeters = (pdls?.length ?? 0) > 0;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('dashboard.title')}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          {readOnly ? t('dashboard.introDemo') : t('dashboard.intro')}
        </p>
      </header>
      <DashboardNotices />
      {!hasMeters && !readOnly && <EnedisConsentSlot />}
      <MeterSummaries />
      <PdlList readOnly={readOnly} />
      {hasMeters && !readOnly && <EnedisConsentSlot />}
      {!readOnly && <AddPdlForm />}
      <ConsentHistoryCard />
    </div>
  );
}
