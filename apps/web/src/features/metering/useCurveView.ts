import { useState } from 'react';
import { addDays, curveViewRange, OVERLAY_SHIFT_DAYS, stepAnchor, type DateRange, type OverlayKind } from '@med/core';

/** Day, Monday-to-Sunday week, or every loaded slot (zoomable). */
export type CurveMode = 'day' | 'week' | 'all';

export interface CurveView {
  mode: CurveMode;
  setMode: (mode: CurveMode) => void;
  anchor: string;
  setAnchor: (date: string) => void;
  /** Back to following the latest available day. */
  resetAnchor: () => void;
  overlays: Record<OverlayKind, boolean>;
  toggleOverlay: (kind: OverlayKind) => void;
  /** Shown `[start, end)`; null in "all" mode. */
  range: DateRange | null;
  /** Ranges the chart needs loaded: the shown one and its enabled overlays. */
  views: DateRange[];
  step: (direction: -1 | 1) => void;
}

export function shiftRange(range: DateRange, days: number): DateRange {
  return { start: addDays(range.start, -days), end: addDays(range.end, -days) };
}

/** Navigation state of the load-curve chart; the anchor follows `latest` until the user moves. */
export function useCurveView(latest: string): CurveView {
  const [mode, setMode] = useState<CurveMode>('day');
  const [chosen, setChosen] = useState<string | null>(null);
  const [overlays, setOverlays] = useState<Record<OverlayKind, boolean>>({ previousWeek: false, previousYear: false });
  const anchor = chosen ?? latest;
  const range = mode === 'all' ? null : curveViewRange(mode, anchor);
  const views = range
    ? [
        range,
        ...(Object.keys(OVERLAY_SHIFT_DAYS) as OverlayKind[])
          .filter((kind) => overlays[kind])
          .map((kind) => shiftRange(range, OVERLAY_SHIFT_DAYS[kind])),
      ]
    : [];
  return {
    mode,
    setMode,
    anchor,
    setAnchor: setChosen,
    resetAnchor: () => setChosen(null),
    overlays,
    toggleOverlay: (kind) => setOverlays((current) => ({ ...current, [kind]: !current[kind] })),
    range,
    views,
    step: (direction) => {
      if (mode !== 'all') {
        setChosen(stepAnchor(mode, anchor, direction));
      }
    },
  };
}
