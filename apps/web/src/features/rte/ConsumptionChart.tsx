import type { ConsumptionFranceResponse } from '@med/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/EChart.tsx';
import { useConsumptionFrance } from '../../hooks/useRteFrance.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { FRANCE_COLORS } from './colors.ts';
import { consumptionSeries, formatPower, type ConsumptionSeries } from './france.ts';
import { nowIndex, powerChartOption, powerTable, type LineSpec } from './franceChart.ts';
import { formatParisDayTime } from './format.ts';
import { QueryState } from './QueryState.tsx';

const QUARTER_HOUR_MS = 15 * 60_000;

function ConsumptionLines({ data, now }: { data: ConsumptionFranceResponse; now: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const aligned = useMemo(() => consumptionSeries(data), [data]);
  const lines = useMemo<LineSpec<ConsumptionSeries>[]>(
    () => [
      { key: 'REALISED', name: t('rte.france.series.realised'), color: FRANCE_COLORS.realised, style: 'bold' },
      { key: 'ID', name: t('rte.france.series.intraday'), color: FRANCE_COLORS.intraday, style: 'dashed' },
      { key: 'D-1', name: t('rte.france.series.dayAhead'), color: FRANCE_COLORS.dayAhead, style: 'dashed' },
      { key: 'D-2', name: t('rte.france.series.twoDaysAhead'), color: FRANCE_COLORS.twoDaysAhead, style: 'dotted' },
    ],
    [t],
  );
  const current = nowIndex(aligned.instants, now, QUARTER_HOUR_MS);
  const option = useMemo(
    () =>
      powerChartOption({
        aligned,
        lines,
        language,
        nowIndex: current,
        nowLabel: t('rte.france.consumption.now'),
        nowColor: FRANCE_COLORS.now,
      }),
    [aligned, lines, language, current, t],
  );
  const first = aligned.instants[0];
  const last = aligned.instants.at(-1);
  const realised = aligned.values.REALISED.findLast((value) => value !== null);
  return (
    <ChartCard
      title={t('rte.france.consumption.title')}
      description={t('rte.france.consumption.intro')}
      table={powerTable(aligned, lines, t('rte.france.consumption.start'))}
      fileParts={['consommation-france']}
    >
      <EChart
        option={option}
        height={340}
        ariaLabel={t('rte.france.consumption.aria', {
          start: first === undefined ? '' : formatParisDayTime(first, language),
          end: last === undefined ? '' : formatParisDayTime(last, language),
          current: realised == null ? '—' : formatPower(realised, language),
        })}
      />
    </ChartCard>
  );
}

/** National consumption, realised and forecast, yesterday to tomorrow. */
export function ConsumptionChart({ now }: { now: number }) {
  const { t } = useTranslation();
  const query = useConsumptionFrance();
  return (
    <QueryState
      query={query}
      isEmpty={(data) => data.short_term.every((entry) => entry.values.length === 0)}
      emptyText={t('rte.france.consumption.empty')}
    >
      {(data) => <ConsumptionLines data={data} now={now} />}
    </QueryState>
  );
}
