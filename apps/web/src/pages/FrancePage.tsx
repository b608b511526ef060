import { useTranslation } from 'react-i18next';
import { ConsumptionChart } from '../features/rte/ConsumptionChart.tsx';
import { FranceSummary } from '../features/rte/FranceSummary.tsx';
import { GenerationMixChart } from '../features/rte/GenerationMixChart.tsx';
import { RtePageHeader } from '../features/rte/RtePageHeader.tsx';
import { useNow } from '../features/rte/useNow.ts';

/** Public page of the national grid: consumption (realised and forecast) and the solar/wind mix. */
export default function FrancePage() {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <div className="space-y-6">
      <RtePageHeader title={t('rte.france.title')} intro={t('rte.france.intro')} />
      <FranceSummary now={now} />
      <ConsumptionChart now={now} />
      <GenerationMixChart now={now} />
    </div>
  );
}
