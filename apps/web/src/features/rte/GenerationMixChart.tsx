import type { GenerationMix } from '@med/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/EChart.tsx';
import { useGenerationMix } from '../../hooks/useRteFrance.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { FRANCE_COLORS } from './colors.ts';
import { formatPower, mixSeries } from './france.ts';
import { nowIndex, powerChartOption, powerTable, type LineSpec } from './franceChart.ts';
import { formatParisDayTime } from './format.ts';
import { QueryState } from './QueryState.tsx';

const HALF_HOUR_MS = 30 * 60_000;

function MixArea({ mix, now }: { mix: GenerationMix; now: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const aligned = useMemo(() => mixSeries(mix), [mix]);
  const lines = useMemo<LineSpec<'solar' | 'wind'>[]>(
    () => [
      { key: 'wind', name: t('rte.france.mix.wind'), color: FRANCE_COLORS.wind, style: 'area' },
      { key: 'solar', name: t('rte.france.mix.solar'), color: FRANCE_COLORS.solar, style: 'area' },
    ],
    [t],
  );
  const current = nowIndex(aligned.instants, now, HALF_HOUR_MS);
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
  const peak = Math.max(0, ...mix.mix.map((slot) => slot.total_renewable));
  return (
    <ChartCard
      title={t('rte.france.mix.title')}
      description={t('rte.france.mix.intro')}
      table={powerTable(aligned, lines, t('rte.france.consumption.start'))}
      fileParts={['solaire-eolien-france']}
    >
      <EChart
        option={option}
        height={300}
        ariaLabel={t('rte.france.mix.aria', {
          start: first === undefined ? '' : formatParisDayTime(first, language),
          end: last === undefined ? '' : formatParisDayTime(last, language),
          peak: formatPower(peak, language),
        })}
      />
    </ChartCard>
  );
}

/** Solar and wind forecasts stacked, per half-hour. */
export function GenerationMixChart({ now }: { now: number }) {
  const { t } = useTranslation();
  const query = useGenerationMix();
  return (
    <QueryState query={query} isEmpty={(mix) => mix.mix.length === 0} emptyText={t('rte.france.mix.empty')}>
      {(mix) => <MixArea mix={mix} now={now} />}
    </QueryState>
  );
}
