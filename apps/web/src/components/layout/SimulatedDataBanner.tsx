import { useTranslation } from 'react-i18next';
import { useMe } from '../../hooks/useMe.ts';
import { useRuntimeConfig } from '../../hooks/useRuntimeConfig.ts';
import { WarningIcon } from '../ui/icons.tsx';
import { simulatedDataMessage } from './simulatedData.ts';

/**
 * Says, on every page, that the readings are generated when an emulator answers instead of Enedis or
 * RTE (no credentials, in any mode) or when the demo account is signed in (simulatedData.ts): generated
 * curves look real enough to be mistaken for one's own.
 *
 * A labelled landmark rather than a live region: it is part of the page from the start, and screen
 * reader users can jump to it. Amber-950 on amber-100 (and the reverse in dark mode) is far above the
 * WCAG AA 4.5:1 ratio; the text wraps on a phone.
 */
export function SimulatedDataBanner() {
  const { t } = useTranslation();
  const { simulatedData } = useRuntimeConfig();
  const { data: me } = useMe();
  const message = simulatedDataMessage(simulatedData, me?.is_demo === true);
  if (message === null) {
    return null;
  }
  return (
    <aside
      aria-label={t('simulatedData.title')}
      className="border-b border-amber-300 bg-amber-100 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
    >
      <div className="mx-auto flex max-w-6xl items-start gap-2 px-4 py-2 text-sm xl:max-w-7xl">
        <WarningIcon width={18} height={18} className="mt-0.5 shrink-0" />
        <p>
          <strong className="font-semibold">{t('simulatedData.title')}</strong>
          {' — '}
          {t(`simulatedData.${message}`)}
        </p>
      </div>
    </aside>
  );
}
