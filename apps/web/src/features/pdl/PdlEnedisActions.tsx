import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Pdl } from '@med/contracts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { buttonClass } from '../../components/ui/buttonStyles.ts';
import { inputClass } from '../../components/ui/fieldStyles.ts';
import { useLinkProduction, useRefreshContract } from '../../hooks/useMeteringPdlActions.ts';
import { useReadOnly } from '../../hooks/useSharedView.ts';
import { usePdls } from '../../hooks/usePdls.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { hasLiveConsent } from '../consent/consentState.ts';
import { pdlDisplayName } from './pdlList.ts';

/**
 * On a PDL card: links to its data pages and "refresh contract" (both only under a live consent: the
 * server refuses them otherwise), and the production meter it is paired with.
 */
export function PdlEnedisActions({ pdl }: { pdl: Pdl }) {
  const { t } = useTranslation();
  const linkId = useId();
  const { data: all = [] } = usePdls();
  const refresh = useRefreshContract();
  const link = useLinkProduction();
  const readOnly = useReadOnly();
  const producers = all.filter((candidate) => candidate.id !== pdl.id && candidate.has_production);
  const query = `?pdl=${pdl.usage_point_id}`;
  const canBalance = pdl.has_consumption && (pdl.has_production || pdl.linked_production_pdl_id !== null);
  const readable = pdl.is_active && hasLiveConsent(pdl);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {readable && pdl.has_consumption && (
          <Link to={`/consumption${query}`} className={buttonClass('secondary', 'flex-1 sm:flex-none')}>
            {t('metering.card.viewConsumption')}
          </Link>
        )}
        {readable && pdl.has_production && (
          <Link to={`/production${query}`} className={buttonClass('secondary', 'flex-1 sm:flex-none')}>
            {t('metering.card.viewProduction')}
          </Link>
        )}
        {readable && canBalance && (
          <Link to={`/balance${query}`} className={buttonClass('secondary', 'flex-1 sm:flex-none')}>
            {t('metering.card.viewBalance')}
          </Link>
        )}
        {!readOnly && hasLiveConsent(pdl) && (
          <Button
            variant="secondary"
            className="flex-1 sm:flex-none"
            disabled={refresh.isPending}
            onClick={() => refresh.mutate(pdl.id)}
          >
            {refresh.isPending ? t('metering.card.refreshing') : t('metering.card.refreshContract')}
          </Button>
        )}
      </div>
      {!readOnly && pdl.has_consumption && !pdl.has_production && producers.length > 0 && (
        <div className="max-w-sm">
          <label htmlFor={linkId} className="mb-1 block text-sm font-medium">
            {t('metering.card.linkLabel')}
          </label>
          <select
            id={linkId}
            className={inputClass}
            value={pdl.linked_production_pdl_id ?? ''}
            disabled={link.isPending}
            aria-describedby={`${linkId}-hint`}
            onChange={(event) => link.mutate({ id: pdl.id, productionId: event.target.value || null })}
          >
            <option value="">{t('metering.card.linkNone')}</option>
            {producers.map((producer) => (
              <option key={producer.id} value={producer.id}>
                {pdlDisplayName(producer)}
              </option>
            ))}
          </select>
          <p id={`${linkId}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            {t('metering.card.linkHint')}
          </p>
        </div>
      )}
      {refresh.isSuccess && <Alert tone="success">{t('metering.card.refreshed')}</Alert>}
      {refresh.error && <Alert tone="error">{errorMessage(t, refresh.error)}</Alert>}
      {link.error && <Alert tone="error">{errorMessage(t, link.error)}</Alert>}
    </div>
  );
}
