import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { defaultLanguage, storeLanguage, storedLanguage, type Language } from './languages.ts';

export const resources = { fr: { translation: fr }, en: { translation: en } } as const;

/** Initialises i18next synchronously (resources are bundled) and keeps `<html lang>` in sync. */
export function setupI18n(initialLanguage: Language = storedLanguage()) {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  void i18next.use(initReactI18next).init({
    resources,
    lng: initialLanguage,
    fallbackLng: defaultLanguage,
    initAsync: false,
    // React already escapes text; escaping here too would show "&amp;" in the page.
    interpolation: { escapeValue: false },
  });
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18next.changeLanguage(language);
}
