import { passwordProblems, type PasswordRule } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CrossIcon } from './icons.tsx';

// The max-length rule only matters once broken, so it is listed only then.
const alwaysShown: PasswordRule[] = ['min_length', 'lowercase', 'uppercase', 'digit'];

interface PasswordChecklistProps {
  password: string;
  id?: string;
}

/** Live view of the shared password policy (`passwordProblems` from @med/contracts). */
export function PasswordChecklist({ password, id }: PasswordChecklistProps) {
  const { t } = useTranslation();
  const problems = new Set(passwordProblems(password));
  const rules = problems.has('max_length') ? [...alwaysShown, 'max_length' as const] : alwaysShown;
  return (
    <div id={id} className="mt-2 text-sm">
      <p className="text-slate-600 dark:text-slate-400">{t('password.checklistTitle')}</p>
      <ul className="mt-1 grid gap-1 sm:grid-cols-2">
        {rules.map((rule) => {
          const met = !problems.has(rule);
          return (
            <li
              key={rule}
              className={`flex items-center gap-2 ${met ? 'text-emerald-700 dark:text-emerald-400' : 'text-slate-600 dark:text-slate-400'}`}
            >
              {met ? <CheckIcon width={16} height={16} /> : <CrossIcon width={16} height={16} />}
              <span>{t(`password.rules.${rule}`)}</span>
              <span className="sr-only">({met ? t('password.ruleMet') : t('password.ruleNotMet')})</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
