import { useTranslation } from 'react-i18next';
import { useTheme } from '../../hooks/useTheme.ts';
import { nextThemePreference } from '../../theme/theme.ts';
import { MonitorIcon, MoonIcon, SunIcon } from '../ui/icons.tsx';

/** Header button cycling light → dark → system; the settings page offers an explicit choice. */
export function ThemeToggle() {
  const { t } = useTranslation();
  const [preference, setPreference] = useTheme();
  const Icon = preference === 'light' ? SunIcon : preference === 'dark' ? MoonIcon : MonitorIcon;
  const label = t('theme.switchTo', { current: t(`theme.${preference}`) });
  return (
    <button
      type="button"
      onClick={() => setPreference(nextThemePreference(preference))}
      aria-label={label}
      title={label}
      className="inline-flex size-11 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      <Icon />
    </button>
  );
}
