import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fillDays, type DailyEnergy } from '@med/core';
import { EChart, type EChartEventHandler } from '../../charts/EChart.tsx';
import type { EChartOption } from '../../charts/echarts.ts';
import { containedGrid, EDGE_SAFE_LABELS, largeBar, zoomable } from '../../charts/series.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { formatDay, formatKwh, formatNumber, formatShortDay } from './format.ts';
import { dailyTable } from './tables.ts';

interface DailyChartProps {
  daily: readonly DailyEnergy[];
  color: string;
  fileParts: readonly string[];
  /** Called with the date of a clicked bar. */
  onPickDay?: (date: string) => void;
}

/** Energy per day over everything loaded, zoomed on the last 90 days (slider and pinch to move). */
export function DailyChart({ daily, color, fileParts, onPickDay }: DailyChartProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // Every calendar day, so the days without data show as gaps.
  const days = useMemo(() => fillDays(daily), [daily]);
  const option = useMemo<EChartOption>(() => {
    const start = days.length > 90 ? Math.round((1 - 90 / days.length) * 100) : 0;
    return {
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (params) => {
          const first = Array.isArray(params) ? params[0] : params;
          const day = days[first?.dataIndex ?? -1];
          return day
            ? `${formatDay(day.date, language)}<br/><b>${day.value ? formatKwh(day.value.wh, language) : '—'}</b>`
            : '';
        },
      },
      grid: containedGrid(28, 44),
      xAxis: {
        type: 'category',
        data: days.map((day) => day.date),
        axisLabel: { ...EDGE_SAFE_LABELS, formatter: (value: string) => formatShortDay(value) },
      },
      yAxis: { type: 'value', name: 'kWh', axisLabel: { formatter: (value: number) => formatNumber(value, language) } },
      dataZoom: zoomable(start),
      series: [
        largeBar({
          name: t('metering.common.energyKwh'),
          data: days.map((day) => (day.value ? day.value.wh / 1000 : null)),
          itemStyle: { color },
        }),
      ],
    };
  }, [days, color, language, t]);
  const onEvents = useMemo<Record<string, EChartEventHandler> | undefined>(
    () =>
      onPickDay
        ? {
            click: (params) => {
              const index = (params as { dataIndex?: number }).dataIndex;
              const day = index === undefined ? undefined : days[index];
              if (day?.value) {
                onPickDay(day.date);
              }
            },
          }
        : undefined,
    [days, onPickDay],
  );
  if (daily.length === 0) {
    return null;
  }
  const first = daily[0]?.date ?? '';
  const last = daily.at(-1)?.date ?? '';
  const total = daily.reduce((sum, day) => sum + day.wh, 0);
  return (
    <ChartCard
      title={t('metering.daily.title')}
      description={onPickDay ? t('metering.daily.hint') : undefined}
      table={dailyTable(days, { date: t('metering.common.date'), energy: t('metering.common.energyKwh') })}
      fileParts={[...fileParts, 'jours', first, last]}
    >
      <EChart
        option={option}
        height={300}
        onEvents={onEvents}
        ariaLabel={t('metering.daily.aria', {
          start: formatDay(first, language, false),
          end: formatDay(last, language, false),
          count: daily.length,
          total: formatKwh(total, language),
        })}
      />
    </ChartCard>
  );
}
