import { useTranslation } from 'react-i18next';

/**
 * Reserved place for the Enedis consent button (Data Connect OAuth, `GET /api/oauth/authorize`).
 * The consent feature is not built yet, so this only explains the step; it must not pretend to work.
 */
export function EnedisConsentSlot() {
  const { t } = useTranslation();
  return (
    <section
      aria-labelledby="enedis-consent-title"
      data-slot="enedis-consent"
      className="rounded-xl border border-dashed border-sky-300 bg-sky-50/60 p-4 text-sm sm:p-6 dark:border-sky-800 dark:bg-sky-950/30"
    >
      <h2 id="enedis-consent-title" className="font-semibold">
        {t('consent.title')}
      </h2>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{t('consent.text')}</p>
    </section>
  );
}
