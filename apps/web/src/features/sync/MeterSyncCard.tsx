import type { SyncStatusResponse } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button.tsx';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format.ts';
import { datasetLabel, statusLabel } from './syncLabels.ts';

type MeterStatus = SyncStatusResponse['meters'][number];

const PARIS = 'Europe/Paris';

const STATUS_TONES: Record<string, string> = {
  ok: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  partial: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100',
  error: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100',
  quota_exceeded: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
};
const NEUTRAL_TONE = 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100';

interface MeterSyncCardProps {
  meter: MeterStatus;
  onSync: () => void;
  syncing: boolean;
}

/** One meter: each data set's status, last success, stored records and days, and its last error. */
export function MeterSyncCard({ meter, onSync, syncing }: MeterSyncCardProps) {
  const { t, i18n } = useTranslation();
  const name = meter.name ?? meter.usage_point_id;
  const headingId = `sync-meter-${meter.usage_point_id}`;
  const directions = [
    meter.has_consumption ? t('sync.meter.consumption') : null,
    meter.has_production ? t('sync.meter.production') : null,
  ].filter((direction) => direction !== null);
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">
            {name}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t('sync.meter.prm', { prm: meter.usage_point_id })} · {directions.join(', ')}
          </p>
        </div>
        <Button variant="secondary" onClick={onSync} disabled={syncing}>
          {t('sync.syncMeter')}
        </Button>
      </div>
      <ul
        aria-label={t('sync.meter.datasetsLabel', { name })}
        className="mt-4 divide-y divide-slate-200 dark:divide-slate-800"
      >
        {meter.datasets.map((dataset) => (
          <li key={dataset.dataset} className="py-3" data-dataset={dataset.dataset}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-medium">{datasetLabel(t, dataset.dataset)}</h3>
              <span
                className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_TONES[dataset.status] ?? NEUTRAL_TONE}`}
              >
                {statusLabel(t, dataset.status)}
              </span>
            </div>
            <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
              <div className="flex gap-2 sm:block">
                <dt className="text-slate-600 dark:text-slate-400">{t('sync.field.lastSync')}</dt>
                <dd>
                  {dataset.last_success_at
                    ? formatDateTime(dataset.last_success_at, i18n.language, PARIS)
                    : t('sync.field.never')}
                </dd>
              </div>
              {dataset.records !== null && (
                <div className="flex gap-2 sm:block">
                  <dt className="text-slate-600 dark:text-slate-400">{t('sync.field.records')}</dt>
                  <dd data-testid="records">{formatInteger(dataset.records, i18n.language)}</dd>
                </div>
              )}
              {dataset.records !== null && (
                <div className="flex gap-2 sm:block">
                  <dt className="text-slate-600 dark:text-slate-400">{t('sync.field.range')}</dt>
                  <dd>
                    {dataset.oldest_day && dataset.newest_day
                      ? t('sync.field.rangeValue', {
                          from: formatDate(dataset.oldest_day, i18n.language),
                          to: formatDate(dataset.newest_day, i18n.language),
                        })
                      : t('sync.field.none')}
                  </dd>
                </div>
              )}
            </dl>
            {dataset.error && (
              <p className="mt-2 text-sm text-red-800 dark:text-red-300">
                <span className="font-medium">{t('sync.field.error')} </span>
                {dataset.error}
                {dataset.error_code && (
                  <span className="text-slate-600 dark:text-slate-400"> ({dataset.error_code})</span>
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
