import type { TempoDayDto } from '@med/contracts';
import { parisToday, TEMPO_COLOURS } from '@med/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { useTempoSeason } from '../../hooks/useRteTempo.ts';
import { TEMPO_SWATCH, UNKNOWN_SWATCH } from './colors.ts';
import { weekdayInitials } from './format.ts';
import { QueryState } from './QueryState.tsx';
import { countColours, seasonCalendar, seasonChoices } from './tempo.ts';
import { TempoMonth } from './TempoMonth.tsx';
import { useNow } from './useNow.ts';

function CalendarLegend() {
  const { t } = useTranslation();
  const items = [
    ...TEMPO_COLOURS.map((colour) => ({
      key: colour,
      swatch: TEMPO_SWATCH[colour],
      label: t(`rte.tempo.colours.${colour}`),
    })),
    { key: 'unknown', swatch: UNKNOWN_SWATCH, label: t('rte.tempo.colours.unknown') },
  ];
  return (
    <ul
      aria-label={t('rte.tempo.calendar.legend')}
      className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300"
    >
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`size-3.5 rounded-sm border ${item.swatch}`} />
          {item.label}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="size-3.5 rounded-sm border border-slate-300 ring-2 ring-amber-400" />
        {t('rte.tempo.now.today')}
      </li>
    </ul>
  );
}

function SeasonMonths({ season, days, today }: { season: string; days: TempoDayDto[]; today: string }) {
  const { t, i18n } = useTranslation();
  const months = useMemo(() => seasonCalendar(season, days, today), [season, days, today]);
  const weekdays = useMemo(() => weekdayInitials(i18n.language), [i18n.language]);
  const counts = countColours(days);
  return (
    <>
      <p data-testid="tempo-season-counts" className="mb-4 text-sm text-slate-700 dark:text-slate-300">
        {t('rte.tempo.calendar.seasonCounts', {
          count: days.length,
          blue: counts.BLUE,
          white: counts.WHITE,
          red: counts.RED,
        })}
      </p>
      <CalendarLegend />
      <div className="grid grid-cols-2 gap-x-4 gap-y-5 sm:grid-cols-3 lg:grid-cols-4">
        {months.map((month) => (
          <TempoMonth key={month.month} month={month} weekdays={weekdays} />
        ))}
      </div>
    </>
  );
}

/** The season as twelve month grids, for the current season or the previous one. */
export function TempoCalendar() {
  const { t } = useTranslation();
  const today = parisToday(new Date(useNow()));
  const choices = seasonChoices(today);
  const [selected, setSelected] = useState(0);
  const season = choices[selected] ?? choices[0] ?? '';
  const query = useTempoSeason(season, selected === 0);
  return (
    <Card title={t('rte.tempo.calendar.title')}>
      <div
        role="group"
        aria-label={t('rte.tempo.calendar.selector')}
        className="mb-4 inline-flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1 dark:bg-slate-800"
      >
        {choices.map((choice, index) => (
          <button
            key={choice}
            type="button"
            aria-pressed={index === selected}
            onClick={() => setSelected(index)}
            className={`min-h-9 rounded-md px-3 text-sm font-medium ${index === selected ? 'bg-white shadow-sm dark:bg-slate-950' : 'text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'}`}
          >
            {t('rte.tempo.calendar.season', { season: choice })}
            {index === 0 && (
              <span className="text-slate-500 dark:text-slate-400"> ({t('rte.tempo.calendar.current')})</span>
            )}
          </button>
        ))}
      </div>
      <QueryState query={query} isEmpty={(days) => days.length === 0} emptyText={t('rte.tempo.calendar.empty')}>
        {(days) => <SeasonMonths season={season} days={days} today={today} />}
      </QueryState>
    </Card>
  );
}
