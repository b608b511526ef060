import { useTranslation } from 'react-i18next';
import type { Pdl } from '@med/contracts';
import { ConsentStatusBadge } from '../consent/ConsentStatusBadge.tsx';
import { hasLiveConsent } from '../consent/consentState.ts';

const badge = 'inline-flex max-w-full items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium';
const inactive = 'bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300';

/**
 * The meter's state, in words: "Actif" only under a live consent and switched on; otherwise why not
 * (awaiting, revoked on <date>, expired), plus "Inactif" when the user switched it off.
 */
export function PdlBadges({ pdl }: { pdl: Pdl }) {
  const { t } = useTranslation();
  const live = hasLiveConsent(pdl);
  return (
    <div className="flex flex-wrap gap-1.5">
      {live && pdl.is_active && (
        <span className={`${badge} bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200`}>
          {t('pdl.active')}
        </span>
      )}
      <ConsentStatusBadge pdl={pdl} className={badge} />
      {!pdl.is_active && <span className={`${badge} ${inactive}`}>{t('pdl.inactive')}</span>}
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
