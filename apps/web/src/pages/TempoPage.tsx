import { useTranslation } from 'react-i18next';
import { RtePageHeader } from '../features/rte/RtePageHeader.tsx';
import { TempoBalance } from '../features/rte/TempoBalance.tsx';
import { TempoCalendar } from '../features/rte/TempoCalendar.tsx';
import { TempoForecastList } from '../features/rte/TempoForecastList.tsx';
import { TempoNowCards } from '../features/rte/TempoNowCards.tsx';

/** Public Tempo page: colour now, today and tomorrow, season balance, forecast and calendar. */
export default function TempoPage() {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <RtePageHeader title={t('rte.tempo.title')} intro={t('rte.tempo.intro')} />
      <TempoNowCards />
      <TempoBalance />
      <TempoForecastList />
      <TempoCalendar />
    </div>
  );
}
