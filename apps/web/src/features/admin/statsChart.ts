import type { AdminStats } from '@med/contracts';
import type { DataTable } from '@med/core';
import type { EChartOption } from '../../charts/echarts.ts';

export interface DailyLabels {
  cached: string;
  noCache: string;
  enedisErrors: string;
  day: string;
}

/** "2026-12-03" → "03/12" (fr) or "03 Dec" (en): the axis has 30 of them, short ones fit a phone. */
export function shortDay(date: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    return date;
  }
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    day: '2-digit',
    month: language === 'en' ? 'short' : '2-digit',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, day));
}

/**
 * Calls per Paris day, stacked (answered from the cache / sent to Enedis), with Enedis' errors
 * (429 + 5xx) as a line on a second axis: a day of errors stays visible next to a day of thousands of calls.
 */
export function dailyCallsOption(
  daily: AdminStats['daily'],
  labels: DailyLabels,
  language: string,
  colors: { cached: string; noCache: string; errors: string },
): EChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: daily.map((day) => shortDay(day.date, language)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: labels.cached, stack: 'calls', data: daily.map((day) => day.cached), color: colors.cached },
      {
        type: 'bar',
        name: labels.noCache,
        stack: 'calls',
        data: daily.map((day) => day.no_cache),
        color: colors.noCache,
      },
      {
        type: 'line',
        name: labels.enedisErrors,
        yAxisIndex: 1,
        data: daily.map((day) => day.enedis_errors),
        color: colors.errors,
      },
    ],
  };
}

/** The same figures as a table, for the CSV/JSON downloads. */
export function dailyCallsTable(daily: AdminStats['daily'], labels: DailyLabels): DataTable {
  return {
    columns: [
      { key: 'date', label: labels.day },
      { key: 'cached', label: labels.cached },
      { key: 'no_cache', label: labels.noCache },
      { key: 'enedis_errors', label: labels.enedisErrors },
    ],
    rows: daily.map((day) => ({
      date: day.date,
      cached: day.cached,
      no_cache: day.no_cache,
      enedis_errors: day.enedis_errors,
    })),
  };
}
