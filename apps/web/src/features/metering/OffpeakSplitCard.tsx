import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dailyOffpeakSplit, dayCoverage, monthlyOffpeakSplit, periodCoverage, type EnergySlot } from '@med/core';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartOption } from '../../charts/echarts.ts';
import { barDatum, containedGrid, EDGE_SAFE_LABELS, tooltipMarker } from '../../charts/series.ts';
import { formatOffpeakRange } from '../../lib/format.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { PartialLegend } from '../charts/PartialLegend.tsx';
import { SERIES_COLORS } from './colors.ts';
import { formatKwh, formatMonth, formatNumber, formatPercent } from './format.ts';
import { offpeakTable } from './tables.ts';

interface OffpeakSplitCardProps {
  slots: readonly EnergySlot[];
  ranges: readonly string[];
  source: 'contract' | 'default';
  fileParts: readonly string[];
}

/**
 * HC/HP energy per month from the loaded load curve, by the Paris wall clock of each interval start.
 * Months the curve covers in part are hatched; with no whole month at all (a day or a week loaded)
 * there is no monthly chart, only the totals and why.
 */
export function OffpeakSplitCard({ slots, ranges, source, fileParts }: OffpeakSplitCardProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const daily = useMemo(() => dailyOffpeakSplit(slots, ranges), [slots, ranges]);
  const months = useMemo(() => monthlyOffpeakSplit(daily), [daily]);
  const coverage = useMemo(
    () => new Map(periodCoverage(dayCoverage(slots), 'month').map((month) => [month.period, month])),
    [slots],
  );
  const hasWholeMonth = [...coverage.values()].some((month) => !month.partial);
  const hc = months.reduce((sum, month) => sum + month.hcWh, 0);
  const hp = months.reduce((sum, month) => sum + month.hpWh, 0);
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
          const covered = coverage.get(month.month);
          const lines = items.map((item) => {
            const value = typeof item.value === 'number' ? `${formatNumber(item.value, language, 1)} kWh` : '—';
            return `${tooltipMarker(item.marker)}${item.seriesName ?? ''} <b>${value}</b>`;
          });
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
        data: months.map((month) => formatMonth(month.month, language, 'short', true)),
        axisLabel: EDGE_SAFE_LABELS,
      },
      yAxis: { type: 'value', name: 'kWh', axisLabel: { formatter: (value: number) => formatNumber(value, language) } },
      series: [
        {
          type: 'bar',
          stack: 'total',
          name: t('metering.offpeak.hc'),
          data: months.map((month) => barDatum(month.hcWh / 1000, coverage.get(month.month)?.partial !== false)),
          itemStyle: { color: SERIES_COLORS.offpeak },
        },
        {
          type: 'bar',
          stack: 'total',
          name: t('metering.offpeak.hp'),
          data: months.map((month) => barDatum(month.hpWh / 1000, coverage.get(month.month)?.partial !== false)),
          itemStyle: { color: SERIES_COLORS.peak },
        },
      ],
    }),
    [months, coverage, language, t],
  );
  const rangeText = ranges.map(formatOffpeakRange).join(', ');
  const table = offpeakTable(months, {
    month: t('metering.common.month'),
    hc: t('metering.offpeak.hc'),
    hp: t('metering.offpeak.hp'),
    share: t('metering.offpeak.share'),
    days: t('metering.common.days'),
  });
  return (
    <ChartCard
      title={t('metering.offpeak.title')}
      table={table}
      fileParts={[...fileParts, 'hc-hp', months[0]?.month, months.at(-1)?.month]}
      description={
        <>
          <p>
            {source === 'contract'
              ? t('metering.offpeak.rangesContract', { ranges: rangeText })
              : t('metering.offpeak.rangesDefault', { ranges: rangeText })}
          </p>
          <p>{t('metering.offpeak.basis', { count: daily.length })}</p>
        </>
      }
    >
      {months.length > 0 ? (
        <>
          <p className="mb-2 text-sm" data-testid="offpeak-summary">
            {t('metering.offpeak.totals', {
              hc: formatKwh(hc, language),
              hp: formatKwh(hp, language),
              share: formatPercent(hc + hp > 0 ? hc / (hc + hp) : 0, language),
            })}
          </p>
          {hasWholeMonth ? (
            <>
              <EChart option={option} height={280} ariaLabel={t('metering.offpeak.aria', { count: months.length })} />
              {months.some((month) => coverage.get(month.month)?.partial !== false) && <PartialLegend />}
            </>
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="offpeak-no-month">
              {t('metering.offpeak.noFullMonth', { count: daily.length })}
            </p>
          )}
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('metering.offpeak.noCurve')}</p>
      )}
    </ChartCard>
  );
}
