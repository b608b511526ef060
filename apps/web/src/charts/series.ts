import type { EChartOption } from './echarts.ts';

type Series = NonNullable<Exclude<EChartOption['series'], unknown[]>>;
type LineSeries = Extract<Series, { type?: 'line' }>;
type BarSeries = Extract<Series, { type?: 'bar' }>;
type Grid = Exclude<NonNullable<EChartOption['grid']>, unknown[]>;
type BarDatum = NonNullable<BarSeries['data']>[number];

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

/**
 * Inside (wheel, pinch) + slider zoom on the first x axis; the slider is what works with a keyboard-less
 * phone. No start/end labels beside the slider: on a 375-px screen they run off the canvas (the axis
 * labels already say where the window is).
 */
export function zoomable(startPercent = 0): NonNullable<EChartOption['dataZoom']> {
  return zoom({ start: startPercent, end: 100 }, 2);
}

/** The same on a time axis, between two instants (UTC ms), never narrower than `minSpanMs`. */
export function zoomableTime(from: number, to: number, minSpanMs: number): NonNullable<EChartOption['dataZoom']> {
  return zoom({ startValue: from, endValue: to }, minSpanMs);
}

type ZoomRange = { start: number; end: number } | { startValue: number; endValue: number };

function zoom(range: ZoomRange, minValueSpan: number): NonNullable<EChartOption['dataZoom']> {
  return [
    { type: 'inside', xAxisIndex: 0, ...range, minValueSpan },
    {
      type: 'slider',
      xAxisIndex: 0,
      ...range,
      height: 22,
      bottom: 8,
      left: 24,
      right: 24,
      showDetail: false,
    },
  ];
}

/**
 * A grid whose axis labels and axis names (the "kWh" above the y axis) stay inside the canvas: ECharts
 * shrinks the plot rather than letting them overflow, which is what cut the last labels on phones.
 */
export function containedGrid(top: number, bottom: number): Grid {
  return { left: 8, right: 12, top, bottom, outerBoundsMode: 'same', outerBoundsContain: 'all' };
}

/** Axis labels that never overlap and whose first and last stay inside the plot. */
export const EDGE_SAFE_LABELS = { hideOverlap: true, alignMinLabel: 'left', alignMaxLabel: 'right' } as const;

/** Diagonal hatching: what marks a bar that stands for an incomplete period (with a lighter fill). */
export const PARTIAL_DECAL = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [3, 5],
  rotation: -Math.PI / 4,
  color: 'rgba(255, 255, 255, 0.7)',
};

/** One bar value, hatched and lighter when it covers only part of its period. */
export function barDatum(value: number | null, partial: boolean): BarDatum {
  return partial ? { value, itemStyle: { decal: PARTIAL_DECAL, opacity: 0.6 } } : value;
}

/** The coloured dot ECharts gives a tooltip item (HTML in the default render mode). */
export function tooltipMarker(marker: unknown): string {
  return typeof marker === 'string' ? marker : '';
}
