import type { Pdl } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass } from '../../components/ui/buttonStyles.ts';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { useDailyEnergy, useParisToday } from '../../hooks/useMeteringData.ts';
import { formatDay, formatKwh, formatPercent } from '../metering/format.ts';
import { LoadError } from '../metering/LoadError.tsx';
import type { Direction } from '../metering/plan.ts';
import { pdlDisplayName } from '../pdl/pdlList.ts';
import { relativeChange, sparklineSegments, summarizeMeter, type PeriodTotal } from './meterSummary.ts';

const SPARK_WIDTH = 240;
const SPARK_HEIGHT = 40;

function Figure({ label, value, detail }: { label: string; value: string; detail?: string | undefined }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      {detail && <dd className="text-xs text-slate-600 dark:text-slate-400">{detail}</dd>}
    </div>
  );
}

/**
 * One meter's first-sight figures: yesterday, the last 7 days, this month against the same days a year
 * earlier, and a 30-day sparkline. Reads the same daily queries as the consumption and production pages,
 * so opening them afterwards costs nothing.
 */
export function MeterSummaryCard({ pdl, direction }: { pdl: Pdl; direction: Direction }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const today = useParisToday();
  const { data, load } = useDailyEnergy(
    { usagePointId: pdl.usage_point_id, activationDate: pdl.activation_date },
    direction,
  );
  const name = pdlDisplayName(pdl);
  const headingId = `summary-${pdl.id}-${direction}`;
  const summary = summarizeMeter(data, today);
  const change = relativeChange(summary.monthToDate, summary.sameDaysLastYear);
  const lastYear = summary.sameDaysLastYear.from.slice(0, 4);
  const kwh = (period: PeriodTotal) => formatKwh(period.wh, language);
  const waiting = load.busy && data.length === 0;

  return (
    <article
      aria-labelledby={headingId}
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 id={headingId} className="font-semibold break-words">
        {name}{' '}
        <span className="font-normal text-slate-600 dark:text-slate-400">· {t(`meterSummary.${direction}`)}</span>
      </h3>
      {load.error ? (
        <div className="mt-3">
          <LoadError error={load.error} errorAt={load.errorAt} onRetry={load.retry} />
        </div>
      ) : waiting ? (
        <Spinner label={t('meterSummary.loading')} />
      ) : (
        <>
          <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
            <Figure
              label={t('meterSummary.yesterday')}
              value={summary.yesterday ? formatKwh(summary.yesterday.wh, language) : '—'}
              detail={summary.yesterday ? undefined : t('meterSummary.yesterdayMissing')}
            />
            <Figure label={t('meterSummary.lastWeek')} value={kwh(summary.lastWeek)} />
            <Figure
              label={t('meterSummary.monthToDate')}
              value={kwh(summary.monthToDate)}
              detail={t('meterSummary.monthToDateRange', {
                from: formatDay(summary.monthToDate.from, language, false),
                to: formatDay(summary.monthToDate.to, language, false),
              })}
            />
          </dl>
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="year-comparison">
            {t('meterSummary.sameDaysLastYear', { year: lastYear, value: kwh(summary.sameDaysLastYear) })}
            {' — '}
            {change === null
              ? t('meterSummary.noComparison')
              : t('meterSummary.change', {
                  change: `${change > 0 ? '+' : ''}${formatPercent(change, language)}`,
                })}
          </p>
          <svg
            role="img"
            aria-label={t('meterSummary.sparkline')}
            viewBox={`-2 -2 ${SPARK_WIDTH + 4} ${SPARK_HEIGHT + 4}`}
            className="mt-3 h-10 w-full text-sky-700 dark:text-sky-300"
            preserveAspectRatio="none"
          >
            {sparklineSegments(summary.lastThirtyDays, SPARK_WIDTH, SPARK_HEIGHT).map((points) => (
              <polyline
                key={points}
                points={points}
                fill="none"
                stroke="currentColor"
                strokeWidth={2}
                vectorEffect="non-scaling-stroke"
              />
            ))}
          </svg>
        </>
      )}
      <Link
        to={`/${direction}?pdl=${pdl.usage_point_id}`}
        className={buttonClass('secondary', 'mt-3 w-full sm:w-auto')}
      >
        {t('meterSummary.details')}
      </Link>
    </article>
  );
}
