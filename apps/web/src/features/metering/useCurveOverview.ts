import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { curveWindowPoints, downsampleCurve, type DownsampledCurve, type EnergySlot } from '@med/core';
import type { EChartEventHandler } from '../../charts/EChart.tsx';
import { OVERVIEW_POINTS, type CurveWindow } from './curveChart.ts';

/** Wait for the zoom gesture to settle before drawing the window again in detail. */
const ZOOM_SETTLE_MS = 150;

interface ZoomEvent {
  start?: number;
  end?: number;
  batch?: { start?: number; end?: number }[];
}

export interface CurveOverview {
  curve: DownsampledCurve;
  extent: CurveWindow;
  window: CurveWindow | null;
  onEvents: Record<string, EChartEventHandler>;
}

/**
 * The reduced points of the "Tout" view and its zoom window: the whole curve is reduced once; when the
 * user zooms (slider, wheel, pinch), the window is reduced again on its own, so a zoomed day shows its
 * 48 half-hours while two years still draw from ~2,000 points.
 */
export function useCurveOverview(slots: readonly EnergySlot[]): CurveOverview {
  const [window, setWindow] = useState<CurveWindow | null>(null);
  const overview = useMemo(() => downsampleCurve(slots, OVERVIEW_POINTS), [slots]);
  const extent = useMemo<CurveWindow>(() => ({ from: slots[0]?.start ?? 0, to: slots.at(-1)?.start ?? 0 }), [slots]);
  const curve = useMemo(() => curveWindowPoints(slots, overview, window, OVERVIEW_POINTS), [slots, overview, window]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onZoom = useCallback<EChartEventHandler>(
    (params) => {
      const event = params as ZoomEvent;
      const range = event.batch?.[0] ?? event;
      const start = range.start ?? 0;
      const end = range.end ?? 100;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const span = extent.to - extent.from;
        setWindow(
          start <= 0 && end >= 100
            ? null
            : { from: extent.from + (span * start) / 100, to: extent.from + (span * end) / 100 },
        );
      }, ZOOM_SETTLE_MS);
    },
    [extent],
  );
  return useMemo(() => ({ curve, extent, window, onEvents: { datazoom: onZoom } }), [curve, extent, window, onZoom]);
}
