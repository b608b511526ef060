import 'i18next';
import type { fr } from './fr.ts';

// Typed keys: `t('dashboard.titel')` is a compile error, and so is a key missing from fr.ts.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}
