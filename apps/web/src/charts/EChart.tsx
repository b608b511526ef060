import { useEffect, useRef } from 'react';
import { init, type ECharts, type EChartOption } from './echarts.ts';
import { useDarkMode } from './useDarkMode.ts';

/** Handler of an ECharts event (`click`, `datazoom`…); `params` is ECharts' event object. */
export type EChartEventHandler = (params: unknown) => void;

export interface EChartProps {
  /** Full option; memoise it (`useMemo`): a new object replaces the chart content. */
  option: EChartOption;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  ariaLabel: string;
  /** CSS height; the width always follows the container. Default 320 px. */
  height?: number | string;
  className?: string;
  /** Shows ECharts' loading mask (keeps the previous drawing underneath). */
  loading?: boolean;
  onEvents?: Record<string, EChartEventHandler>;
}

/**
 * One ECharts instance in a `div`: resized with its container (ResizeObserver), re-created in the dark
 * or light theme when the page theme changes, disposed on unmount. Canvas renderer: it stays smooth
 * with 35,000-point series when they use `sampling: 'lttb'` / `large` / `progressive` (see series.ts).
 */
export function EChart({ option, ariaLabel, height = 320, className, loading = false, onEvents }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const dark = useDarkMode();

  // One instance per theme: ECharts cannot switch themes in place.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) {
      return;
    }
    const chart = init(container, dark ? 'dark' : undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [dark]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) {
      return;
    }
    // Transparent background: the card behind the chart gives the colour in both themes.
    chart.setOption({ backgroundColor: 'transparent', ...option }, { notMerge: true, lazyUpdate: true });
  }, [option, dark]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) {
      return;
    }
    if (loading) {
      chart.showLoading({ text: '', maskColor: dark ? 'rgba(15, 23, 42, 0.6)' : 'rgba(255, 255, 255, 0.6)' });
    } else {
      chart.hideLoading();
    }
  }, [loading, dark]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || !onEvents) {
      return;
    }
    const entries = Object.entries(onEvents);
    for (const [name, handler] of entries) {
      chart.on(name, handler);
    }
    return () => {
      for (const [name, handler] of entries) {
        chart.off(name, handler);
      }
    };
  }, [onEvents, dark]);

  return (
    <div ref={containerRef} role="img" aria-label={ariaLabel} className={className} style={{ width: '100%', height }} />
  );
}
