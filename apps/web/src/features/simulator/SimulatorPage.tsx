import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { ConsentBlockedPanel } from '../consent/ConsentBlockedPanel.tsx';
import { PdlPicker } from '../metering/PdlPicker.tsx';
import { usePdlSelection } from '../metering/usePdlSelection.ts';
import { Simulation } from './Simulation.tsx';

/** `/simulator`: every offer priced on the selected meter's consumption, ranked, with a printable report. */
export default function SimulatorPage() {
  const { t } = useTranslation();
  const { query, options, selected, select, blockedOf } = usePdlSelection((pdl) => pdl.has_consumption);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('simulator.title')}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t('simulator.intro')}</p>
      </header>
      {query.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(t, query.error)}</Alert>
      ) : options.length === 0 ? (
        <Alert tone="info">{t('simulator.empty')}</Alert>
      ) : (
        <>
          <div className="print:hidden">
            <PdlPicker options={options} selected={selected} onSelect={select} blockedOf={blockedOf} />
          </div>
          {selected === null ? (
            <ConsentBlockedPanel pdls={[]} />
          ) : blockedOf(selected) !== null ? (
            <ConsentBlockedPanel pdls={[selected]} />
          ) : (
            <Simulation key={selected.id} pdl={selected} />
          )}
        </>
      )}
    </div>
  );
}
