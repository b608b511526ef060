import type { UseQueryResult } from '@tanstack/react-query';
import { parisToday } from '@med/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsumptionFrance, useCurrentConsumption, useGenerationMix } from '../../hooks/useRteFrance.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { consumptionSeries, formatPower, mixAt, todayPeak } from './france.ts';
import { formatParisTime } from './format.ts';

function Stat({
  title,
  value,
  detail,
  testId,
}: {
  title: string;
  value: ReactNode;
  detail: ReactNode;
  testId: string;
}) {
  return (
    <section
      aria-label={title}
      className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{title}</h2>
      <p data-testid={testId} className="mt-1 text-3xl font-bold tabular-nums">
        {value}
      </p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{detail}</p>
    </section>
  );
}

/** Value and detail of a stat card: the figure, else "…" while loading, else a dash and why. */
function statText(
  query: UseQueryResult<unknown>,
  shown: { value: string; detail: string } | null,
  empty: string,
  loading: string,
  failed: () => string,
) {
  if (shown) {
    return shown;
  }
  if (query.isPending) {
    return { value: '…', detail: loading };
  }
  return { value: '—', detail: query.isError ? failed() : empty };
}

/** Current national consumption, today's peak and the solar + wind forecast of the current half-hour. */
export function FranceSummary({ now }: { now: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const current = useCurrentConsumption();
  const consumption = useConsumptionFrance();
  const mix = useGenerationMix();
  const today = parisToday(new Date(now));
  const peak = useMemo(
    () => (consumption.data ? todayPeak(consumptionSeries(consumption.data), today) : null),
    [consumption.data, today],
  );
  const renewable = mix.data ? mixAt(mix.data, now) : null;
  const loading = t('common.loading');

  const currentText = statText(
    current,
    current.data
      ? {
          value: formatPower(current.data.value, language),
          detail: t('rte.france.now.at', { time: formatParisTime(current.data.start_date, language) }),
        }
      : null,
    t('rte.france.now.none'),
    loading,
    () => errorMessage(t, current.error),
  );
  const peakText = statText(
    consumption,
    peak
      ? {
          value: formatPower(peak.value, language),
          detail: t('rte.france.now.peakAt', { time: formatParisTime(peak.at, language) }),
        }
      : null,
    t('rte.france.now.noPeak'),
    loading,
    () => errorMessage(t, consumption.error),
  );
  const renewableText = statText(
    mix,
    renewable
      ? {
          value: formatPower(renewable.total, language),
          detail: t('rte.france.now.renewableDetail', {
            solar: formatPower(renewable.solar ?? 0, language),
            wind: formatPower(renewable.wind ?? 0, language),
          }),
        }
      : null,
    t('rte.france.now.noMix'),
    loading,
    () => errorMessage(t, mix.error),
  );
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <Stat testId="france-current" title={t('rte.france.now.current')} {...currentText} />
      <Stat testId="france-peak" title={t('rte.france.now.peak')} {...peakText} />
      <Stat testId="france-renewable" title={t('rte.france.now.renewable')} {...renewableText} />
    </div>
  );
}
