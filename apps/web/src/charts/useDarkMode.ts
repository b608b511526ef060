import { useSyncExternalStore } from 'react';

/** Subscribes to the `dark` class on `<html>`, which the theme store sets (preference or system). */
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

const isDark = () => document.documentElement.classList.contains('dark');

/** True while the page is shown in dark mode (whatever decided it). */
export function useDarkMode(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}
