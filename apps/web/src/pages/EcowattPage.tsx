import { parisToday } from '@med/core';
import { useTranslation } from 'react-i18next';
import { EcowattDays } from '../features/rte/EcowattDays.tsx';
import { EcowattStatistics } from '../features/rte/EcowattStatistics.tsx';
import { RtePageHeader } from '../features/rte/RtePageHeader.tsx';
import { useNow } from '../features/rte/useNow.ts';

/** Public EcoWatt page: today's hourly signal, the next days and the year's statistics. */
export default function EcowattPage() {
  const { t } = useTranslation();
  const today = parisToday(new Date(useNow()));
  return (
    <div className="space-y-6">
      <RtePageHeader title={t('rte.ecowatt.title')} intro={t('rte.ecowatt.intro')} />
      <EcowattDays today={today} />
      <EcowattStatistics year={Number(today.slice(0, 4))} />
    </div>
  );
}
