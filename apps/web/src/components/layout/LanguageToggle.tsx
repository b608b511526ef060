import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/useLanguage.ts';

/** Switches between French and English; the label is written in the target language. */
export function LanguageToggle() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  const target = language === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      onClick={() => setLanguage(target)}
      lang={target}
      // The name starts with the visible text, so voice control ("click EN") finds the button.
      aria-label={`${t('language.short')} – ${t('language.switchTo')}`}
      title={t('language.switchTo')}
      className="inline-flex h-11 min-w-11 items-center justify-center rounded-lg px-2 text-sm font-semibold text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {t('language.short')}
    </button>
  );
}
