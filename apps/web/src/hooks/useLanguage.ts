import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/index.ts';
import { defaultLanguage, isLanguage, type Language } from '../i18n/languages.ts';

export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLanguage;
  return [current, (language) => void changeLanguage(language)];
}
