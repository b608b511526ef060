import { useTranslation } from 'react-i18next';
import type { BalanceSummary } from '@med/core';
import { formatKwh, formatPercent } from './format.ts';

/** The five figures of the balance: production, consumption, net, self-consumption and self-sufficiency. */
export function BalanceSummaryCards({ summary }: { summary: BalanceSummary }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rate = (value: number | null) => (value === null ? '—' : formatPercent(value, language));
  const cards = [
    {
      key: 'production',
      label: t('metering.balance.production'),
      value: formatKwh(summary.productionWh, language),
      hint: null,
    },
    {
      key: 'consumption',
      label: t('metering.balance.consumption'),
      value: formatKwh(summary.consumptionWh, language),
      hint: null,
    },
    {
      key: 'net',
      label: t('metering.balance.net'),
      value: `${summary.netWh > 0 ? '+' : ''}${formatKwh(summary.netWh, language)}`,
      hint: null,
    },
    {
      key: 'self-consumption',
      label: t('metering.balance.selfConsumptionRate'),
      value: rate(summary.selfConsumptionRate),
      hint: `${t('metering.balance.selfConsumptionHint')} · ${formatKwh(summary.selfConsumedWh, language)}`,
    },
    {
      key: 'self-sufficiency',
      label: t('metering.balance.selfSufficiencyRate'),
      value: rate(summary.selfSufficiencyRate),
      hint: t('metering.balance.selfSufficiencyHint'),
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
      {cards.map((card) => (
        <div
          key={card.key}
          className="min-w-0 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <dt className="text-sm text-slate-600 dark:text-slate-400">{card.label}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`balance-${card.key}`}>
            {card.value}
          </dd>
          {card.hint && <dd className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{card.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
