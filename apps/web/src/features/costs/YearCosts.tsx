import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { formatDate } from '../../lib/format.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatEuros } from '../offers/money.ts';
import type { CostPeriod } from './costView.ts';
import { useYearCosts } from './useCosts.ts';

/** One total per calendar year in Enedis' history (each priced by the server on its own). */
export function YearCosts({ usagePointId, years }: { usagePointId: string; years: readonly CostPeriod[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const queries = useYearCosts(usagePointId, years);
  return (
    <Card title={t('costs.years.title')}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {years.map((year, index) => {
          const query = queries[index];
          return (
            <div
              key={year.id}
              className="rounded-lg bg-slate-50 p-3 dark:bg-slate-800/60"
              data-testid={`cost-year-${year.id}`}
            >
              <dt className="text-sm font-medium">{year.id}</dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums">
                {query?.data ? (
                  formatEuros(query.data.total_eur, language)
                ) : query?.isError ? (
                  <span className="text-sm font-normal">{t('costs.years.failed')}</span>
                ) : (
                  <Spinner label={t('common.loading')} />
                )}
              </dd>
              {year.partial && (
                <dd className="text-xs text-slate-600 dark:text-slate-400">
                  {t('costs.years.partial', {
                    start: formatDate(year.start, language),
                    end: formatDate(query?.data?.daily.at(-1)?.date ?? year.end, language),
                  })}
                </dd>
              )}
              {query?.isError && (
                <dd className="text-xs text-slate-600 dark:text-slate-400">{errorMessage(t, query.error)}</dd>
              )}
            </div>
          );
        })}
      </dl>
    </Card>
  );
}
