import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dailyOffpeakSplit, monthlyOffpeakSplit, type EnergySlot } from '@med/core';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartOption } from '../../charts/echarts.ts';
import { formatOffpeakRange } from '../../lib/format.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { SERIES_COLORS } from './colors.ts';
import { formatKwh, formatMonth, formatNumber, formatPercent } from './format.ts';
import { offpeakTable } from './tables.ts';

interface OffpeakSplitCardProps {
  slots: readonly EnergySlot[];
  ranges: readonly string[];
  source: 'contract' | 'default';
  fileParts: readonly string[];
}

/** HC/HP energy per month from the loaded load curve, by the Paris wall clock of each interval start. */
export function OffpeakSplitCard({ slots, ranges, source, fileParts }: OffpeakSplitCardProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const daily = useMemo(() => dailyOffpeakSplit(slots, ranges), [slots, ranges]);
  const months = useMemo(() => monthlyOffpeakSplit(daily), [daily]);
  const hc = months.reduce((sum, month) => sum + month.hcWh, 0);
  const hp = months.reduce((sum, month) => sum + month.hpWh, 0);
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        confine: true,
        valueFormatter: (value) => (typeof value === 'number' ? `${formatNumber(value, language, 1)} kWh` : '—'),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((month) => formatMonth(month.month, language, 'short', true)) },
      yAxis: { type: 'value', name: 'kWh', axisLabel: { formatter: (value: number) => formatNumber(value, language) } },
      series: [
        {
          type: 'bar',
          stack: 'total',
          name: t('metering.offpeak.hc'),
          data: months.map((month) => month.hcWh / 1000),
          itemStyle: { color: SERIES_COLORS.offpeak },
        },
        {
          type: 'bar',
          stack: 'total',
          name: t('metering.offpeak.hp'),
          data: months.map((month) => month.hpWh / 1000),
          itemStyle: { color: SERIES_COLORS.peak },
        },
      ],
    }),
    [months, language, t],
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
          <p>{t('metering.offpeak.basis', { days: daily.length })}</p>
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
          <EChart option={option} height={280} ariaLabel={t('metering.offpeak.aria', { count: months.length })} />
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('metering.offpeak.noCurve')}</p>
      )}
    </ChartCard>
  );
}
