import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';
import { copyText } from './copyText.ts';
import { CheckIcon, CopyIcon } from './icons.tsx';

interface CopyButtonProps {
  value: string;
  /** Accessible name, e.g. "Copy client_secret". */
  label: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ value, label }: CopyButtonProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') {
      return;
    }
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => setState((await copyText(value)) ? 'copied' : 'failed');

  return (
    <span className="inline-flex flex-col items-start">
      <Button variant="secondary" aria-label={label} onClick={() => void copy()}>
        {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
        <span aria-live="polite">{state === 'copied' ? t('common.copied') : t('common.copy')}</span>
      </Button>
      {state === 'failed' && (
        <span className="mt-1 text-xs text-red-700 dark:text-red-300">{t('common.copyFailed')}</span>
      )}
    </span>
  );
}
