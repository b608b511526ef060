import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button.tsx';
import { PasswordField } from '../../components/ui/PasswordField.tsx';

interface SecretFieldProps {
  label: string;
  /** The server holds a value (`has_<field>`); it is never sent back, so never prefilled. */
  stored: boolean;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  error?: string | undefined;
}

/**
 * A write-only secret: « enregistré » with a "change" control when one is stored (leaving it keeps the
 * stored one), an empty password input otherwise.
 */
export function SecretField({ label, stored, value, onChange, error }: SecretFieldProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(!stored);
  if (!editing) {
    return (
      <div>
        <p className="mb-1 block text-sm font-medium">{label}</p>
        <div className="flex flex-wrap items-center gap-3">
          <span className="rounded bg-emerald-100 px-2 py-1 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
            {t('exporters.form.secretSaved')}
          </span>
          <Button
            variant="secondary"
            onClick={() => setEditing(true)}
            aria-label={t('exporters.form.changeField', { field: label })}
          >
            {t('exporters.form.change')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <PasswordField
        label={label}
        autoComplete="new-password"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
        error={error}
      />
      {stored && (
        <Button
          variant="ghost"
          className="mt-1"
          onClick={() => {
            onChange(undefined);
            setEditing(false);
          }}
        >
          {t('exporters.form.keep')}
        </Button>
      )}
    </div>
  );
}
