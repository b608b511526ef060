import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths, dayCoverage, slotsBetween, totalOffpeakSplit, type EnergySlot } from '@med/core';
import { EChart } from '../../charts/EChart.tsx';
import type { MeteringChunks } from '../../hooks/useMeteringChunks.ts';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ChartCard } from '../charts/ChartCard.tsx';
import { buildOverlays, curveOption, overviewOption } from './curveChart.ts';
import { CurveToolbar } from './CurveToolbar.tsx';
import { formatDay, formatKwh, formatNumber } from './format.ts';
import { LoadError } from './LoadError.tsx';
import { curveTable } from './tables.ts';
import { useCurveOverview } from './useCurveOverview.ts';
import type { CurveView } from './useCurveView.ts';

interface LoadCurveCardProps {
  slots: readonly EnergySlot[];
  load: MeteringChunks;
  view: CurveView;
  today: string;
  color: string;
  fileParts: readonly string[];
  /** Off-peak ranges for the HC/HP figures of the shown period (consumption only). */
  offpeakRanges?: readonly string[] | undefined;
}

export const LOAD_CURVE_ID = 'load-curve';
const NO_SLOTS: readonly EnergySlot[] = [];

/**
 * The 30-min curve of one day or week (with overlays), or of everything loaded ("Tout": a min/max
 * overview that keeps the peaks, zoomable down to the half-hour). A day or week the curve covers only
 * in part says so.
 */
export function LoadCurveCard({ slots, load, view, today, color, fileParts, offpeakRanges }: LoadCurveCardProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const isAll = view.mode === 'all';
  const shown = useMemo(
    () => (view.range ? slotsBetween(slots, view.range.start, view.range.end) : slots),
    [slots, view.range],
  );
  const overlays = useMemo(
    () =>
      isAll
        ? []
        : buildOverlays(shown, slots, view.overlays, {
            previousWeek: t('metering.curve.seriesPreviousWeek'),
            previousYear: t('metering.curve.seriesPreviousYear'),
          }),
    [isAll, shown, slots, view.overlays, t],
  );
  const overview = useCurveOverview(isAll ? slots : NO_SLOTS);
  const seriesName = t('metering.curve.seriesCurrent');
  const option = useMemo(
    () =>
      isAll
        ? overviewOption({
            curve: overview.curve,
            extent: overview.extent,
            window: overview.window,
            color,
            seriesName,
            language,
          })
        : curveOption({ slots: shown, overlays, withDate: view.mode !== 'day', color, seriesName, language }),
    [isAll, overview, shown, overlays, view.mode, color, seriesName, language],
  );
  const coverage = useMemo(() => (isAll ? [] : dayCoverage(shown)), [isAll, shown]);
  const totalWh = shown.reduce((sum, slot) => sum + slot.wh, 0);
  const split = offpeakRanges && shown.length > 0 ? totalOffpeakSplit(shown, offpeakRanges) : null;
  const first = shown[0]?.date ?? view.range?.start ?? '';
  const last = shown.at(-1)?.date ?? (view.range ? addDays(view.range.end, -1) : '');
  // Built when a download button is pressed: two years of rows cost more than drawing them.
  const table = {
    rowCount: shown.length,
    build: () =>
      curveTable(
        shown,
        overlays.map((overlay) => ({
          key: `${overlay.kind === 'previousWeek' ? 'previous_week' : 'previous_year'}_w`,
          label: overlay.name,
          slots: overlay.slots,
        })),
        {
          start: t('metering.common.start'),
          power: t('metering.common.powerW'),
          energy: t('metering.common.energyWh'),
        },
      ),
  };
  const partialNote = partialText();

  function partialText(): string | null {
    if (view.mode === 'day') {
      const day = coverage[0];
      return day && !day.complete
        ? t('metering.curve.partialDay', { count: day.slots, total: day.expectedSlots })
        : null;
    }
    if (view.mode === 'week') {
      const complete = coverage.filter((day) => day.complete).length;
      return shown.length > 0 && complete < 7 ? t('metering.curve.partialWeek', { count: complete, total: 7 }) : null;
    }
    return null;
  }

  return (
    <ChartCard
      id={LOAD_CURVE_ID}
      title={t('metering.curve.title')}
      description={t('metering.curve.timesNote')}
      table={table}
      fileParts={[...fileParts, 'courbe', first, last]}
      toolbar={<CurveToolbar view={view} min={addMonths(today, -24)} max={addDays(today, -1)} showOverlays />}
    >
      {isAll && <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{t('metering.curve.allHint')}</p>}
      {shown.length > 0 ? (
        <>
          <p className="mb-2 text-sm" data-testid="curve-summary">
            <span className="font-medium">
              {first === last
                ? formatDay(first, language)
                : t('metering.curve.period', { start: formatDay(first, language), end: formatDay(last, language) })}
            </span>
            {' · '}
            {t('metering.curve.total', { total: formatKwh(totalWh, language) })}
            {split && (
              <>
                {' · '}
                {t('metering.curve.split', {
                  hc: formatKwh(split.hcWh, language),
                  hp: formatKwh(split.hpWh, language),
                })}
              </>
            )}
          </p>
          {partialNote && (
            <p className="mb-2 text-sm text-amber-800 dark:text-amber-200" data-testid="curve-partial">
              {partialNote}
            </p>
          )}
          <EChart
            option={option}
            height={340}
            loading={load.busy}
            onEvents={isAll ? overview.onEvents : undefined}
            ariaLabel={t('metering.curve.aria', {
              start: formatDay(first, language, false),
              end: formatDay(last, language, false),
              count: shown.length,
              total: formatKwh(totalWh, language),
            })}
          />
          {isAll && overview.curve.sampled && (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" data-testid="curve-overview-note">
              {t('metering.curve.overview', {
                readings: formatNumber(shown.length, language),
                points: formatNumber(overview.curve.points.length, language),
              })}
            </p>
          )}
        </>
      ) : load.error ? (
        <LoadError error={load.error} errorAt={load.errorAt} onRetry={load.retry} />
      ) : load.busy ? (
        <Spinner label={t('metering.common.loadingData')} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('metering.curve.noCurve')}</p>
      )}
    </ChartCard>
  );
}
