import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { useLanguage } from '../../hooks/useLanguage.ts';
import { useTheme } from '../../hooks/useTheme.ts';
import { languages } from '../../i18n/languages.ts';
import { themePreferences } from '../../theme/theme.ts';

interface Choice<T extends string> {
  value: T;
  label: string;
  lang?: string;
}

function ChoiceGroup<T extends string>({
  legend,
  name,
  value,
  choices,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  choices: Choice<T>[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {choices.map((choice) => (
          <label
            key={choice.value}
            lang={choice.lang}
            className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 px-3 text-sm has-checked:border-sky-600 has-checked:bg-sky-50 dark:border-slate-700 dark:has-checked:border-sky-400 dark:has-checked:bg-sky-950"
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              className="accent-sky-600"
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function PreferencesCard() {
  const { t } = useTranslation();
  const [theme, setTheme] = useTheme();
  const [language, setLanguage] = useLanguage();
  return (
    <Card title={t('settings.preferences.title')}>
      <div className="space-y-5">
        <ChoiceGroup
          legend={t('settings.preferences.theme')}
          name="theme"
          value={theme}
          choices={themePreferences.map((value) => ({ value, label: t(`theme.${value}`) }))}
          onChange={setTheme}
        />
        <ChoiceGroup
          legend={t('settings.preferences.language')}
          name="language"
          value={language}
          // Each language is named in itself, so a user lost in the wrong one can find theirs.
          choices={languages.map((value) => ({ value, label: t(`language.${value}`), lang: value }))}
          onChange={setLanguage}
        />
      </div>
    </Card>
  );
}
