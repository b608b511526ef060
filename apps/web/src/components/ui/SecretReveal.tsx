import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert.tsx';
import { CopyButton } from './CopyButton.tsx';
import { inputClass } from './fieldStyles.ts';

interface SecretRevealProps {
  clientId: string;
  clientSecret: string;
}

/** Shows freshly issued API credentials, the only time the secret is ever visible. */
export function SecretReveal({ clientId, clientSecret }: SecretRevealProps) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <Alert tone="warning" title={t('secret.warningTitle')}>
        {t('secret.warning')}
      </Alert>
      <CredentialLine label={t('secret.clientId')} value={clientId} />
      <CredentialLine label={t('secret.clientSecret')} value={clientSecret} />
    </div>
  );
}

function CredentialLine({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        {/* A read-only input: selectable by hand on any phone if copying is blocked. */}
        <input
          id={id}
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClass} font-mono`}
        />
        <CopyButton value={value} label={`${t('common.copy')} ${label}`} />
      </div>
    </div>
  );
}
