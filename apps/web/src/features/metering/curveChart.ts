import {
  alignShifted,
  formatParisIso,
  indexByWallClock,
  OVERLAY_SHIFT_DAYS,
  type EnergySlot,
  type OverlayKind,
} from '@med/core';
import type { EChartOption } from '../../charts/echarts.ts';
import { largeLine, zoomable } from '../../charts/series.ts';
import { SERIES_COLORS } from './colors.ts';
import { formatClock, formatNumber, formatShortDay } from './format.ts';

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

export function curveOption(input: {
  slots: readonly EnergySlot[];
  overlays: readonly CurveOverlay[];
  withDate: boolean;
  zoom: boolean;
  color: string;
  seriesName: string;
  language: string;
}): EChartOption {
  const { slots, overlays, language } = input;
  const overlayColor: Record<OverlayKind, string> = {
    previousWeek: SERIES_COLORS.previousWeek,
    previousYear: SERIES_COLORS.previousYear,
  };
  const start = input.zoom && slots.length > 336 ? Math.round((1 - 336 / slots.length) * 100) : 0;
  return {
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (value) => (typeof value === 'number' ? `${formatNumber(value, language)} W` : '—'),
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: 56, bottom: input.zoom ? 44 : 8, containLabel: true },
    xAxis: { type: 'category', data: curveLabels(slots, input.withDate), boundaryGap: false },
    yAxis: { type: 'value', name: 'W', axisLabel: { formatter: (value: number) => formatNumber(value, language) } },
    ...(input.zoom ? { dataZoom: zoomable(start) } : {}),
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
