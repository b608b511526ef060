import { exporterTypeSchema, type ExporterType } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/Alert.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { ExporterActions } from './ExporterActions.tsx';
import { ExporterForm } from './ExporterForm.tsx';
import { exporterTypeLabel, typeLabel } from './exporterLabels.ts';
import { HaStatisticsPanel } from './HaStatisticsPanel.tsx';
import { useExporter } from './useExporters.ts';

/** `/exporters/new?type=…` (and `&version=2` for InfluxDB 2.x/3.x): the form of a new exporter. */
export function NewExporterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const parsed = exporterTypeSchema.safeParse(search.get('type'));
  const type: ExporterType = parsed.success ? parsed.data : 'home_assistant';
  const version = search.get('version') === '2' ? '2' : '1';
  return (
    <div className="space-y-6">
      <p>
        <TextLink to="/exporters">{t('exporters.back')}</TextLink>
      </p>
      <h1 className="text-2xl font-bold sm:text-3xl">
        {t('exporters.newTitle', { type: typeLabel(t, type, version) })}
      </h1>
      <ExporterForm
        key={`${type}-${version}`}
        type={type}
        influxVersion={version}
        onSaved={(exporter) => void navigate(`/exporters/${exporter.id}`, { replace: true })}
      />
    </div>
  );
}

/** `/exporters/:id`: its settings, its actions, and for Home Assistant the Energy statistics panel. */
export default function ExporterPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  if (id === 'new') {
    return <NewExporterPage />;
  }
  return <ExistingExporter id={id ?? ''} title={t('exporters.title')} />;
}

function ExistingExporter({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  const exporter = useExporter(id);
  return (
    <div className="space-y-6">
      <p>
        <TextLink to="/exporters">{t('exporters.back')}</TextLink>
      </p>
      {exporter.isPending && <Spinner label={t('common.loading')} />}
      {exporter.error && (
        <>
          <h1 className="text-2xl font-bold sm:text-3xl">{title}</h1>
          <Alert tone="error">{errorMessage(t, exporter.error)}</Alert>
        </>
      )}
      {exporter.data && (
        <>
          <header>
            <h1 className="text-2xl font-bold break-words sm:text-3xl">{exporter.data.name}</h1>
            <p className="text-slate-600 dark:text-slate-400">{exporterTypeLabel(t, exporter.data)}</p>
            {exporter.data.last_export_error && (
              <Alert tone="error" className="mt-2">
                {t('exporters.list.lastError')} : {exporter.data.last_export_error}
              </Alert>
            )}
          </header>
          <ExporterActions exporter={exporter.data} />
          {exporter.data.export_type === 'home_assistant' && <HaStatisticsPanel exporter={exporter.data} />}
          <ExporterForm
            key={exporter.data.updated_at}
            type={exporter.data.export_type}
            existing={exporter.data}
            onSaved={() => undefined}
          />
        </>
      )}
    </div>
  );
}
