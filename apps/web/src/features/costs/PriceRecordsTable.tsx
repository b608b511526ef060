import { useTranslation } from 'react-i18next';
import type { CostsResponse } from '@med/contracts';
import { formatDate } from '../../lib/format.ts';
import { formatEuros, formatUnitPrice } from '../offers/money.ts';
import { priceKeyLabel } from '../offers/priceKeyLabel.ts';

/** Each price record the period used: its validity, the days it priced, its prices and what it cost. */
export function PriceRecordsTable({ records }: { records: CostsResponse['price_records'] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t('costs.records.caption')}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left dark:border-slate-700">
            <th scope="col" className="px-2 py-1 font-medium">
              {t('costs.records.used')}
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {t('costs.records.prices')}
            </th>
            <th scope="col" className="px-2 py-1 text-right font-medium">
              {t('costs.energy')}
            </th>
            <th scope="col" className="px-2 py-1 text-right font-medium">
              {t('costs.subscription')}
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {t('costs.records.record')}
            </th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr
              key={`${record.record_id}:${record.first_date}`}
              className="border-b border-slate-100 align-top dark:border-slate-800"
            >
              <td className="px-2 py-1 whitespace-nowrap">
                {t('costs.records.usedRange', {
                  first: formatDate(record.first_date, language),
                  last: formatDate(record.last_date, language),
                  count: record.days,
                })}
              </td>
              <td className="px-2 py-1">
                <ul>
                  <li>
                    {t('costs.subscription')} :{' '}
                    {t('offers.perMonth', { value: formatUnitPrice(record.subscription_eur_per_month, language) })}
                  </li>
                  {Object.entries(record.prices).map(([key, price]) => (
                    <li key={key}>
                      {priceKeyLabel(t, key)} : {t('offers.perKwh', { value: formatUnitPrice(price, language) })}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-2 py-1 text-right whitespace-nowrap tabular-nums">
                {formatEuros(record.energy_eur, language)}
              </td>
              <td className="px-2 py-1 text-right whitespace-nowrap tabular-nums">
                {formatEuros(record.subscription_eur, language)}
              </td>
              <td className="px-2 py-1 font-mono text-xs break-all">{record.record_id}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
