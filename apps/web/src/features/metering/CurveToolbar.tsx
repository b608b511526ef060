import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverlayKind } from '@med/core';
import { inputClass } from '../../components/ui/fieldStyles.ts';
import type { CurveMode, CurveView } from './useCurveView.ts';

const MODES: CurveMode[] = ['day', 'week', 'all'];
const OVERLAYS: OverlayKind[] = ['previousWeek', 'previousYear'];

const segment =
  'min-h-11 flex-1 px-3 text-sm font-medium aria-pressed:bg-sky-700 aria-pressed:text-white dark:aria-pressed:bg-sky-500 dark:aria-pressed:text-slate-950 sm:flex-none';
const navButton =
  'inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg border border-slate-300 px-3 text-sm hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800';

interface CurveToolbarProps {
  view: CurveView;
  /** Earliest and latest day that can be shown. */
  min: string;
  max: string;
  showOverlays: boolean;
}

/** Mode (day / week / all), previous / next, a date field, "latest", and the comparison overlays. */
export function CurveToolbar({ view, min, max, showOverlays }: CurveToolbarProps) {
  const { t } = useTranslation();
  const dateId = useId();
  const modeLabel = { day: t('metering.curve.day'), week: t('metering.curve.week'), all: t('metering.curve.all') };
  const canGoBack = view.range !== null && view.range.start > min;
  const canGoForward = view.range !== null && view.range.end <= max;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <div
          role="group"
          aria-label={t('metering.curve.mode')}
          className="flex w-full overflow-hidden rounded-lg border border-slate-300 sm:w-auto dark:border-slate-700"
        >
          {MODES.map((mode) => (
            <button
              key={mode}
              type="button"
              className={segment}
              aria-pressed={view.mode === mode}
              onClick={() => view.setMode(mode)}
            >
              {modeLabel[mode]}
            </button>
          ))}
        </div>
        {view.mode !== 'all' && (
          <div className="flex flex-wrap items-end gap-2">
            <button
              type="button"
              className={navButton}
              onClick={() => view.step(-1)}
              disabled={!canGoBack}
              aria-label={t('metering.curve.previous')}
            >
              <span aria-hidden="true">‹</span>
            </button>
            <div>
              <label htmlFor={dateId} className="sr-only">
                {t('metering.curve.dateLabel')}
              </label>
              <input
                id={dateId}
                type="date"
                className={`${inputClass} w-40`}
                min={min}
                max={max}
                value={view.anchor}
                onChange={(event) => {
                  if (event.target.value) {
                    view.setAnchor(event.target.value);
                  }
                }}
              />
            </div>
            <button
              type="button"
              className={navButton}
              onClick={() => view.step(1)}
              disabled={!canGoForward}
              aria-label={t('metering.curve.next')}
            >
              <span aria-hidden="true">›</span>
            </button>
            <button type="button" className={navButton} onClick={view.resetAnchor}>
              {t('metering.curve.latest')}
            </button>
          </div>
        )}
      </div>
      {showOverlays && view.mode !== 'all' && (
        <fieldset className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
          <legend className="mb-1 font-medium">{t('metering.curve.overlays')}</legend>
          {OVERLAYS.map((kind) => (
            <label key={kind} className="flex min-h-11 items-center gap-2 sm:min-h-0">
              <input
                type="checkbox"
                className="size-5 shrink-0"
                checked={view.overlays[kind]}
                onChange={() => view.toggleOverlay(kind)}
              />
              {t(`metering.curve.${kind}`)}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
