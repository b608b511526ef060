import { useTranslation } from 'react-i18next';
import type { EnergyOffer } from '@med/contracts';
import { formatDate } from '../../lib/format.ts';
import { formatUnitPrice } from './money.ts';
import { priceKeyLabel } from './priceKeyLabel.ts';
import { changedPriceKeys } from './offerCatalogue.ts';

/** Every price period of one power of an offer, newest first; what changed from the period before is bold. */
export function PriceHistoryTable({ records, caption }: { records: readonly EnergyOffer[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const keys = Object.keys(records[0]?.prices ?? {});
  const cell = (key: string, changed: boolean, value: string) => (
    <td key={key} className={`px-2 py-1 text-right whitespace-nowrap tabular-nums ${changed ? 'font-bold' : ''}`}>
      {value}
      {changed && <span className="sr-only"> ({t('offers.changed')})</span>}
    </td>
  );
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left dark:border-slate-700">
            <th scope="col" className="px-2 py-1 font-medium">
              {t('offers.period')}
            </th>
            <th scope="col" className="px-2 py-1 text-right font-medium">
              {t('offers.subscription')}
            </th>
            {keys.map((key) => (
              <th key={key} scope="col" className="px-2 py-1 text-right font-medium">
                {priceKeyLabel(t, key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record, index) => {
            const changed = changedPriceKeys(record, records[index + 1]);
            const from = formatDate(record.valid_from, language);
            return (
              <tr key={record.id} className="border-b border-slate-100 dark:border-slate-800">
                <th scope="row" className="px-2 py-1 text-left font-normal whitespace-nowrap">
                  {record.valid_to === null
                    ? t('offers.periodOpen', { from })
                    : t('offers.periodClosed', { from, to: formatDate(record.valid_to, language) })}
                </th>
                {cell(
                  'subscription',
                  changed.has('subscription'),
                  t('offers.perMonth', { value: formatUnitPrice(record.subscription_price, language) }),
                )}
                {keys.map((key) => cell(key, changed.has(key), formatUnitPrice(record.prices[key] ?? 0, language)))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
