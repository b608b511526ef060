import { useTranslation } from 'react-i18next';
import type { Pdl } from '@med/contracts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { useDeletePdl } from '../../hooks/usePdls.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { pdlDisplayName } from './pdlList.ts';

interface PdlDeleteConfirmProps {
  pdl: Pdl;
  onCancel: () => void;
}

/** Inline confirmation inside the card: works the same with a mouse, a keyboard or a thumb. */
export function PdlDeleteConfirm({ pdl, onCancel }: PdlDeleteConfirmProps) {
  const { t } = useTranslation();
  const remove = useDeletePdl();
  const name = pdlDisplayName(pdl);
  return (
    <div
      role="group"
      aria-labelledby={`delete-${pdl.id}`}
      className="rounded-lg border border-red-200 bg-red-50 p-3 dark:border-red-900 dark:bg-red-950/40"
    >
      <p id={`delete-${pdl.id}`} className="font-semibold text-red-900 dark:text-red-100">
        {t('pdl.deleteConfirmTitle', { name })}
      </p>
      <p className="mt-1 text-sm text-red-900/80 dark:text-red-100/80">{t('pdl.deleteConfirmText')}</p>
      {remove.error && (
        <Alert tone="error" className="mt-2">
          {errorMessage(t, remove.error)}
        </Alert>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate(pdl.id)}>
          {t('pdl.deleteConfirm')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
