import { useTranslation } from 'react-i18next';
import type { Pdl } from '@med/contracts';

const badge = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium';

export function PdlBadges({ pdl }: { pdl: Pdl }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap gap-1.5">
      <span
        className={`${badge} ${pdl.is_active ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200' : 'bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300'}`}
      >
        {pdl.is_active ? t('pdl.active') : t('pdl.inactive')}
      </span>
      {pdl.has_consumption && (
        <span className={`${badge} bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200`}>
          {t('pdl.consumption')}
        </span>
      )}
      {pdl.has_production && (
        <span className={`${badge} bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200`}>
          {t('pdl.production')}
        </span>
      )}
    </div>
  );
}
