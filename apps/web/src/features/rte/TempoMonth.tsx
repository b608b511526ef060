import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonth } from '../metering/format.ts';
import { TEMPO_SWATCH, UNKNOWN_SWATCH } from './colors.ts';
import { formatLongDay } from './format.ts';
import type { CalendarMonth } from './tempo.ts';

/** One month of the season: a Monday-first grid of days, each in its colour and named for screen readers. */
export function TempoMonth({ month, weekdays }: { month: CalendarMonth; weekdays: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="min-w-0">
      <h3 id={headingId} className="mb-1 text-sm font-semibold first-letter:uppercase">
        {formatMonth(month.month, language, 'long', true)}
      </h3>
      <div
        aria-hidden="true"
        className="grid grid-cols-7 gap-0.5 text-center text-[10px] text-slate-500 dark:text-slate-400"
      >
        {weekdays.map((day, index) => (
          <span key={index}>{day}</span>
        ))}
      </div>
      <ol className="mt-0.5 grid grid-cols-7 gap-0.5">
        {Array.from({ length: month.leadingBlanks }, (_, index) => (
          <li key={`blank-${index}`} aria-hidden="true" />
        ))}
        {month.days.map((day) => {
          const colourName = t(`rte.tempo.colours.${day.colour ?? 'unknown'}`);
          const label = t(day.isToday ? 'rte.tempo.calendar.dayLabelToday' : 'rte.tempo.calendar.dayLabel', {
            date: formatLongDay(day.date, language),
            colour: colourName,
          });
          return (
            <li
              key={day.date}
              title={label}
              data-colour={day.colour ?? 'none'}
              className={`flex aspect-square items-center justify-center rounded-sm border text-[10px] font-medium tabular-nums sm:text-xs ${day.colour ? TEMPO_SWATCH[day.colour] : UNKNOWN_SWATCH} ${day.isToday ? 'ring-2 ring-amber-400 ring-offset-1 ring-offset-white dark:ring-offset-slate-900' : ''}`}
            >
              <span aria-hidden="true">{day.day}</span>
              <span className="sr-only">{label}</span>
            </li>
          );
        })}
      </ol>
      {month.days.some((day) => day.colour !== null) && (
        <p className="mt-1 text-[11px] text-slate-600 dark:text-slate-400">
          {t('rte.tempo.calendar.monthCounts', {
            blue: month.counts.BLUE,
            white: month.counts.WHITE,
            red: month.counts.RED,
          })}
        </p>
      )}
    </section>
  );
}
