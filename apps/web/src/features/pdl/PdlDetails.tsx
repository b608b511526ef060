import { useTranslation } from 'react-i18next';
import type { Pdl } from '@med/contracts';
import { formatDate, formatOffpeakRange } from '../../lib/format.ts';

/** Contract facts Enedis gave for this PDL; each line only when the value is known. */
export function PdlDetails({ pdl }: { pdl: Pdl }) {
  const { t, i18n } = useTranslation();
  const rows: { label: string; value: string }[] = [];
  if (pdl.subscribed_power !== null) {
    rows.push({ label: t('pdl.subscribedPower'), value: t('pdl.powerValue', { value: pdl.subscribed_power }) });
  }
  if (pdl.pricing_option !== null) {
    rows.push({ label: t('pdl.pricingOption'), value: t(`pricing.${pdl.pricing_option}`) });
  }
  if (pdl.offpeak_hours !== null) {
    const ranges = pdl.offpeak_hours.ranges.map(formatOffpeakRange);
    rows.push({ label: t('pdl.offpeakHours'), value: ranges.length > 0 ? ranges.join(', ') : t('pdl.offpeakNone') });
  } else if (pdl.has_consumption && pdl.pricing_option === 'HC_HP') {
    rows.push({ label: t('pdl.offpeakHours'), value: t('metering.card.offpeakDefault') });
  }
  const type =
    pdl.has_consumption && pdl.has_production
      ? 'typeBoth'
      : pdl.has_consumption
        ? 'typeConsumption'
        : pdl.has_production
          ? 'typeProduction'
          : 'typeUnknown';
  rows.push({ label: t('metering.card.type'), value: t(`metering.card.${type}`) });
  if (pdl.consent_status === 'active' && pdl.consent_expires_at !== null) {
    rows.push({
      label: t('consent.meter.detailsLabel'),
      value: t('consent.meter.validUntil', { date: formatDate(pdl.consent_expires_at, i18n.language) }),
    });
  }
  if (pdl.activation_date !== null) {
    rows.push({ label: t('pdl.activationDate'), value: formatDate(pdl.activation_date, i18n.language) });
  }
  if (rows.length === 0) {
    return null;
  }
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {rows.map((row) => (
        <div key={row.label} className="min-w-0">
          <dt className="text-slate-500 dark:text-slate-400">{row.label}</dt>
          <dd className="font-medium break-words">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
