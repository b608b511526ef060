import type { EcowattSignalDto } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { ECOWATT_DAY_SWATCH } from './colors.ts';
import { asDayLevel } from './ecowatt.ts';
import { EcowattHourStrip } from './EcowattHourStrip.tsx';
import { formatLongDay, formatParisDayTime } from './format.ts';

interface EcowattDayCardProps {
  signal: EcowattSignalDto;
  title: string;
  /** Today's card: larger, with RTE's message and publication time. */
  detailed?: boolean;
  testId: string;
}

/** One EcoWatt day: its level in words and colour, then the hourly strip. */
export function EcowattDayCard({ signal, title, detailed = false, testId }: EcowattDayCardProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const level = asDayLevel(signal.dvalue);
  const date = signal.periode.slice(0, 10);
  return (
    <section
      data-testid={testId}
      aria-label={`${title} — ${formatLongDay(date, language)}`}
      className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 className={`${detailed ? 'text-lg' : 'text-base'} font-semibold first-letter:uppercase`}>{title}</h2>
        {detailed && (
          <p className="text-sm text-slate-600 first-letter:uppercase dark:text-slate-400">
            {formatLongDay(date, language, true)}
          </p>
        )}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <span
          data-testid="ecowatt-level"
          className={`rounded-full px-4 py-1 font-bold ${detailed ? 'text-xl' : 'text-base'} ${ECOWATT_DAY_SWATCH[level]}`}
        >
          {t(`rte.ecowatt.day.${level}`)}
        </span>
        <p className="min-w-0 flex-1 text-sm">{t(`rte.ecowatt.dayMeaning.${level}`)}</p>
      </div>
      <div className="mt-4">
        <EcowattHourStrip signal={signal} label={`${t('rte.ecowatt.hours')} — ${formatLongDay(date, language)}`} />
      </div>
      {detailed && (
        <div className="mt-3 space-y-1 text-xs text-slate-600 dark:text-slate-400">
          {signal.message && <p>{t('rte.ecowatt.rteMessage', { message: signal.message })}</p>}
          <p>{t('rte.ecowatt.generatedAt', { date: formatParisDayTime(signal.generation_datetime, language) })}</p>
        </div>
      )}
    </section>
  );
}
