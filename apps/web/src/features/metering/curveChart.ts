import {
  alignShifted,
  formatParisIso,
  indexByWallClock,
  OVERLAY_SHIFT_DAYS,
  type CurvePoint,
  type DownsampledCurve,
  type EnergySlot,
  type OverlayKind,
} from '@med/core';
import type { EChartOption } from '../../charts/echarts.ts';
import { containedGrid, EDGE_SAFE_LABELS, largeLine, tooltipMarker, zoomableTime } from '../../charts/series.ts';
import { SERIES_COLORS } from './colors.ts';
import { formatClock, formatNumber, formatParisDateTime, formatParisTick, formatShortDay } from './format.ts';

export interface CurveOverlay {
  kind: OverlayKind;
  name: string;
  slots: (EnergySlot | null)[];
}

/** The overlays enabled, each aligned slot by slot on the shown period (Paris wall clock). */
export function buildOverlays(
  view: readonly EnergySlot[],
  all: readonly EnergySlot[],
  enabled: Record<OverlayKind, boolean>,
  names: Record<OverlayKind, string>,
): CurveOverlay[] {
  const kinds = (Object.keys(OVERLAY_SHIFT_DAYS) as OverlayKind[]).filter((kind) => enabled[kind]);
  if (kinds.length === 0 || view.length === 0) {
    return [];
  }
  const index = indexByWallClock(all);
  return kinds.map((kind) => ({ kind, name: names[kind], slots: alignShifted(view, index, OVERLAY_SHIFT_DAYS[kind]) }));
}

/**
 * Axis labels in Paris wall-clock time: "HH:MM" for one day, "dd/MM HH:MM" otherwise. The repeated
 * October hour gets its offset ("02:30 +01:00") so the two half-hours can be told apart.
 */
export function curveLabels(slots: readonly EnergySlot[], withDate: boolean): string[] {
  const counts = new Map<string, number>();
  for (const slot of slots) {
    const key = `${slot.date}|${slot.minuteOfDay}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return slots.map((slot) => {
    const clock = formatClock(slot.minuteOfDay);
    const base = withDate ? `${formatShortDay(slot.date)} ${clock}` : clock;
    return (counts.get(`${slot.date}|${slot.minuteOfDay}`) ?? 0) > 1
      ? `${base} ${formatParisIso(new Date(slot.start)).slice(19)}`
      : base;
  });
}

/** One day or one week of slots on a category axis (Paris wall-clock labels), with the overlays. */
export function curveOption(input: {
  slots: readonly EnergySlot[];
  overlays: readonly CurveOverlay[];
  withDate: boolean;
  color: string;
  seriesName: string;
  language: string;
}): EChartOption {
  const { slots, overlays, language } = input;
  const overlayColor: Record<OverlayKind, string> = {
    previousWeek: SERIES_COLORS.previousWeek,
    previousYear: SERIES_COLORS.previousYear,
  };
  return {
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (value) => (typeof value === 'number' ? `${formatNumber(value, language)} W` : '—'),
    },
    legend: { top: 0, type: 'scroll' },
    grid: containedGrid(56, 8),
    xAxis: {
      type: 'category',
      data: curveLabels(slots, input.withDate),
      boundaryGap: false,
      axisLabel: EDGE_SAFE_LABELS,
    },
    yAxis: { type: 'value', name: 'W', axisLabel: { formatter: (value: number) => formatNumber(value, language) } },
    series: [
      largeLine({
        name: input.seriesName,
        data: slots.map((slot) => slot.watts),
        step: 'end', // each value holds from its interval start to the next point
        itemStyle: { color: input.color },
        lineStyle: { width: 1.5 },
        areaStyle: { opacity: 0.15 },
      }),
      ...overlays.map((overlay) =>
        largeLine({
          name: overlay.name,
          data: overlay.slots.map((slot) => slot?.watts ?? null),
          step: 'end', // each value holds from its interval start to the next point
          itemStyle: { color: overlayColor[overlay.kind] },
          lineStyle: { width: 1.5, type: 'dashed' },
        }),
      ),
    ],
  };
}

/** About two points per pixel column of a wide chart: more cannot be seen, fewer would lose peaks. */
export const OVERVIEW_POINTS = 2000;

/** The zoom window of the overview, UTC ms of the first and last interval start shown. */
export interface CurveWindow {
  from: number;
  to: number;
}

/**
 * "Tout": every loaded slot on a time axis, drawn from the min/max-reduced points (`curveWindowPoints`)
 * so that two years (35,040 slots) draw at once and keep their peaks; the window the user zoomed to is
 * in the option, so replacing the data keeps the zoom. Axis labels and tooltips in Paris time.
 */
export function overviewOption(input: {
  curve: DownsampledCurve;
  extent: CurveWindow;
  window: CurveWindow | null;
  color: string;
  seriesName: string;
  language: string;
}): EChartOption {
  const { curve, extent, window, language } = input;
  const shown = window ?? extent;
  const span = shown.to - shown.from;
  return {
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const [start, watts] = (item?.value ?? []) as CurvePoint;
        return watts === null || watts === undefined
          ? ''
          : `${formatParisDateTime(start, language)}<br/>${tooltipMarker(item?.marker)}${item?.seriesName ?? ''} <b>${formatNumber(watts, language)} W</b>`;
      },
    },
    legend: { top: 0, type: 'scroll' },
    grid: containedGrid(56, 44),
    xAxis: {
      type: 'time',
      min: extent.from,
      max: extent.to,
      axisLabel: { ...EDGE_SAFE_LABELS, formatter: (value: number) => formatParisTick(value, span, language) },
    },
    yAxis: { type: 'value', name: 'W', axisLabel: { formatter: (value: number) => formatNumber(value, language) } },
    dataZoom: zoomableTime(shown.from, shown.to, 6 * 3_600_000),
    series: [
      {
        type: 'line',
        name: input.seriesName,
        data: curve.points,
        // Every slot kept: each value holds over its interval. Reduced: the points are extremes, joined.
        ...(curve.sampled ? {} : { step: 'end' as const }),
        showSymbol: false,
        symbol: 'none',
        animation: false,
        itemStyle: { color: input.color },
        lineStyle: { width: 1.2 },
        areaStyle: { opacity: 0.15 },
      },
    ],
  };
}
