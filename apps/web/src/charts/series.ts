import type { EChartOption } from './echarts.ts';

type Series = NonNullable<Exclude<EChartOption['series'], unknown[]>>;
type LineSeries = Extract<Series, { type?: 'line' }>;
type BarSeries = Extract<Series, { type?: 'bar' }>;

/**
 * Settings that keep a long series (two years of 30-min points: 35,040) smooth: LTTB down-sampling to
 * the pixel width, no per-point symbols, progressive rendering in chunks.
 */
export function largeLine(series: LineSeries): LineSeries {
  return {
    sampling: 'lttb',
    showSymbol: false,
    symbol: 'none',
    progressive: 4000,
    progressiveThreshold: 5000,
    animation: false,
    ...series,
    type: 'line',
  };
}

/** Bars for many points: `large` draws them in one batch past `largeThreshold`. */
export function largeBar(series: BarSeries): BarSeries {
  return { large: true, largeThreshold: 2000, progressive: 4000, animation: false, ...series, type: 'bar' };
}

/** Inside (wheel, pinch) + slider zoom on the first x axis; the slider is what works with a keyboard-less phone. */
export function zoomable(startPercent = 0): NonNullable<EChartOption['dataZoom']> {
  return [
    { type: 'inside', xAxisIndex: 0, start: startPercent, end: 100, minValueSpan: 2 },
    { type: 'slider', xAxisIndex: 0, start: startPercent, end: 100, height: 22, bottom: 8 },
  ];
}
