import type { TempoToday } from '@med/contracts';
import type { TempoColour } from '@med/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTempoToday } from '../../hooks/useRteTempo.ts';
import { formatLongDay, formatParisDayTime } from './format.ts';
import { QueryState } from './QueryState.tsx';
import { TempoBadge } from './TempoBadge.tsx';

function DayCard({
  title,
  date,
  colour,
  note,
  testId,
  highlight = false,
}: {
  title: string;
  date: ReactNode;
  colour: TempoColour | null;
  note: string;
  testId: string;
  highlight?: boolean;
}) {
  return (
    <section
      data-testid={testId}
      aria-label={title}
      className={`rounded-xl border bg-white p-4 shadow-sm dark:bg-slate-900 ${highlight ? 'border-sky-400 ring-2 ring-sky-200 dark:border-sky-600 dark:ring-sky-900' : 'border-slate-200 dark:border-slate-800'}`}
    >
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{title}</h2>
      <p className="mt-1 text-sm first-letter:uppercase">{date}</p>
      <div className="mt-3">
        <TempoBadge colour={colour} size="lg" />
      </div>
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">{note}</p>
    </section>
  );
}

/** The colour billed now (tariff day 06:00→06:00), today's and tomorrow's. */
export function TempoNowCards() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const query = useTempoToday();
  return (
    <QueryState
      query={query}
      isEmpty={(data) => data.color === null && data.tariff_day_in_force.color === null && data.tomorrow.color === null}
    >
      {(today: TempoToday) => {
        const inForce = today.tariff_day_in_force;
        return (
          <div className="space-y-3">
            <div className="grid gap-3 sm:grid-cols-3">
              <DayCard
                testId="tempo-now"
                highlight
                title={t('rte.tempo.now.title')}
                date={formatLongDay(inForce.date, language)}
                colour={inForce.color}
                note={t('rte.tempo.now.range', {
                  start: formatParisDayTime(inForce.starts_at, language),
                  end: formatParisDayTime(inForce.ends_at, language),
                })}
              />
              <DayCard
                testId="tempo-today"
                title={t('rte.tempo.now.today')}
                date={formatLongDay(today.date, language)}
                colour={today.color}
                note={today.color ? t('rte.tempo.now.billedFrom') : t('rte.tempo.now.todayPending')}
              />
              <DayCard
                testId="tempo-tomorrow"
                title={t('rte.tempo.now.tomorrow')}
                date={formatLongDay(today.tomorrow.date, language)}
                colour={today.tomorrow.color}
                note={today.tomorrow.color ? t('rte.tempo.now.billedFrom') : t('rte.tempo.now.tomorrowPending')}
              />
            </div>
            <p className="text-sm text-slate-700 dark:text-slate-300">{t('rte.tempo.dayRule')}</p>
          </div>
        );
      }}
    </QueryState>
  );
}
