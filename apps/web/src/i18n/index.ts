import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fr, type Translation } from './fr.ts';
import { defaultLanguage, storeLanguage, storedLanguage, type Language } from './languages.ts';

/**
 * French ships in the entry chunk (the default, and the fallback for a missing key); English is its own
 * chunk, fetched only by a visitor who chose it, so the first visit does not download both.
 */
const loaders: Record<Language, () => Promise<Translation>> = {
  fr: () => Promise.resolve(fr),
  en: async () => (await import('./en.ts')).en,
};

async function ensureLoaded(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', await loaders[language]());
  }
}

/**
 * Initialises i18next with the visitor's language already loaded (the first paint is in the right
 * words) and keeps `<html lang>` in sync.
 */
export async function setupI18n(initialLanguage: Language = storedLanguage()) {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  const initial = initialLanguage === defaultLanguage ? fr : await loaders[initialLanguage]();
  await i18next.use(initReactI18next).init({
    resources: { [defaultLanguage]: { translation: fr }, [initialLanguage]: { translation: initial } },
    lng: initialLanguage,
    fallbackLng: defaultLanguage,
    // React already escapes text; escaping here too would show "&amp;" in the page.
    interpolation: { escapeValue: false },
  });
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await ensureLoaded(language);
  await i18next.changeLanguage(language);
}
