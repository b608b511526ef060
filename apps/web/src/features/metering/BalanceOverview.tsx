import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { balanceDays, monthlyBalance, periodCoverage, summariseBalance } from '@med/core';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartOption } from '../../charts/echarts.ts';
import { barDatum, containedGrid, EDGE_SAFE_LABELS, tooltipMarker } from '../../charts/series.ts';
import { inputClass } from '../../components/ui/fieldStyles.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { useDailyEnergy, useLoadCurve } from '../../hooks/useMeteringData.ts';
import { requestHistory, useMeteringHistory } from '../../hooks/useMeteringHistory.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { PartialLegend } from '../charts/PartialLegend.tsx';
import type { BalancePair } from './balancePairs.ts';
import { BalanceSummaryCards } from './BalanceSummaryCards.tsx';
import { SERIES_COLORS } from './colors.ts';
import { formatKwh, formatMonth, formatNumber } from './format.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import { balanceTable } from './tables.ts';

const ALL = 'all';

/** Consumption against production for one pair of meters: figures, method, monthly chart. */
export function BalanceOverview({ pair }: { pair: BalancePair }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const selectId = useId();
  const consumptionMeter = {
    usagePointId: pair.consumption.usage_point_id,
    activationDate: pair.consumption.activation_date,
  };
  const productionMeter = {
    usagePointId: pair.production.usage_point_id,
    activationDate: pair.production.activation_date,
  };
  const consumption = useDailyEnergy(consumptionMeter, 'consumption');
  const production = useDailyEnergy(productionMeter, 'production');
  // Curves only with the history: 2 × 25 calls are not worth spending on a simple visit.
  const consumptionCurve = useLoadCurve(consumptionMeter, 'consumption', []);
  const productionCurve = useLoadCurve(productionMeter, 'production', []);
  const consumptionHistory = useMeteringHistory(pair.consumption.usage_point_id, 'consumption');
  const productionHistory = useMeteringHistory(pair.production.usage_point_id, 'production');
  const requested = consumptionHistory && productionHistory;

  const days = useMemo(
    () =>
      balanceDays({
        consumptionDaily: consumption.data,
        productionDaily: production.data,
        consumptionSlots: consumptionCurve.data,
        productionSlots: productionCurve.data,
      }),
    [consumption.data, production.data, consumptionCurve.data, productionCurve.data],
  );
  const years = useMemo(() => [...new Set(days.map((day) => day.date.slice(0, 4)))].sort().reverse(), [days]);
  const [chosen, setChosen] = useState<string | null>(null);
  const period = chosen !== null && (chosen === ALL || years.includes(chosen)) ? chosen : (years[0] ?? ALL);
  const shown = useMemo(
    () => (period === ALL ? days : days.filter((day) => day.date.startsWith(period))),
    [days, period],
  );
  const summary = useMemo(() => summariseBalance(shown), [shown]);
  const months = useMemo(() => monthlyBalance(shown), [shown]);
  // A month is whole only when every one of its calendar days has both directions: a month with 1 day
  // of data is hatched and says so, never shown as if it were comparable with a whole one.
  const coverage = useMemo(
    () => new Map(periodCoverage(shown, 'month').map((month) => [month.period, month])),
    [shown],
  );

  const option = useMemo<EChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (params) => {
          const items = Array.isArray(params) ? params : [params];
          const month = months[items[0]?.dataIndex ?? -1];
          if (!month) {
            return '';
          }
          const lines = items.map((item) => {
            const raw: unknown = item.value;
            const value = typeof raw === 'number' ? `${formatNumber(raw, language, 1)} kWh` : '—';
            return `${tooltipMarker(item.marker)}${item.seriesName ?? ''} <b>${value}</b>`;
          });
          const covered = coverage.get(month.month);
          const partial =
            covered?.partial === true
              ? [
                  `<i>${t('metering.common.partialDays', { count: covered.completeDays, total: covered.daysInPeriod })}</i>`,
                ]
              : [];
          return [formatMonth(month.month, language, 'long', true), ...lines, ...partial].join('<br/>');
        },
      },
      legend: { top: 0, type: 'scroll' },
      grid: containedGrid(56, 8),
      xAxis: {
        type: 'category',
        data: months.map((month) => formatMonth(month.month, language, 'short', period === ALL)),
        axisLabel: EDGE_SAFE_LABELS,
      },
      yAxis: { type: 'value', name: 'kWh', axisLabel: { formatter: (value: number) => formatNumber(value, language) } },
      series: [
        {
          type: 'bar',
          name: t('metering.balance.consumption'),
          data: months.map((month) =>
            barDatum(month.consumptionWh / 1000, coverage.get(month.month)?.partial !== false),
          ),
          itemStyle: { color: SERIES_COLORS.consumption },
        },
        {
          type: 'bar',
          name: t('metering.balance.production'),
          data: months.map((month) =>
            barDatum(month.productionWh / 1000, coverage.get(month.month)?.partial !== false),
          ),
          itemStyle: { color: SERIES_COLORS.production },
        },
        {
          type: 'line',
          name: t('metering.balance.netShort'),
          data: months.map((month) => month.netWh / 1000),
          itemStyle: { color: SERIES_COLORS.positive },
          lineStyle: { width: 2 },
        },
      ],
    }),
    [months, coverage, language, period, t],
  );

  const loading = (consumption.load.busy || production.load.busy) && days.length === 0;
  const methodText =
    summary.method === 'slots'
      ? t('metering.balance.methodSlots', { count: summary.slotDays })
      : summary.method === 'mixed'
        ? t('metering.balance.methodMixed', { slotDays: summary.slotDays, dayDays: summary.dayDays })
        : t('metering.balance.methodDays', { count: summary.dayDays });

  return (
    <div className="space-y-6">
      <HistoryPanel
        intro={t('metering.history.introBalance')}
        requested={requested}
        onRequest={() => {
          requestHistory(pair.consumption.usage_point_id, 'consumption');
          requestHistory(pair.production.usage_point_id, 'production');
        }}
        loads={[
          { name: t('metering.history.consumptionDaily'), load: consumption.load },
          { name: t('metering.history.productionDaily'), load: production.load },
          { name: t('metering.history.consumptionCurve'), load: consumptionCurve.load },
          { name: t('metering.history.productionCurve'), load: productionCurve.load },
        ]}
      />
      {loading ? (
        <Spinner label={t('metering.common.loadingData')} />
      ) : days.length === 0 ? (
        <Alert tone="info">{t('metering.balance.noOverlap')}</Alert>
      ) : (
        <>
          <div className="max-w-48">
            <label htmlFor={selectId} className="mb-1 block text-sm font-medium">
              {t('metering.balance.yearLabel')}
            </label>
            <select
              id={selectId}
              className={inputClass}
              value={period}
              onChange={(event) => setChosen(event.target.value)}
            >
              {years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
              <option value={ALL}>{t('metering.balance.allYears')}</option>
            </select>
          </div>
          <BalanceSummaryCards summary={summary} />
          <div className="space-y-2 text-sm text-slate-700 dark:text-slate-300" data-testid="balance-method">
            <p>
              {t('metering.balance.days', { count: summary.days })} · {methodText}
            </p>
            <p className="text-slate-600 dark:text-slate-400">{t('metering.balance.caveat')}</p>
          </div>
          <ChartCard
            title={t('metering.balance.chartTitle')}
            table={balanceTable(months, {
              month: t('metering.common.month'),
              consumption: `${t('metering.balance.consumption')} (kWh)`,
              production: `${t('metering.balance.production')} (kWh)`,
              net: `${t('metering.balance.net')} (kWh)`,
              selfConsumed: `${t('metering.balance.selfConsumed')} (kWh)`,
              selfConsumption: `${t('metering.balance.selfConsumptionRate')} (%)`,
              selfSufficiency: `${t('metering.balance.selfSufficiencyRate')} (%)`,
              method: t('metering.balance.methodColumn'),
            })}
            fileParts={[pair.consumption.usage_point_id, pair.production.usage_point_id, 'bilan', period]}
          >
            <EChart
              option={option}
              height={320}
              ariaLabel={t('metering.balance.chartAria', {
                count: months.length,
                net: formatKwh(summary.netWh, language),
              })}
            />
            {months.some((month) => coverage.get(month.month)?.partial !== false) && <PartialLegend />}
          </ChartCard>
        </>
      )}
    </div>
  );
}
