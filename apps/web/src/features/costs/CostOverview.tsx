import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorCode, type CostsResponse, type Pdl } from '@med/contracts';
import { parisToday } from '@med/core';
import { ApiError } from '../../api/ApiError.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatDate } from '../../lib/format.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { PartialLegend } from '../charts/PartialLegend.tsx';
import { formatMonth, formatShortDay } from '../metering/format.ts';
import { priceKeyLabel } from '../offers/priceKeyLabel.ts';
import { CostBarChart, type CostBar } from './CostBarChart.tsx';
import { CostEstimates } from './CostEstimates.tsx';
import { CostSummary } from './CostSummary.tsx';
import {
  bandsOf,
  costPeriods,
  daysTable,
  isPartialMonth,
  monthsTable,
  monthsWithDays,
  priceChangeDates,
} from './costView.ts';
import { PriceRecordsTable } from './PriceRecordsTable.tsx';
import { useCosts } from './useCosts.ts';
import { YearCosts } from './YearCosts.tsx';

/** One meter's costs: the period picker, then its figures, years, months, days and the prices used. */
export function CostOverview({ pdl }: { pdl: Pdl }) {
  const { t, i18n } = useTranslation();
  const periods = useMemo(() => costPeriods(parisToday(new Date()), pdl.activation_date), [pdl.activation_date]);
  const [periodId, setPeriodId] = useState(periods[0]?.id ?? 'rolling');
  const period = periods.find((entry) => entry.id === periodId) ?? periods[0];
  const query = useCosts(pdl.usage_point_id, period ?? { id: 'none', start: '', end: '', partial: false });
  if (!period) {
    return <Alert tone="info">{t('errors.NO_DATA')}</Alert>;
  }
  const periodLabel = (id: string) =>
    id === 'rolling' ? t('costs.periods.rolling') : t('costs.periods.year', { year: id });
  const noOffer = query.error instanceof ApiError && query.error.code === ErrorCode.OFFER_NOT_SELECTED;
  return (
    <div className="space-y-6">
      <form className="max-w-xs print:hidden" onSubmit={(event) => event.preventDefault()}>
        <SelectField label={t('costs.period')} value={period.id} onChange={(event) => setPeriodId(event.target.value)}>
          {periods.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {periodLabel(entry.id)}
            </option>
          ))}
        </SelectField>
      </form>
      {period.partial && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t('costs.partialPeriod', {
            start: formatDate(period.start, i18n.language),
            end: formatDate(period.end, i18n.language),
          })}
        </p>
      )}
      {query.isPending ? (
        <Spinner label={t('costs.loading')} />
      ) : query.isError ? (
        <Alert tone={noOffer ? 'info' : 'error'}>
          <p>{errorMessage(t, query.error)}</p>
          {noOffer && (
            <Link className="mt-1 inline-block text-sky-700 underline dark:text-sky-300" to="/dashboard">
              {t('costs.chooseOffer')}
            </Link>
          )}
        </Alert>
      ) : (
        <CostDetails
          key={period.id}
          cost={query.data}
          fileParts={[pdl.usage_point_id, 'cout', periodLabel(period.id)]}
          years={periods.filter((entry) => entry.id !== 'rolling')}
        />
      )}
    </div>
  );
}

function CostDetails({
  cost,
  fileParts,
  years,
}: {
  cost: CostsResponse;
  fileParts: readonly string[];
  years: ReturnType<typeof costPeriods>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const bands = bandsOf(cost);
  const changes = priceChangeDates(cost);
  const labels = {
    period: t('costs.download.month'),
    days: t('costs.days'),
    kwh: 'kWh',
    energy: `${t('costs.energy')} (€)`,
    subscription: `${t('costs.subscription')} (€)`,
    total: `${t('costs.total')} (€)`,
    band: (band: string) => priceKeyLabel(t, band),
  };
  const monthBars = useMemo<CostBar[]>(
    () =>
      cost.months.map((month) => ({
        key: month.month,
        label: formatMonth(month.month, language, 'short', true),
        partial: isPartialMonth(month),
        subscription_eur: month.subscription_eur,
        bands: month.bands,
        total_eur: month.total_eur,
      })),
    [cost, language],
  );
  const monthMarkers = useMemo(
    () =>
      changes.map((date) => ({
        key: date.slice(0, 7),
        label: t('costs.priceChange', { date: formatDate(date, language) }),
      })),
    [changes, language, t],
  );
  const months = monthsWithDays(cost);
  const [month, setMonth] = useState(months.at(-1) ?? '');
  const dayBars = useMemo<CostBar[]>(
    () =>
      cost.daily
        .filter((day) => day.date.startsWith(month))
        .map((day) => ({
          key: day.date,
          label: formatShortDay(day.date),
          partial: day.source === 'none',
          subscription_eur: day.subscription_eur,
          bands: day.bands,
          total_eur: day.total_eur,
        })),
    [cost, month],
  );
  const dayMarkers = changes
    .filter((date) => date.startsWith(month))
    .map((date) => ({ key: date, label: t('costs.priceChange', { date: formatDate(date, language) }) }));
  const partialMonths = cost.months
    .filter(isPartialMonth)
    .map((entry) => formatMonth(entry.month, language, 'long', true));

  return (
    <>
      <CostSummary cost={cost} />
      <CostEstimates estimates={cost.estimates} />
      {years.length > 0 && <YearCosts usagePointId={cost.usage_point_id} years={years} />}
      <ChartCard
        title={t('costs.months.title')}
        description={t('costs.months.description')}
        table={monthsTable(cost, labels)}
        fileParts={[...fileParts, 'mois']}
      >
        <CostBarChart bars={monthBars} bands={bands} markers={monthMarkers} ariaLabel={t('costs.months.chart')} />
        {partialMonths.length > 0 && (
          <PartialLegend notes={[t('costs.partialMonths', { months: partialMonths.join(', ') })]} />
        )}
        {changes.length > 0 && (
          <p className="mt-2 text-sm" data-testid="price-changes">
            {t('costs.priceChanges', {
              count: changes.length,
              dates: changes.map((date) => formatDate(date, language)).join(', '),
            })}
          </p>
        )}
      </ChartCard>
      <ChartCard
        title={t('costs.daysChart.title')}
        table={{
          rowCount: cost.daily.length,
          build: () =>
            daysTable(cost, { ...labels, period: t('costs.download.date'), record: t('costs.download.record') }),
        }}
        fileParts={[...fileParts, 'jours']}
        toolbar={
          <div className="max-w-xs print:hidden">
            <SelectField
              label={t('costs.daysChart.month')}
              value={month}
              onChange={(event) => setMonth(event.target.value)}
            >
              {months.map((entry) => (
                <option key={entry} value={entry}>
                  {formatMonth(entry, language, 'long', true)}
                </option>
              ))}
            </SelectField>
          </div>
        }
      >
        <CostBarChart bars={dayBars} bands={bands} markers={dayMarkers} ariaLabel={t('costs.daysChart.chart')} />
      </ChartCard>
      <Card title={t('costs.records.title')}>
        <PriceRecordsTable records={cost.price_records} />
      </Card>
    </>
  );
}
