import type { Pdl, SyncStatusResponse } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { usePdls } from '../../hooks/usePdls.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { OfferSelector } from '../pdl/OfferSelector.tsx';
import { GatewayStatusCard } from './GatewayStatusCard.tsx';
import { useSyncStatus } from './useSync.ts';

type MeterStatus = SyncStatusResponse['meters'][number];

/** The latest success of any of the meter's data sets (ISO strings sort as instants). */
function lastSuccess(meter: MeterStatus): string | null {
  return meter.datasets.reduce<string | null>(
    (latest, dataset) =>
      dataset.last_success_at !== null && (latest === null || dataset.last_success_at > latest)
        ? dataset.last_success_at
        : latest,
    null,
  );
}

/** `pdl`: the meter as `/api/pdl` lists it locally (its offer choice); undefined while that list loads. */
function MeterItem({ meter, pdl: stored }: { meter: MeterStatus; pdl: Pdl | undefined }) {
  const { t, i18n } = useTranslation();
  const synced = lastSuccess(meter);
  const daily = meter.datasets.find(
    (dataset) => dataset.dataset === (meter.has_consumption ? 'consumption_daily' : 'production_daily'),
  );
  const pdl = encodeURIComponent(meter.usage_point_id);
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h3 className="font-semibold">{meter.name ?? meter.usage_point_id}</h3>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('sync.meter.prm', { prm: meter.usage_point_id })}</p>
      <p className="mt-2 text-sm">
        {synced
          ? t('clientDashboard.lastSync', { at: formatDateTime(synced, i18n.language, 'Europe/Paris') })
          : t('clientDashboard.neverSynced')}
      </p>
      {daily?.oldest_day && daily.newest_day && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {t('clientDashboard.daysStored', {
            from: formatDate(daily.oldest_day, i18n.language),
            to: formatDate(daily.newest_day, i18n.language),
          })}
        </p>
      )}
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {meter.has_consumption && (
          <TextLink to={`/consumption?pdl=${pdl}`}>{t('clientDashboard.viewConsumption')}</TextLink>
        )}
        {meter.has_production && (
          <TextLink to={`/production?pdl=${pdl}`}>{t('clientDashboard.viewProduction')}</TextLink>
        )}
        {meter.has_consumption && (
          <TextLink to={`/consumption_euro?pdl=${pdl}`}>{t('clientDashboard.viewCosts')}</TextLink>
        )}
      </p>
      {/* The offer the euro pages price with: chosen here from the catalogue synced from the gateway. */}
      {stored?.has_consumption && <OfferSelector pdl={stored} />}
    </li>
  );
}

/** Client mode's dashboard: the gateway link (with what to fix), then the household's meters kept locally. */
export default function ClientDashboardPage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useSyncStatus();
  const pdls = usePdls();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('clientDashboard.title')}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t('clientDashboard.intro')}</p>
      </header>
      <GatewayStatusCard />
      <section aria-labelledby="client-meters-title">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="client-meters-title" className="text-lg font-semibold">
            {t('clientDashboard.meters')}
          </h2>
          <TextLink to="/sync">{t('clientDashboard.openSync')}</TextLink>
        </div>
        {isPending && <Spinner label={t('common.loading')} />}
        {error && (
          <Alert tone="error" title={t('sync.loadFailed')}>
            {errorMessage(t, error)}
          </Alert>
        )}
        {data &&
          (data.meters.length === 0 ? (
            <Alert tone="info">{t('sync.noMeters')}</Alert>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2">
              {data.meters.map((meter) => (
                <MeterItem
                  key={meter.usage_point_id}
                  meter={meter}
                  pdl={pdls.data?.find((pdl) => pdl.usage_point_id === meter.usage_point_id)}
                />
              ))}
            </ul>
          ))}
      </section>
    </div>
  );
}
