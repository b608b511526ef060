import { formatParisIso, type DataTable } from '@med/core';
import type { EChartOption } from '../../charts/echarts.ts';
import { largeLine } from '../../charts/series.ts';
import { formatNumber } from '../metering/format.ts';
import { formatPower, slotLabel, type AlignedSeries } from './france.ts';

export interface LineSpec<K extends string> {
  key: K;
  name: string;
  color: string;
  /** Line style; `area` stacks the series as a filled area. */
  style: 'bold' | 'dashed' | 'dotted' | 'area';
}

/** Index of the slot that contains `now` (the last start ≤ now), or -1 outside the series. */
export function nowIndex(instants: readonly number[], now: number, stepMs: number): number {
  for (let index = instants.length - 1; index >= 0; index -= 1) {
    const at = instants[index] ?? 0;
    if (at <= now) {
      return now < at + stepMs ? index : -1;
    }
  }
  return -1;
}

/** A line (or stacked area) chart of MW series, drawn in GW on Paris wall-clock slot labels. */
export function powerChartOption<K extends string>(input: {
  aligned: AlignedSeries<K>;
  lines: readonly LineSpec<K>[];
  language: string;
  /** Slot holding the current time, marked with a vertical line; -1 for none. */
  nowIndex: number;
  nowLabel: string;
  nowColor: string;
}): EChartOption {
  const { aligned, lines, language } = input;
  return {
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (value) => (typeof value === 'number' ? formatPower(value * 1000, language) : '—'),
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: aligned.instants.map((at) => slotLabel(at, true)) },
    yAxis: {
      type: 'value',
      name: 'GW',
      scale: !lines.some((line) => line.style === 'area'),
      axisLabel: { formatter: (value: number) => formatNumber(value, language) },
    },
    series: lines.map((line, position) =>
      largeLine({
        name: line.name,
        data: aligned.values[line.key].map((mw) => (mw === null ? null : mw / 1000)),
        itemStyle: { color: line.color },
        lineStyle: {
          color: line.color,
          width: line.style === 'bold' ? 2.5 : 1.5,
          type: line.style === 'dashed' ? 'dashed' : line.style === 'dotted' ? 'dotted' : 'solid',
        },
        ...(line.style === 'area' ? { stack: 'total', areaStyle: { opacity: 0.55 } } : {}),
        ...(position === 0 && input.nowIndex >= 0
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: input.nowColor, type: 'solid', width: 1 },
                label: { formatter: input.nowLabel, position: 'end' },
                data: [{ xAxis: input.nowIndex }],
              },
            }
          : {}),
      }),
    ),
  };
}

/** What the chart shows as a table: slot start (Paris, with offset) and one MW column per series. */
export function powerTable<K extends string>(
  aligned: AlignedSeries<K>,
  lines: readonly LineSpec<K>[],
  startLabel: string,
): DataTable {
  return {
    columns: [
      { key: 'start', label: startLabel },
      ...lines.map((line) => ({ key: line.key, label: `${line.name} (MW)` })),
    ],
    rows: aligned.instants.map((at, index) => {
      const row: Record<string, string | number | null> = { start: formatParisIso(new Date(at)) };
      for (const line of lines) {
        row[line.key] = aligned.values[line.key][index] ?? null;
      }
      return row;
    }),
  };
}
