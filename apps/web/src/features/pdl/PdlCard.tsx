import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pdl } from '@med/contracts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { ArrowDownIcon, ArrowUpIcon, PencilIcon, TrashIcon } from '../../components/ui/icons.tsx';
import { Switch } from '../../components/ui/Switch.tsx';
import { useSetPdlActive } from '../../hooks/usePdls.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { MeterConsentNotice } from '../consent/MeterConsentNotice.tsx';
import { OfferSelector } from './OfferSelector.tsx';
import { PdlBadges } from './PdlBadges.tsx';
import { PdlDeleteConfirm } from './PdlDeleteConfirm.tsx';
import { PdlDetails } from './PdlDetails.tsx';
import { PdlEnedisActions } from './PdlEnedisActions.tsx';
import { PdlRenameForm } from './PdlRenameForm.tsx';
import { pdlDisplayName, type MoveDirection } from './pdlList.ts';

interface PdlCardProps {
  pdl: Pdl;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: MoveDirection) => void;
  moveDisabled: boolean;
  /** The read-only demo account: no reorder, rename, delete or active switch (each would be refused). */
  readOnly: boolean;
}

type Mode = 'view' | 'rename' | 'delete';

export function PdlCard({ pdl, canMoveUp, canMoveDown, onMove, moveDisabled, readOnly }: PdlCardProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('view');
  const setActive = useSetPdlActive();
  const name = pdlDisplayName(pdl);
  const iconButton =
    'inline-flex size-11 items-center justify-center rounded-lg border border-slate-300 text-slate-700 hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800';

  return (
    <article
      aria-labelledby={`pdl-${pdl.id}-name`}
      className={`rounded-xl border bg-white p-4 shadow-sm sm:p-5 dark:bg-slate-900 ${pdl.is_active ? 'border-slate-200 dark:border-slate-800' : 'border-dashed border-slate-300 opacity-80 dark:border-slate-700'}`}
    >
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <h3 id={`pdl-${pdl.id}-name`} className="text-lg font-semibold break-words">
            {name}
          </h3>
          <p className="font-mono text-sm text-slate-600 dark:text-slate-400">
            {t('pdl.number', { id: pdl.usage_point_id })}
          </p>
        </div>
        {!readOnly && (
          <div className="flex shrink-0 gap-1">
            <button
              type="button"
              className={iconButton}
              disabled={!canMoveUp || moveDisabled}
              onClick={() => onMove('up')}
              aria-label={t('pdl.moveUp', { name })}
            >
              <ArrowUpIcon />
            </button>
            <button
              type="button"
              className={iconButton}
              disabled={!canMoveDown || moveDisabled}
              onClick={() => onMove('down')}
              aria-label={t('pdl.moveDown', { name })}
            >
              <ArrowDownIcon />
            </button>
          </div>
        )}
      </div>

      <div className="mt-3 space-y-3">
        <PdlBadges pdl={pdl} />
        <MeterConsentNotice pdl={pdl} />
        <PdlDetails pdl={pdl} />
        {!readOnly && pdl.has_consumption && <OfferSelector pdl={pdl} />}
        <PdlEnedisActions pdl={pdl} />
      </div>

      {!readOnly && (
        <div className="mt-4 border-t border-slate-200 pt-3 dark:border-slate-800">
          {mode === 'rename' ? (
            <PdlRenameForm pdl={pdl} onDone={() => setMode('view')} />
          ) : mode === 'delete' ? (
            <PdlDeleteConfirm pdl={pdl} onCancel={() => setMode('view')} />
          ) : (
            <div role="group" aria-label={t('pdl.actions', { name })} className="flex flex-wrap items-center gap-2">
              <Switch
                checked={pdl.is_active}
                label={t('pdl.activeToggle')}
                showLabel
                disabled={setActive.isPending}
                onChange={(isActive) => setActive.mutate({ id: pdl.id, isActive })}
              />
              <div className="ml-auto flex flex-wrap gap-2">
                <Button variant="secondary" onClick={() => setMode('rename')}>
                  <PencilIcon width={16} height={16} />
                  {t('pdl.rename')}
                </Button>
                <Button variant="secondary" onClick={() => setMode('delete')}>
                  <TrashIcon width={16} height={16} />
                  {t('pdl.delete')}
                </Button>
              </div>
            </div>
          )}
          {setActive.error && (
            <Alert tone="error" className="mt-2">
              {errorMessage(t, setActive.error)}
            </Alert>
          )}
        </div>
      )}
    </article>
  );
}
