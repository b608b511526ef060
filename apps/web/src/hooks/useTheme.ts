import { useSyncExternalStore } from 'react';
import { themeStore, type ThemePreference } from '../theme/theme.ts';

export function useTheme(): [ThemePreference, (preference: ThemePreference) => void] {
  const preference = useSyncExternalStore(themeStore.subscribe, themeStore.get);
  return [preference, themeStore.set];
}
