import type { TempoForecastDay, TempoForecastResponse } from '@med/contracts';
import { TEMPO_COLOURS } from '@med/core';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { useTempoForecast } from '../../hooks/useRteTempo.ts';
import { formatPercent } from '../metering/format.ts';
import { TEMPO_BAR } from './colors.ts';
import { formatShortDate } from './format.ts';
import { QueryState } from './QueryState.tsx';
import { seasonHasData } from './tempo.ts';
import { TempoBadge } from './TempoBadge.tsx';

/** The API gives percentages (the reference's unit); the bars and `formatPercent` take a fraction. */
const probability = (day: TempoForecastDay, colour: (typeof TEMPO_COLOURS)[number]) =>
  (colour === 'BLUE' ? day.probability_blue : colour === 'WHITE' ? day.probability_white : day.probability_red) / 100;

function ForecastCard({ day }: { day: TempoForecastDay }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const kind =
    day.forecast_type === 'published'
      ? t('rte.tempo.forecast.published')
      : day.forecast_type === 'forecast'
        ? t('rte.tempo.forecast.estimate')
        : t('rte.tempo.forecast.noData');
  return (
    <li
      data-testid="tempo-forecast-day"
      className="min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-2">
        <h3 className="font-semibold first-letter:uppercase">{formatShortDate(day.date, language)}</h3>
        <span className="text-xs text-slate-600 dark:text-slate-400">{kind}</span>
      </div>
      <div className="mt-2">
        <TempoBadge colour={day.most_likely} />
      </div>
      <p className="sr-only">
        {t('rte.tempo.forecast.mostLikely', { colour: t(`rte.tempo.colours.${day.most_likely}`) })}
      </p>
      <dl className="mt-3 space-y-1.5 text-xs" aria-label={t('rte.tempo.forecast.probabilities')}>
        {TEMPO_COLOURS.map((colour) => {
          const value = probability(day, colour);
          return (
            <div key={colour} className="grid grid-cols-[3.5rem_1fr] items-center gap-2">
              <dt>{t(`rte.tempo.colours.${colour}`)}</dt>
              <dd className="grid grid-cols-[1fr_2.75rem] items-center gap-2">
                <span aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
                  <span
                    className={`block h-full ${TEMPO_BAR[colour]}`}
                    style={{ width: `${Math.round(value * 100)}%` }}
                  />
                </span>
                <span className="text-right tabular-nums">{formatPercent(value, language)}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </li>
  );
}

/** Forecast of the next days with the probability of each colour. */
export function TempoForecastList() {
  const { t } = useTranslation();
  const query = useTempoForecast();
  return (
    <Card title={t('rte.tempo.forecast.title')}>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{t('rte.tempo.forecast.intro')}</p>
      <QueryState
        query={query}
        isEmpty={(data) => data.forecasts.length === 0 || !seasonHasData(data.season_stats)}
        emptyText={t('rte.tempo.forecast.empty')}
      >
        {({ forecasts }: TempoForecastResponse) => (
          <ul className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-6">
            {forecasts.map((day) => (
              <ForecastCard key={day.date} day={day} />
            ))}
          </ul>
        )}
      </QueryState>
    </Card>
  );
}
