import type { EcowattSignalDto } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { useEcowattForecast } from '../../hooks/useRteEcowatt.ts';
import { ECOWATT_HOUR_SWATCH } from './colors.ts';
import { splitEcowattDays, type HourLevel } from './ecowatt.ts';
import { EcowattDayCard } from './EcowattDayCard.tsx';
import { formatLongDay } from './format.ts';
import { QueryState } from './QueryState.tsx';

const HOUR_LEVELS: HourLevel[] = [0, 1, 2, 3];

function HourLegend() {
  const { t } = useTranslation();
  return (
    <ul
      aria-label={t('rte.ecowatt.legend')}
      className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300"
    >
      {HOUR_LEVELS.map((level) => (
        <li key={level} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`size-3.5 rounded-sm ${ECOWATT_HOUR_SWATCH[level]}`} />
          {t(`rte.ecowatt.hour.${level}`)}
        </li>
      ))}
    </ul>
  );
}

/** Today's signal in detail, then the next three days. */
export function EcowattDays({ today }: { today: string }) {
  const { t, i18n } = useTranslation();
  const query = useEcowattForecast();
  return (
    <QueryState query={query} isEmpty={(signals) => signals.length === 0}>
      {(signals: EcowattSignalDto[]) => {
        const { today: current, next } = splitEcowattDays(signals, today);
        return (
          <div className="space-y-6">
            {current ? (
              <EcowattDayCard signal={current} title={t('rte.ecowatt.today')} testId="ecowatt-today" detailed />
            ) : (
              <Alert tone="info">{t('rte.ecowatt.todayMissing')}</Alert>
            )}
            <HourLegend />
            <section className="space-y-3">
              <h2 className="text-lg font-semibold">{t('rte.ecowatt.next')}</h2>
              {next.length === 0 ? (
                <Alert tone="info">{t('rte.ecowatt.nextMissing')}</Alert>
              ) : (
                <div className="grid gap-4 lg:grid-cols-3">
                  {next.map((signal) => (
                    <EcowattDayCard
                      key={signal.periode}
                      signal={signal}
                      title={formatLongDay(signal.periode.slice(0, 10), i18n.language)}
                      testId="ecowatt-next-day"
                    />
                  ))}
                </div>
              )}
            </section>
          </div>
        );
      }}
    </QueryState>
  );
}
