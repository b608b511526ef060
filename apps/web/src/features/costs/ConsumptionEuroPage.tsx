import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { ConsentBlockedPanel } from '../consent/ConsentBlockedPanel.tsx';
import { PdlPicker } from '../metering/PdlPicker.tsx';
import { usePdlSelection } from '../metering/usePdlSelection.ts';
import { CostOverview } from './CostOverview.tsx';

/** `/consumption_euro`: the selected meter's consumption priced with its offer, by year, month and day. */
export default function ConsumptionEuroPage() {
  const { t } = useTranslation();
  const { query, options, selected, select, blockedOf } = usePdlSelection((pdl) => pdl.has_consumption);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('costs.title')}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t('costs.intro')}</p>
      </header>
      {query.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(t, query.error)}</Alert>
      ) : options.length === 0 ? (
        <Alert tone="info">{t('costs.empty')}</Alert>
      ) : (
        <>
          <PdlPicker options={options} selected={selected} onSelect={select} blockedOf={blockedOf} />
          {selected === null ? (
            <ConsentBlockedPanel pdls={[]} />
          ) : blockedOf(selected) !== null ? (
            <ConsentBlockedPanel pdls={[selected]} />
          ) : (
            <CostOverview key={selected.id} pdl={selected} />
          )}
        </>
      )}
    </div>
  );
}
