import type { SyncProgressEvent, SyncStatusResponse } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { progressLabel } from './syncLabels.ts';

const PARIS = 'Europe/Paris';

interface SyncProgressPanelProps {
  status: SyncStatusResponse;
  /** The latest event of the live stream (null until one arrives). */
  live: SyncProgressEvent | null;
}

/** Whether a run goes on, what it does right now (live), what it wrote so far, and when the next one runs. */
export function SyncProgressPanel({ status, live }: SyncProgressPanelProps) {
  const { t, i18n } = useTranslation();
  const at = (value: string) => formatDateTime(value, i18n.language, PARIS);
  const event = live ?? status.last_progress;
  const names = new Map(status.meters.map((meter) => [meter.usage_point_id, meter.name ?? meter.usage_point_id]));
  const meterName = (prm: string) => names.get(prm) ?? prm;
  return (
    <Card title={t('sync.progress.title')}>
      <p className="font-medium">{status.running ? t('sync.running') : t('sync.idle')}</p>
      {/* Announced as it changes: a screen-reader user hears the run progress without moving. */}
      <div aria-live="polite" data-testid="sync-progress" className="mt-2 text-sm">
        {event ? (
          <>
            <p>
              {progressLabel(t, event, meterName)}{' '}
              <span className="text-slate-600 dark:text-slate-400">{t('sync.progress.at', { at: at(event.at) })}</span>
            </p>
            <p className="mt-1 text-slate-700 dark:text-slate-300">
              {t('sync.progress.counts', { rows: formatInteger(event.rows, i18n.language), count: event.calls })}
            </p>
          </>
        ) : (
          <p>{t('sync.progress.waiting')}</p>
        )}
      </div>
      {status.resume_at ? (
        <Alert tone="warning" className="mt-3">
          {t('sync.resumeAt', { at: at(status.resume_at) })}
        </Alert>
      ) : (
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          {status.next_run_at ? t('sync.nextRun', { at: at(status.next_run_at) }) : t('sync.noNextRun')}
        </p>
      )}
    </Card>
  );
}
