import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths, slotsBetween, totalOffpeakSplit, type EnergySlot } from '@med/core';
import { EChart } from '../../charts/EChart.tsx';
import type { MeteringChunks } from '../../hooks/useMeteringChunks.ts';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ChartCard } from '../charts/ChartCard.tsx';
import { buildOverlays, curveOption } from './curveChart.ts';
import { CurveToolbar } from './CurveToolbar.tsx';
import { formatDay, formatKwh } from './format.ts';
import { LoadError } from './LoadError.tsx';
import { curveTable } from './tables.ts';
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

/** The 30-min curve of one day or week (with overlays), or of everything loaded, zoomable. */
export function LoadCurveCard({ slots, load, view, today, color, fileParts, offpeakRanges }: LoadCurveCardProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const shown = useMemo(
    () => (view.range ? slotsBetween(slots, view.range.start, view.range.end) : slots),
    [slots, view.range],
  );
  const overlays = useMemo(
    () =>
      buildOverlays(shown, slots, view.overlays, {
        previousWeek: t('metering.curve.seriesPreviousWeek'),
        previousYear: t('metering.curve.seriesPreviousYear'),
      }),
    [shown, slots, view.overlays, t],
  );
  const option = useMemo(
    () =>
      curveOption({
        slots: shown,
        overlays,
        withDate: view.mode !== 'day',
        zoom: view.mode === 'all',
        color,
        seriesName: t('metering.curve.seriesCurrent'),
        language,
      }),
    [shown, overlays, view.mode, color, t, language],
  );
  const totalWh = shown.reduce((sum, slot) => sum + slot.wh, 0);
  const split = offpeakRanges && shown.length > 0 ? totalOffpeakSplit(shown, offpeakRanges) : null;
  const first = shown[0]?.date ?? view.range?.start ?? '';
  const last = shown.at(-1)?.date ?? (view.range ? addDays(view.range.end, -1) : '');
  const table = curveTable(
    shown,
    overlays.map((overlay) => ({
      key: `${overlay.kind === 'previousWeek' ? 'previous_week' : 'previous_year'}_w`,
      label: overlay.name,
      slots: overlay.slots,
    })),
    { start: t('metering.common.start'), power: t('metering.common.powerW'), energy: t('metering.common.energyWh') },
  );

  return (
    <ChartCard
      id={LOAD_CURVE_ID}
      title={t('metering.curve.title')}
      description={t('metering.curve.timesNote')}
      table={table}
      fileParts={[...fileParts, 'courbe', first, last]}
      toolbar={<CurveToolbar view={view} min={addMonths(today, -24)} max={addDays(today, -1)} showOverlays />}
    >
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
          <EChart
            option={option}
            height={340}
            loading={load.busy}
            ariaLabel={t('metering.curve.aria', {
              start: formatDay(first, language, false),
              end: formatDay(last, language, false),
              count: shown.length,
              total: formatKwh(totalWh, language),
            })}
          />
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
