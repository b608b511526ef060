import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { ConsentBlockedPanel } from '../consent/ConsentBlockedPanel.tsx';
import { EnergyOverview } from './EnergyOverview.tsx';
import { MeteringEmpty } from './MeteringEmpty.tsx';
import { PdlPicker } from './PdlPicker.tsx';
import type { Direction } from './plan.ts';
import { usePdlSelection } from './usePdlSelection.ts';

/**
 * The consumption or production page: title, meter selector, then the overview of that meter — or, for
 * a meter without a live consent, why there is no data and how to renew (its data is never asked for).
 */
export function EnergyPage({ direction }: { direction: Direction }) {
  const { t } = useTranslation();
  const { query, options, selected, select, blockedOf } = usePdlSelection((pdl) =>
    direction === 'consumption' ? pdl.has_consumption : pdl.has_production,
  );
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t(`metering.${direction}.title`)}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t(`metering.${direction}.intro`)}</p>
      </header>
      {query.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(t, query.error)}</Alert>
      ) : options.length === 0 ? (
        <MeteringEmpty text={t(`metering.empty.${direction}`)} />
      ) : (
        <>
          <PdlPicker options={options} selected={selected} onSelect={select} blockedOf={blockedOf} />
          {selected === null ? (
            <ConsentBlockedPanel pdls={[]} />
          ) : blockedOf(selected) !== null ? (
            <ConsentBlockedPanel pdls={[selected]} />
          ) : (
            <EnergyOverview key={selected.id} pdl={selected} direction={direction} />
          )}
        </>
      )}
    </div>
  );
}
