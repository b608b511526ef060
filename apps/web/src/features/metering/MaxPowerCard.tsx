import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribedVa, type MaxPowerDay } from '@med/core';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartOption } from '../../charts/echarts.ts';
import { containedGrid, EDGE_SAFE_LABELS, largeBar, zoomable } from '../../charts/series.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { SERIES_COLORS } from './colors.ts';
import { formatDay, formatNumber, formatShortDay } from './format.ts';
import { maxPowerTable } from './tables.ts';

interface MaxPowerCardProps {
  days: readonly MaxPowerDay[];
  subscribedKva: number | null;
  fileParts: readonly string[];
}

/** Daily peak power (VA) against the subscribed power as a reference line (kVA × 1000). */
export function MaxPowerCard({ days, subscribedKva, fileParts }: MaxPowerCardProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const reference = subscribedVa(subscribedKva);
  const option = useMemo<EChartOption>(() => {
    const start = days.length > 90 ? Math.round((1 - 90 / days.length) * 100) : 0;
    const peak = days.reduce((max, day) => Math.max(max, day.va), 0);
    return {
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (params) => {
          const first = Array.isArray(params) ? params[0] : params;
          const day = days[first?.dataIndex ?? -1];
          return day
            ? `${formatDay(day.date, language)} ${day.time}<br/><b>${formatNumber(day.va, language)} VA</b>`
            : '';
        },
      },
      grid: containedGrid(28, 44),
      xAxis: {
        type: 'category',
        data: days.map((day) => day.date),
        axisLabel: { ...EDGE_SAFE_LABELS, formatter: (value: string) => formatShortDay(value) },
      },
      yAxis: {
        type: 'value',
        name: 'VA',
        max: reference ? Math.max(reference, peak) * 1.1 : undefined,
        axisLabel: { formatter: (value: number) => formatNumber(value, language) },
      },
      dataZoom: zoomable(start),
      series: [
        largeBar({
          name: t('metering.maxPower.series'),
          data: days.map((day) => day.va),
          itemStyle: { color: SERIES_COLORS.consumption },
          ...(reference
            ? {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { color: SERIES_COLORS.reference, type: 'dashed', width: 2 },
                  label: {
                    formatter: t('metering.maxPower.subscribed', { kva: subscribedKva }),
                    position: 'insideEndTop',
                  },
                  data: [{ yAxis: reference }],
                },
              }
            : {}),
        }),
      ],
    };
  }, [days, reference, subscribedKva, language, t]);
  if (days.length === 0) {
    return null;
  }
  const peak = days.reduce((best, day) => (day.va > best.va ? day : best), days[0] ?? { date: '', va: 0, time: '' });
  const nearLimit = reference ? days.filter((day) => day.va >= reference * 0.9).length : 0;
  return (
    <ChartCard
      title={t('metering.maxPower.title')}
      description={reference ? undefined : t('metering.maxPower.noSubscribed')}
      table={maxPowerTable(days, reference, {
        date: t('metering.common.date'),
        time: t('metering.common.time'),
        power: t('metering.maxPower.series'),
        subscribed: t('metering.maxPower.subscribedColumn'),
      })}
      fileParts={[...fileParts, 'puissance-max', days[0]?.date, days.at(-1)?.date]}
    >
      <p className="mb-2 text-sm">
        {t('metering.maxPower.summary', {
          value: formatNumber(peak.va, language),
          date: formatDay(peak.date, language, false),
          time: peak.time,
          count: nearLimit,
        })}
      </p>
      <EChart
        option={option}
        height={300}
        ariaLabel={t('metering.maxPower.aria', {
          count: days.length,
          value: formatNumber(peak.va, language),
          subscribed: reference ? `${formatNumber(reference, language)} VA` : '—',
        })}
      />
    </ChartCard>
  );
}
