import { useTranslation } from 'react-i18next';
import { ContributionForm } from './ContributionForm.tsx';
import { MyContributions } from './MyContributions.tsx';

/** `/contribute`: propose a price change or a new offer, and follow what became of one's proposals. */
export default function ContributePage() {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('contribute.title')}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t('contribute.intro')}</p>
      </header>
      <ContributionForm />
      <MyContributions />
    </div>
  );
}
