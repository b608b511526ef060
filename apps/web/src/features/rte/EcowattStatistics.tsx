import type { EcowattStatistics as Statistics } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { useEcowattStatistics } from '../../hooks/useRteEcowatt.ts';
import { ECOWATT_DAY_SWATCH } from './colors.ts';
import type { DayLevel } from './ecowatt.ts';
import { formatPercent100 } from './format.ts';
import { QueryState } from './QueryState.tsx';

const rows = (stats: Statistics): { level: DayLevel; count: number; percent: number }[] => [
  { level: 1, count: stats.green_days, percent: stats.percentage_green },
  { level: 2, count: stats.orange_days, percent: stats.percentage_orange },
  { level: 3, count: stats.red_days, percent: stats.percentage_red },
];

/** Green, orange and red days of the year so far. */
export function EcowattStatistics({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const query = useEcowattStatistics(year);
  return (
    <Card title={t('rte.ecowatt.stats.title', { year })}>
      <QueryState query={query} isEmpty={(stats) => stats.total_days === 0} emptyText={t('rte.ecowatt.stats.empty')}>
        {(stats) => (
          <>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {t('rte.ecowatt.stats.intro', { count: stats.total_days, year })}
            </p>
            <div
              aria-hidden="true"
              className="mt-3 flex h-3 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
            >
              {rows(stats).map((row) => (
                <div key={row.level} className={ECOWATT_DAY_SWATCH[row.level]} style={{ width: `${row.percent}%` }} />
              ))}
            </div>
            <ul data-testid="ecowatt-stats" className="mt-3 grid gap-2 sm:grid-cols-3">
              {rows(stats).map((row) => (
                <li key={row.level} className="flex items-center gap-2 text-sm">
                  <span
                    aria-hidden="true"
                    className={`size-3.5 shrink-0 rounded-sm ${ECOWATT_DAY_SWATCH[row.level]}`}
                  />
                  {t('rte.ecowatt.stats.share', {
                    level: t(`rte.ecowatt.day.${row.level}`),
                    count: row.count,
                    percent: formatPercent100(row.percent, i18n.language),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
    </Card>
  );
}
