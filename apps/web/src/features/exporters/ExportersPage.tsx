import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { buttonClass } from '../../components/ui/buttonStyles.ts';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatDateTime } from '../../lib/format.ts';
import { addKinds, exporterTypeLabel, scheduleLabel, typeLabel } from './exporterLabels.ts';
import { useExporters } from './useExporters.ts';

const PARIS = 'Europe/Paris';

/**
 * Client mode's exporters: each one's type, state, schedule, last run, last success, last error and next
 * run, and one "add" per destination type.
 */
export default function ExportersPage() {
  const { t, i18n } = useTranslation();
  const exporters = useExporters();
  const when = (value: string | null) =>
    value === null ? t('exporters.list.never') : formatDateTime(value, i18n.language, PARIS);
  return (
    <div className="space-y-6">
      <header className="max-w-2xl">
        <h1 className="text-2xl font-bold sm:text-3xl">{t('exporters.title')}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t('exporters.intro')}</p>
      </header>
      {exporters.error && (
        <Alert tone="error" title={t('exporters.loadFailed')}>
          {errorMessage(t, exporters.error)}
        </Alert>
      )}
      {exporters.isPending && <Spinner label={t('common.loading')} />}
      {exporters.data?.length === 0 && <Alert tone="info">{t('exporters.none')}</Alert>}
      {exporters.data && exporters.data.length > 0 && (
        <ul className="grid gap-4 lg:grid-cols-2" aria-label={t('exporters.title')}>
          {exporters.data.map((exporter) => (
            <li
              key={exporter.id}
              data-exporter={exporter.name}
              className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
            >
              <h2 className="text-lg font-semibold">
                <Link
                  to={`/exporters/${exporter.id}`}
                  className="text-sky-800 underline-offset-2 hover:underline dark:text-sky-300"
                >
                  {exporter.name}
                </Link>
              </h2>
              <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-600 dark:text-slate-400">{t('exporters.list.type')}</dt>
                <dd>{exporterTypeLabel(t, exporter)}</dd>
                <dt className="text-slate-600 dark:text-slate-400">{t('exporters.list.enabled')}</dt>
                <dd>{exporter.is_enabled ? t('exporters.list.yes') : t('exporters.list.no')}</dd>
                <dt className="text-slate-600 dark:text-slate-400">{t('exporters.list.schedule')}</dt>
                <dd>{scheduleLabel(t, exporter.export_interval_minutes)}</dd>
                <dt className="text-slate-600 dark:text-slate-400">{t('exporters.list.lastRun')}</dt>
                <dd>{exporter.is_running ? t('exporters.list.running') : when(exporter.last_export_at)}</dd>
                <dt className="text-slate-600 dark:text-slate-400">{t('exporters.list.lastSuccess')}</dt>
                <dd>{when(exporter.last_success_at)}</dd>
                <dt className="text-slate-600 dark:text-slate-400">{t('exporters.list.nextRun')}</dt>
                <dd>{exporter.next_export_at === null ? t('exporters.list.manual') : when(exporter.next_export_at)}</dd>
                {exporter.last_export_error && (
                  <>
                    <dt className="text-slate-600 dark:text-slate-400">{t('exporters.list.lastError')}</dt>
                    <dd className="break-words text-red-700 dark:text-red-300">{exporter.last_export_error}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="exporters-add">
        <h2 id="exporters-add" className="text-lg font-semibold">
          {t('exporters.add')}
        </h2>
        <ul className="mt-3 flex flex-wrap gap-3">
          {addKinds.map((kind) => (
            <li key={kind.key}>
              <Link to={`/exporters/new?${kind.query}`} className={buttonClass('secondary')}>
                {t('exporters.addType', {
                  type: typeLabel(t, kind.type, kind.key === 'influxdb2' ? '2' : '1'),
                })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
