import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferType, SimulatorResponse } from '@med/contracts';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { PriceRecordsTable } from '../costs/PriceRecordsTable.tsx';
import { formatNumber } from '../metering/format.ts';
import { formatEuros } from '../offers/money.ts';
import { priceKeyLabel } from '../offers/priceKeyLabel.ts';
import { offerTypesOf, standingOf } from './simulatorView.ts';

const signed = (value: number, language: string) => (value > 0 ? '+' : '') + formatEuros(value, language);

/** The ranked offers, the gap to the current one, and each offer's detail (bands, prices used, estimates). */
export function RankingTable({ result }: { result: SimulatorResponse }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [type, setType] = useState<string>('');
  const [open, setOpen] = useState<string | null>(null);
  const types = offerTypesOf(result);
  const shown = result.offers.filter((offer) => type === '' || offer.offer.offer_type === type);
  const cell = 'px-2 py-2 text-right whitespace-nowrap tabular-nums';
  return (
    <div className="space-y-3">
      <div className="max-w-xs print:hidden">
        <SelectField label={t('simulator.filterType')} value={type} onChange={(event) => setType(event.target.value)}>
          <option value="">{t('simulator.allTypes')}</option>
          {types.map((entry) => (
            <option key={entry} value={entry}>
              {t(`offers.types.${entry as OfferType}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="min-w-full text-sm" data-testid="simulator-ranking">
          <caption className="sr-only">{t('simulator.table.caption')}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left dark:border-slate-700">
              <th scope="col" className="px-2 py-2 font-medium">
                {t('simulator.table.rank')}
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                {t('simulator.table.offer')}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                {t('simulator.table.total')}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                {t('simulator.table.energy')}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                {t('simulator.table.subscription')}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                {t('simulator.table.difference')}
              </th>
              <th scope="col" className="px-2 py-2 font-medium print:hidden">
                {t('simulator.table.details')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((offer) => {
              const standing = standingOf(offer, result.selected_offer_key);
              const name = `${offer.offer.provider} — ${offer.offer.name}`;
              const expanded = open === offer.offer.key;
              const detailId = `detail-${offer.offer.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
              return (
                <Fragment key={offer.offer.key}>
                  <tr
                    data-testid="simulator-row"
                    data-key={offer.offer.key}
                    className={`border-b border-slate-100 align-top dark:border-slate-800 ${standing === 'current' ? 'bg-sky-50 dark:bg-sky-950/50' : ''}`}
                  >
                    <td className="px-2 py-2 tabular-nums">{offer.rank}</td>
                    <th scope="row" className="px-2 py-2 text-left font-normal">
                      <span className="font-medium">{name}</span>
                      <span className="block text-xs text-slate-600 dark:text-slate-400">
                        {t(`offers.types.${offer.offer.offer_type}`)}
                        {standing === 'current' && ` · ${t('simulator.table.currentBadge')}`}
                        {offer.estimates.length > 0 && ` · ${t('simulator.table.estimate')}`}
                      </span>
                    </th>
                    <td className={`${cell} font-semibold`}>{formatEuros(offer.total_eur, language)}</td>
                    <td className={cell}>{formatEuros(offer.energy_eur, language)}</td>
                    <td className={cell}>{formatEuros(offer.subscription_eur, language)}</td>
                    <td
                      className={`${cell} ${standing === 'saving' ? 'text-emerald-800 dark:text-emerald-300' : standing === 'dearer' ? 'text-red-800 dark:text-red-300' : ''}`}
                    >
                      {offer.difference_eur === null ? '—' : signed(offer.difference_eur, language)}
                    </td>
                    <td className="px-2 py-2 print:hidden">
                      <button
                        type="button"
                        className="min-h-9 rounded-md border border-slate-300 px-2 text-xs font-semibold text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
                        aria-expanded={expanded}
                        aria-controls={detailId}
                        aria-label={t('simulator.table.show', { offer: name })}
                        onClick={() => setOpen(expanded ? null : offer.offer.key)}
                      >
                        {t('simulator.table.details')}
                      </button>
                    </td>
                  </tr>
                  {expanded && (
                    <tr id={detailId} className="border-b border-slate-200 dark:border-slate-700">
                      <td colSpan={7} className="px-2 py-3">
                        <h3 className="text-sm font-semibold">{t('simulator.detail.bands')}</h3>
                        <ul className="mb-3 text-sm">
                          {offer.bands.map((band) => (
                            <li key={band.band}>
                              {priceKeyLabel(t, band.band)} :{' '}
                              {t('costs.bandLine', {
                                kwh: formatNumber(band.kwh, language, 1),
                                eur: formatEuros(band.energy_eur, language),
                              })}
                            </li>
                          ))}
                        </ul>
                        {offer.estimates.length > 0 && (
                          <>
                            <h3 className="text-sm font-semibold">{t('simulator.detail.estimates')}</h3>
                            <ul className="mb-3 list-disc pl-5 text-sm">
                              {offer.estimates.map((estimate) => (
                                <li key={estimate.reason}>{t(`costs.estimates.reasons.${estimate.reason}`)}</li>
                              ))}
                            </ul>
                          </>
                        )}
                        <h3 className="text-sm font-semibold">{t('simulator.detail.records')}</h3>
                        <PriceRecordsTable records={offer.price_records} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {result.unavailable.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer py-2 font-medium">
            {t('simulator.unavailable.title', { count: result.unavailable.length })}
          </summary>
          <ul className="list-disc pl-5">
            {result.unavailable.map((entry) => (
              <li key={entry.offer.key}>
                {`${entry.offer.provider} — ${entry.offer.name} (${t(`offers.types.${entry.offer.offer_type}`)}) : `}
                {entry.reason === 'POWER_UNKNOWN'
                  ? t('simulator.unavailable.POWER_UNKNOWN')
                  : t('simulator.unavailable.NO_PRICE_RECORD', { count: entry.days })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
