import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareYears, monthlyTotals, type DailyEnergy } from '@med/core';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartOption } from '../../charts/echarts.ts';
import { inputClass } from '../../components/ui/fieldStyles.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { SERIES_COLORS } from './colors.ts';
import { formatKwh, formatMonth, formatNumber } from './format.ts';
import { monthlyComparisonTable } from './tables.ts';

interface MonthlyComparisonProps {
  daily: readonly DailyEnergy[];
  color: string;
  fileParts: readonly string[];
}

/** Month-by-month bars of year N next to N-1, with a year selector. */
export function MonthlyComparison({ daily, color, fileParts }: MonthlyComparisonProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const selectId = useId();
  const monthly = useMemo(() => monthlyTotals(daily), [daily]);
  const years = useMemo(
    () => [...new Set(monthly.map((month) => Number(month.period.slice(0, 4))))].sort((a, b) => b - a),
    [monthly],
  );
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen !== null && years.includes(chosen) ? chosen : (years[0] ?? new Date().getFullYear());
  const rows = useMemo(() => compareYears(monthly, year), [monthly, year]);
  const total = rows.reduce((sum, row) => sum + (row.current ?? 0), 0);

  const option = useMemo<EChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        confine: true,
        valueFormatter: (value) => (typeof value === 'number' ? `${formatNumber(value, language, 1)} kWh` : '—'),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((row) => formatMonth(row.month, language)) },
      yAxis: { type: 'value', name: 'kWh', axisLabel: { formatter: (value: number) => formatNumber(value, language) } },
      series: [
        {
          type: 'bar',
          name: String(year - 1),
          data: rows.map((row) => (row.previous === null ? null : row.previous / 1000)),
          itemStyle: { color: SERIES_COLORS.previous },
        },
        {
          type: 'bar',
          name: String(year),
          data: rows.map((row) => (row.current === null ? null : row.current / 1000)),
          itemStyle: { color },
        },
      ],
    }),
    [rows, year, language, color],
  );

  if (years.length === 0) {
    return null;
  }
  const table = monthlyComparisonTable(rows, year, {
    month: t('metering.common.month'),
    current: t('metering.monthly.current', { year }),
    previous: t('metering.monthly.previous', { year: year - 1 }),
    change: t('metering.common.change'),
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
    </ChartCard>
  );
}
