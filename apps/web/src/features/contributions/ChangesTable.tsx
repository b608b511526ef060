import type { ContributionChange } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { tableClass, tableWrapClass, tdClass, thClass } from '../admin/tableStyles.ts';
import { priceKeyLabel } from '../offers/priceKeyLabel.ts';

const EURO_DIGITS = 4;

/** Each record the approval writes beside the record in force before it: what the catalogue would change. */
export function ChangesTable({ changes, caption }: { changes: ContributionChange[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const euros = (value: number | undefined) =>
    value === undefined
      ? '—'
      : new Intl.NumberFormat(i18n.language, {
          style: 'currency',
          currency: 'EUR',
          maximumFractionDigits: EURO_DIGITS,
        }).format(value);
  const rows = changes.flatMap((change) => [
    {
      key: `${change.record_id}:subscription`,
      power: change.power_kva,
      label: t('contribute.subscription'),
      before: change.previous?.subscription_price,
      after: change.subscription_price,
    },
    ...Object.entries(change.prices).map(([band, after]) => ({
      key: `${change.record_id}:${band}`,
      power: change.power_kva,
      label: priceKeyLabel(t, band),
      before: change.previous?.prices[band],
      after,
    })),
  ]);
  const first = changes[0];
  return (
    <div className={tableWrapClass} tabIndex={0} role="region" aria-label={caption}>
      <table className={tableClass}>
        <caption className="p-2 text-left text-sm">
          {caption}
          {first &&
            ` · ${t('contribute.fromDate', { date: formatDate(first.valid_from, i18n.language) })}` +
              (first.previous
                ? ` · ${t('moderation.replaces', { date: formatDate(first.previous.valid_from, i18n.language) })}`
                : ` · ${t('moderation.noPrevious')}`)}
        </caption>
        <thead>
          <tr>
            <th className={thClass}>{t('contribute.power')}</th>
            <th className={thClass}>{t('moderation.band')}</th>
            <th className={thClass}>{t('moderation.before')}</th>
            <th className={thClass}>{t('moderation.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td className={tdClass}>{t('offers.powerValue', { value: row.power })}</td>
              <td className={tdClass}>{row.label}</td>
              <td className={`${tdClass} tabular-nums`}>{euros(row.before)}</td>
              <td className={`${tdClass} tabular-nums font-semibold`}>
                {euros(row.after)}
                {row.before !== undefined && row.before !== row.after && (
                  <span className="sr-only"> ({t('moderation.changed')})</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
