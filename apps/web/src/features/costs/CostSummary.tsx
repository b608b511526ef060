import { useTranslation } from 'react-i18next';
import type { CostsResponse } from '@med/contracts';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { formatNumber } from '../metering/format.ts';
import { formatEuros } from '../offers/money.ts';
import { priceKeyLabel } from '../offers/priceKeyLabel.ts';

/** The period's figures: total, energy, subscription, kWh, and each band. */
export function CostSummary({ cost }: { cost: CostsResponse }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const last = cost.daily.at(-1)?.date ?? cost.end;
  const tiles = [
    { id: 'total', label: t('costs.total'), value: formatEuros(cost.total_eur, language) },
    { id: 'energy', label: t('costs.energy'), value: formatEuros(cost.energy_eur, language) },
    { id: 'subscription', label: t('costs.subscription'), value: formatEuros(cost.subscription_eur, language) },
    { id: 'kwh', label: t('costs.kwh'), value: t('costs.kwhValue', { value: formatNumber(cost.kwh, language, 1) }) },
  ];
  return (
    <section aria-label={t('costs.title')} className="space-y-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <span data-testid="cost-offer">
          {t('costs.offer', {
            offer: `${cost.offer.provider} — ${cost.offer.name} (${t(`offers.types.${cost.offer.offer_type}`)}), ${t('offers.powerValue', { value: cost.power_kva })}`,
          })}
        </span>{' '}
        <Link className="text-sky-700 underline dark:text-sky-300" to="/dashboard">
          {t('costs.changeOffer')}
        </Link>
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t('costs.range', {
          start: formatDate(cost.start, language),
          end: formatDate(last, language),
          count: cost.days,
        })}
      </p>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {tiles.map((tile) => (
          <div key={tile.id} className="rounded-lg bg-slate-50 p-3 dark:bg-slate-800/60">
            <dt className="text-sm font-medium">{tile.label}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`cost-${tile.id}`}>
              {tile.value}
            </dd>
          </div>
        ))}
      </dl>
      {cost.bands.length > 1 && (
        <div>
          <h3 className="text-sm font-medium">{t('costs.byBand')}</h3>
          <ul className="mt-1 grid gap-1 text-sm sm:grid-cols-2">
            {cost.bands.map((band) => (
              <li key={band.band} data-testid={`band-${band.band}`}>
                {priceKeyLabel(t, band.band)} :{' '}
                {t('costs.bandLine', {
                  kwh: formatNumber(band.kwh, language, 1),
                  eur: formatEuros(band.energy_eur, language),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
