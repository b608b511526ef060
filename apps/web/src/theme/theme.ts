export const themePreferences = ['light', 'dark', 'system'] as const;
export type ThemePreference = (typeof themePreferences)[number];
export type ResolvedTheme = 'light' | 'dark';

const storageKey = 'med-theme';
const darkQuery = '(prefers-color-scheme: dark)';

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (themePreferences as readonly string[]).includes(value);
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): ResolvedTheme {
  if (preference === 'system') {
    return systemPrefersDark ? 'dark' : 'light';
  }
  return preference;
}

/** light → dark → system → light: the order of the header's theme button. */
export function nextThemePreference(preference: ThemePreference): ThemePreference {
  const index = themePreferences.indexOf(preference);
  return themePreferences[(index + 1) % themePreferences.length] ?? 'system';
}

function readStored(): ThemePreference {
  try {
    const saved = localStorage.getItem(storageKey);
    return isThemePreference(saved) ? saved : 'system';
  } catch {
    return 'system';
  }
}

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(darkQuery).matches;
}

/**
 * A tiny store for the theme preference: persisted in localStorage, applied as the `dark` class on
 * `<html>` (Tailwind's class strategy), and re-applied when the system switches while on "system".
 */
function createThemeStore() {
  let preference: ThemePreference = 'system';
  const listeners = new Set<() => void>();

  const apply = () => {
    const resolved = resolveTheme(preference, systemPrefersDark());
    const root = document.documentElement;
    root.classList.toggle('dark', resolved === 'dark');
    // Native widgets (scrollbars, date pickers, autofill) follow the page too.
    root.style.colorScheme = resolved;
  };

  return {
    init: () => {
      preference = readStored();
      apply();
      if (typeof window.matchMedia === 'function') {
        window.matchMedia(darkQuery).addEventListener('change', () => {
          if (preference === 'system') {
            apply();
          }
        });
      }
    },
    get: () => preference,
    set: (next: ThemePreference) => {
      preference = next;
      try {
        localStorage.setItem(storageKey, next);
      } catch {
        // Not persisted; it still applies to this visit.
      }
      apply();
      for (const listener of listeners) {
        listener();
      }
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const themeStore = createThemeStore();
