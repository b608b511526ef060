import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, compareYearTotals, totalBetween, yearlyTotals, type DailyEnergy } from '@med/core';
import { ChartCard } from '../charts/ChartCard.tsx';
import { formatChange, formatDay, formatKwh } from './format.ts';
import { yearTotalsTable } from './tables.ts';

interface YearTotalsProps {
  daily: readonly DailyEnergy[];
  title: string;
  fileParts: readonly string[];
}

/**
 * One figure per calendar year (with its coverage, "partiel" when days are missing), plus the last 12
 * months. Each year is set against the one before on the same days only: the running year against the
 * same stretch of last year, never against a whole year.
 */
export function YearTotals({ daily, title, fileParts }: YearTotalsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const years = useMemo(
    () =>
      yearlyTotals(daily)
        .map((year) => ({ ...year, comparison: compareYearTotals(daily, Number(year.period)) }))
        .reverse(),
    [daily],
  );
  const last = daily.at(-1)?.date;
  const rolling = last
    ? { ...totalBetween(daily, addDays(last, -364), addDays(last, 1)), start: addDays(last, -364), end: last }
    : null;
  const table = yearTotalsTable(years, {
    year: t('metering.common.year'),
    energy: t('metering.common.energyKwh'),
    days: t('metering.common.days'),
    first: t('metering.common.firstDate'),
    last: t('metering.common.lastDate'),
  });
  if (years.length === 0) {
    return null;
  }
  return (
    <ChartCard title={title} table={table} fileParts={[...fileParts, 'annees']}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {rolling && (
          <div className="rounded-lg bg-sky-50 p-3 dark:bg-sky-950/40">
            <dt className="text-sm font-medium">{t('metering.years.rolling')}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid="rolling-total">
              {formatKwh(rolling.wh, language)}
            </dd>
            <dd className="text-xs text-slate-600 dark:text-slate-400">
              {t('metering.years.rollingHint', {
                start: formatDay(rolling.start, language, false),
                end: formatDay(rolling.end, language, false),
              })}
            </dd>
          </div>
        )}
        {years.map((year) => {
          const { comparison } = year;
          const previous = Number(year.period) - 1;
          const change =
            comparison.basis !== 'unmatched' && comparison.current !== null && comparison.previous
              ? formatChange(comparison.current / comparison.previous - 1, language)
              : null;
          return (
            <div
              key={year.period}
              className="rounded-lg bg-slate-50 p-3 dark:bg-slate-800/60"
              data-testid={`year-${year.period}`}
            >
              <dt className="text-sm font-medium">{year.period}</dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`year-total-${year.period}`}>
                {formatKwh(year.wh, language)}
              </dd>
              {year.days < year.daysInPeriod && (
                <dd className="text-xs text-slate-600 dark:text-slate-400">
                  {t('metering.common.partialDays', { count: year.days, total: year.daysInPeriod })}
                </dd>
              )}
              {change !== null && (
                <dd className="text-xs text-slate-600 dark:text-slate-400">
                  {comparison.basis === 'sameDays'
                    ? t('metering.years.sameDays', { change, previous, count: comparison.comparedDays })
                    : t('metering.years.change', { change, previous })}
                </dd>
              )}
            </div>
          );
        })}
      </dl>
    </ChartCard>
  );
}
