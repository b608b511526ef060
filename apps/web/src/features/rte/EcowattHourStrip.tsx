import type { EcowattSignalDto } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { ECOWATT_HOUR_SWATCH } from './colors.ts';
import { ecowattHours, ecowattRuns, hourLabel } from './ecowatt.ts';

/**
 * The hourly signal as a strip of cells (12 a row in a narrow card, 24 from 36rem), each named for
 * screen readers, followed by the same day in words ("00:00–06:00 : vert").
 */
export function EcowattHourStrip({ signal, label }: { signal: EcowattSignalDto; label: string }) {
  const { t } = useTranslation();
  const step = signal.pas > 0 ? signal.pas / 60 : 1;
  const hours = ecowattHours(signal);
  const runs = ecowattRuns(signal);
  return (
    <div className="@container">
      <ol aria-label={label} className="grid grid-cols-12 gap-0.5 @xl:grid-cols-24">
        {hours.map(({ hour, level }) => {
          const text = t('rte.ecowatt.hourCell', {
            from: hourLabel(hour),
            to: hourLabel(hour + step),
            level: t(`rte.ecowatt.hour.${level}`),
          });
          return (
            <li
              key={hour}
              data-testid="ecowatt-hour"
              data-level={level}
              title={text}
              className={`flex h-9 items-center justify-center rounded-sm text-[11px] font-semibold tabular-nums ${ECOWATT_HOUR_SWATCH[level]}`}
            >
              <span aria-hidden="true">{String(Math.floor(hour)).padStart(2, '0')}</span>
              <span className="sr-only">{text}</span>
            </li>
          );
        })}
      </ol>
      <ul data-testid="ecowatt-runs" className="mt-2 space-y-0.5 text-sm text-slate-700 dark:text-slate-300">
        {runs.map((run) => (
          <li key={run.from} className="flex items-center gap-2">
            <span aria-hidden="true" className={`size-3 shrink-0 rounded-sm ${ECOWATT_HOUR_SWATCH[run.level]}`} />
            {t('rte.ecowatt.run', {
              from: hourLabel(run.from),
              to: hourLabel(run.to),
              level: t(`rte.ecowatt.hour.${run.level}`),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
