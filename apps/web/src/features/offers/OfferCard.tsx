import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { formatUnitPrice } from './money.ts';
import { priceKeyLabel } from './priceKeyLabel.ts';
import { priceHistory, recordOn, type CatalogueOffer } from './offerCatalogue.ts';
import { PriceHistoryTable } from './PriceHistoryTable.tsx';

/** One offer at one power: its prices on `today` and, folded, every price period. */
export function OfferCard({ offer, powerKva, today }: { offer: CatalogueOffer; powerKva: number; today: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const history = priceHistory(offer, powerKva);
  const shown = recordOn(history, today);
  return (
    <article
      className="min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
      data-testid={`offer-${offer.key}`}
    >
      <h3 className="font-semibold break-words">{offer.name}</h3>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t(`offers.types.${offer.offerType}`)}</p>
      {shown === null ? (
        <p className="mt-2 text-sm">{t('offers.notSoldAtPower', { value: powerKva })}</p>
      ) : (
        <>
          {shown.standing === 'withdrawn' && shown.record.valid_to !== null && (
            <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">
              {t('offers.withdrawn', { date: formatDate(shown.record.valid_to, language) })}
            </p>
          )}
          {shown.standing === 'upcoming' && (
            <p className="mt-2 text-sm">
              {t('offers.upcoming', { date: formatDate(shown.record.valid_from, language) })}
            </p>
          )}
          {shown.standing === 'current' && (
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
              {t('offers.validFrom', { date: formatDate(shown.record.valid_from, language) })}
            </p>
          )}
          <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
            <dt>{t('offers.subscription')}</dt>
            <dd className="text-right tabular-nums">
              {t('offers.perMonth', { value: formatUnitPrice(shown.record.subscription_price, language) })}
            </dd>
            {Object.entries(shown.record.prices).map(([key, price]) => (
              <div key={key} className="contents">
                <dt>{priceKeyLabel(t, key)}</dt>
                <dd className="text-right tabular-nums">
                  {t('offers.perKwh', { value: formatUnitPrice(price, language) })}
                </dd>
              </div>
            ))}
          </dl>
          {shown.record.confidence === 'low' && (
            <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">{t('offers.lowConfidence')}</p>
          )}
          {shown.record.offer_url !== null && (
            <p className="mt-2 text-sm">
              <a
                className="text-sky-700 underline dark:text-sky-300"
                href={shown.record.offer_url}
                target="_blank"
                rel="noreferrer"
              >
                {t('offers.offerPage')}
              </a>
            </p>
          )}
          <details className="mt-2">
            <summary className="cursor-pointer py-2 text-sm font-medium text-sky-700 dark:text-sky-300">
              {t('offers.historyToggle', { count: history.length })}
            </summary>
            <PriceHistoryTable
              records={history}
              caption={t('offers.historyCaption', { name: offer.name, power: powerKva })}
            />
          </details>
        </>
      )}
    </article>
  );
}
