import type { TempoForecastResponse } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { useTempoForecast } from '../../hooks/useRteTempo.ts';
import { formatNumber } from '../metering/format.ts';
import { TEMPO_BAR } from './colors.ts';
import { QueryState } from './QueryState.tsx';
import { colourBalance, seasonHasData } from './tempo.ts';
import { TempoBadge } from './TempoBadge.tsx';

/** Used and remaining days of each colour in the current season. */
export function TempoBalance() {
  const { t, i18n } = useTranslation();
  const query = useTempoForecast();
  return (
    <QueryState query={query} isEmpty={(data) => !seasonHasData(data.season_stats)}>
      {({ season_stats: stats }: TempoForecastResponse) => {
        const { rows, remaining } = colourBalance(stats);
        return (
          <Card title={t('rte.tempo.balance.title', { season: stats.season })}>
            <ul className="grid gap-4 sm:grid-cols-3">
              {rows.map((row) => {
                const label = t(`rte.tempo.colours.${row.colour}`);
                return (
                  <li key={row.colour} data-testid={`tempo-balance-${row.colour}`} className="min-w-0">
                    <div className="flex items-center justify-between gap-2">
                      <TempoBadge colour={row.colour} />
                      <span className="text-sm text-slate-600 dark:text-slate-400">
                        {t('rte.tempo.balance.used', { count: row.used })}
                      </span>
                    </div>
                    <p className="mt-2">
                      <span data-testid="remaining" className="text-3xl font-bold tabular-nums">
                        {formatNumber(row.remaining, i18n.language)}
                      </span>{' '}
                      <span className="text-sm text-slate-600 dark:text-slate-400">
                        {t('rte.tempo.balance.remaining', { quota: row.quota })}
                      </span>
                    </p>
                    <div
                      role="progressbar"
                      aria-label={t('rte.tempo.balance.progress', { colour: label, used: row.used, quota: row.quota })}
                      aria-valuemin={0}
                      aria-valuemax={row.quota}
                      aria-valuenow={row.used}
                      className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
                    >
                      <div
                        className={`h-full ${TEMPO_BAR[row.colour]}`}
                        style={{ width: `${row.quota > 0 ? (100 * row.used) / row.quota : 0}%` }}
                      />
                    </div>
                  </li>
                );
              })}
            </ul>
            <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
              <span data-testid="tempo-remaining-total">{t('rte.tempo.balance.total', { count: remaining })}</span>{' '}
              {t('rte.tempo.balance.day', { day: stats.day_in_season, days: stats.days_in_season })}
            </p>
          </Card>
        );
      }}
    </QueryState>
  );
}
