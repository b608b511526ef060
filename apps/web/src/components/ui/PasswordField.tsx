import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField, type TextFieldProps } from './TextField.tsx';

type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'trailing'>;

/** Password input with a show/hide toggle: typing a strong password on a phone is error-prone. */
export function PasswordField(props: PasswordFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      spellCheck={false}
      autoCapitalize="none"
      trailing={
        <button
          type="button"
          onClick={() => setVisible((value) => !value)}
          aria-pressed={visible}
          className="min-h-9 rounded-md px-2 text-xs font-medium text-sky-700 hover:bg-slate-100 dark:text-sky-300 dark:hover:bg-slate-800"
        >
          {visible ? t('common.hidePassword') : t('common.showPassword')}
        </button>
      }
    />
  );
}
