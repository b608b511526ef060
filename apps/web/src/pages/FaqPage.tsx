import { useTranslation } from 'react-i18next';
import { ChevronDownIcon } from '../components/ui/icons.tsx';

const questionKeys = ['consent', 'delay', 'loadCurve', 'quotas', 'privacy', 'api', 'lostSecret', 'pdlNumber'] as const;

export default function FaqPage() {
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('faq.title')}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t('faq.intro')}</p>
      {/* Native <details>: keyboard, screen-reader and find-in-page support for free. */}
      <div className="mt-6 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {questionKeys.map((key) => (
          <details key={key} className="group" name="faq">
            <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-4 px-4 py-3 font-medium [&::-webkit-details-marker]:hidden">
              <h2 className="text-base">{t(`faq.items.${key}.question`)}</h2>
              <ChevronDownIcon className="shrink-0 transition-transform group-open:rotate-180" />
            </summary>
            <p className="px-4 pb-4 text-sm leading-relaxed text-slate-700 dark:text-slate-300">
              {t(`faq.items.${key}.answer`)}
            </p>
          </details>
        ))}
      </div>
    </div>
  );
}
