import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Title, introduction and source line of an RTE page. */
export function RtePageHeader({ title, intro, children }: { title: string; intro: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header>
      <h1 className="text-2xl font-bold sm:text-3xl">{title}</h1>
      <p className="mt-1 text-slate-600 dark:text-slate-400">{intro}</p>
      {children}
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t('rte.common.source')}</p>
    </header>
  );
}
