import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/EChart.tsx';
import type { EChartOption } from '../../charts/echarts.ts';
import { barDatum, containedGrid, EDGE_SAFE_LABELS, tooltipMarker } from '../../charts/series.ts';
import { formatEuros } from '../offers/money.ts';
import { priceKeyLabel } from '../offers/priceKeyLabel.ts';

export interface CostBar {
  /** Category key (a month `YYYY-MM` or a date). */
  key: string;
  label: string;
  partial: boolean;
  subscription_eur: number;
  bands: readonly { band: string; energy_eur: number }[];
  total_eur: number;
}

interface CostBarChartProps {
  bars: readonly CostBar[];
  bands: readonly string[];
  /** Categories where new prices start, with the text of their marker. */
  markers: readonly { key: string; label: string }[];
  ariaLabel: string;
}

// Subscription first (the base of each bar), then the bands; colours readable in both themes.
const COLORS = ['#64748b', '#0284c7', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#ec4899', '#14b8a6'];

/** Stacked € bars (subscription + energy per band) with a vertical line at each price change. */
export function CostBarChart({ bars, bands, markers, ariaLabel }: CostBarChartProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const option = useMemo<EChartOption>(() => {
    const subscription = t('costs.subscription');
    const markLine = {
      symbol: 'none',
      silent: true,
      lineStyle: { type: 'dashed' as const, color: '#dc2626', width: 2 },
      label: { formatter: '{b}', position: 'insideEndTop' as const, color: '#b91c1c', fontSize: 11 },
      data: markers.map((marker) => ({ xAxis: marker.key, name: marker.label })),
    };
    return {
      color: COLORS,
      grid: containedGrid(40, 8),
      legend: { top: 0, type: 'scroll' },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const items = params as { dataIndex: number; marker?: unknown; seriesName?: string; value?: unknown }[];
          const bar = bars[items[0]?.dataIndex ?? 0];
          if (!bar) {
            return '';
          }
          const lines = items.map((item) => {
            const raw = item.value;
            const value = typeof raw === 'object' && raw !== null ? (raw as { value: number }).value : Number(raw);
            return `${tooltipMarker(item.marker)}${item.seriesName ?? ''} <b>${formatEuros(value, language)}</b>`;
          });
          return [`<b>${bar.label}</b> : ${formatEuros(bar.total_eur, language)}`, ...lines].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: bars.map((bar) => bar.key),
        axisLabel: {
          ...EDGE_SAFE_LABELS,
          formatter: (key: string) => bars.find((bar) => bar.key === key)?.label ?? key,
        },
      },
      yAxis: { type: 'value', name: '€', axisLabel: { formatter: (value: number) => formatEuros(value, language) } },
      series: [
        {
          type: 'bar',
          name: subscription,
          stack: 'cost',
          data: bars.map((bar) => barDatum(bar.subscription_eur, bar.partial)),
          markLine,
        },
        ...bands.map((band) => ({
          type: 'bar' as const,
          name: priceKeyLabel(t, band),
          stack: 'cost',
          data: bars.map((bar) =>
            barDatum(bar.bands.find((entry) => entry.band === band)?.energy_eur ?? 0, bar.partial),
          ),
        })),
      ],
    };
  }, [bars, bands, markers, language, t]);
  return <EChart option={option} ariaLabel={ariaLabel} height={340} />;
}
