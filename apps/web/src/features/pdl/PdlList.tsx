import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { usePdls, useReorderPdls } from '../../hooks/usePdls.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { PdlCard } from './PdlCard.tsx';
import { moveItem, type MoveDirection } from './pdlList.ts';

/** The account's meters; `readOnly` (the demo) hides every control that would change them. */
export function PdlList({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const pdls = usePdls();
  const reorder = useReorderPdls();

  if (pdls.isPending) {
    return <Spinner label={t('common.loading')} />;
  }
  if (pdls.isError) {
    return (
      <Alert tone="error" title={t('dashboard.loadError')}>
        <p>{errorMessage(t, pdls.error)}</p>
        <Button variant="secondary" className="mt-3" onClick={() => void pdls.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }

  const list = pdls.data;
  if (list.length === 0) {
    return <p className="text-slate-600 dark:text-slate-400">{t('dashboard.empty')}</p>;
  }

  const move = (index: number, direction: MoveDirection) => reorder.mutate(moveItem(list, index, direction));

  return (
    <section aria-labelledby="pdl-list-title">
      <h2 id="pdl-list-title" className="mb-3 text-lg font-semibold">
        {t('dashboard.listLabel')}{' '}
        <span className="text-sm font-normal text-slate-500 dark:text-slate-400">({list.length})</span>
      </h2>
      {reorder.error && (
        <Alert tone="error" className="mb-3">
          {errorMessage(t, reorder.error)}
        </Alert>
      )}
      <ol className="grid gap-4 lg:grid-cols-2">
        {list.map((pdl, index) => (
          <li key={pdl.id}>
            <PdlCard
              pdl={pdl}
              canMoveUp={index > 0}
              canMoveDown={index < list.length - 1}
              moveDisabled={reorder.isPending}
              readOnly={readOnly}
              onMove={(direction) => move(index, direction)}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
