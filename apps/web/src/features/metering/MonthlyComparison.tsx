import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareYears, isPartialBar, type DailyEnergy, type MonthComparison } from '@med/core';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartOption } from '../../charts/echarts.ts';
import { barDatum, containedGrid, EDGE_SAFE_LABELS, tooltipMarker } from '../../charts/series.ts';
import { inputClass } from '../../components/ui/fieldStyles.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { PartialLegend } from '../charts/PartialLegend.tsx';
import { SERIES_COLORS } from './colors.ts';
import { formatKwh, formatMonth, formatNumber } from './format.ts';
import { monthlyComparisonTable } from './tables.ts';

interface MonthlyComparisonProps {
  daily: readonly DailyEnergy[];
  color: string;
  fileParts: readonly string[];
}

/**
 * Month-by-month bars of year N next to N-1, with a year selector. A month either year holds only in
 * part is compared on the days both have, and both its bars are hatched (see `compareYears`).
 */
export function MonthlyComparison({ daily, color, fileParts }: MonthlyComparisonProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const selectId = useId();
  const years = useMemo(
    () => [...new Set(daily.map((day) => Number(day.date.slice(0, 4))))].sort((a, b) => b - a),
    [daily],
  );
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen !== null && years.includes(chosen) ? chosen : (years[0] ?? new Date().getFullYear());
  const rows = useMemo(() => compareYears(daily, year), [daily, year]);
  const total = daily.reduce((sum, day) => (day.date.startsWith(String(year)) ? sum + day.wh : sum), 0);

  const option = useMemo<EChartOption>(() => {
    const partialText = (row: MonthComparison, side: 'current' | 'previous') => {
      if (!isPartialBar(row, side)) {
        return '';
      }
      const detail =
        row.basis === 'sameDays'
          ? t('metering.monthly.sameDaysTooltip', { count: row.comparedDays })
          : side === 'current'
            ? t('metering.common.partialDays', { count: row.currentDays, total: row.daysInMonth })
            : t('metering.common.partialDays', { count: row.previousDays, total: row.previousDaysInMonth });
      return `<br/><i>${detail}</i>`;
    };
    return {
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (params) => {
          const items = Array.isArray(params) ? params : [params];
          const row = rows[items[0]?.dataIndex ?? -1];
          if (!row) {
            return '';
          }
          const lines = items.map((item) => {
            const side = item.seriesIndex === 0 ? 'previous' : 'current';
            const wh = row[side];
            const value = wh === null ? '—' : formatKwh(wh, language);
            return `${tooltipMarker(item.marker)}${item.seriesName ?? ''} <b>${value}</b>${wh === null ? '' : partialText(row, side)}`;
          });
          return [formatMonth(row.month, language, 'long'), ...lines].join('<br/>');
        },
      },
      legend: { top: 0, type: 'scroll' },
      grid: containedGrid(56, 8),
      xAxis: {
        type: 'category',
        data: rows.map((row) => formatMonth(row.month, language)),
        axisLabel: EDGE_SAFE_LABELS,
      },
      yAxis: { type: 'value', name: 'kWh', axisLabel: { formatter: (value: number) => formatNumber(value, language) } },
      series: [
        {
          type: 'bar',
          name: String(year - 1),
          data: rows.map((row) =>
            barDatum(row.previous === null ? null : row.previous / 1000, isPartialBar(row, 'previous')),
          ),
          itemStyle: { color: SERIES_COLORS.previous },
        },
        {
          type: 'bar',
          name: String(year),
          data: rows.map((row) =>
            barDatum(row.current === null ? null : row.current / 1000, isPartialBar(row, 'current')),
          ),
          itemStyle: { color },
        },
      ],
    };
  }, [rows, year, language, color, t]);

  if (years.length === 0) {
    return null;
  }
  const notes = rows.flatMap((row) => {
    const month = formatMonth(row.month, language, 'long');
    const names = { month: month.charAt(0).toUpperCase() + month.slice(1), year, previous: year - 1 };
    if (row.basis === 'sameDays') {
      return [t('metering.monthly.sameDays', { ...names, count: row.comparedDays })];
    }
    if (row.basis === 'unmatched' && row.current !== null && row.previous !== null) {
      return [t('metering.monthly.unmatched', names)];
    }
    return [];
  });
  const anyPartial = rows.some((row) => isPartialBar(row, 'current') || isPartialBar(row, 'previous'));
  const table = monthlyComparisonTable(rows, year, {
    month: t('metering.common.month'),
    current: t('metering.monthly.current', { year }),
    previous: t('metering.monthly.previous', { year: year - 1 }),
    change: t('metering.common.change'),
    comparedDays: t('metering.monthly.comparedDays'),
  });
  return (
    <ChartCard
      title={t('metering.monthly.title', { year, previous: year - 1 })}
      table={table}
      fileParts={[...fileParts, 'mois', String(year)]}
      toolbar={
        <div className="max-w-40">
          <label htmlFor={selectId} className="mb-1 block text-sm font-medium">
            {t('metering.monthly.yearLabel')}
          </label>
          <select
            id={selectId}
            className={inputClass}
            value={year}
            onChange={(event) => setChosen(Number(event.target.value))}
          >
            {years.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      }
    >
      <EChart
        option={option}
        height={300}
        ariaLabel={t('metering.monthly.aria', { year, previous: year - 1, total: formatKwh(total, language) })}
      />
      {anyPartial && <PartialLegend notes={notes} />}
    </ChartCard>
  );
}
