import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { GatewayStatusCard } from './GatewayStatusCard.tsx';
import { MeterSyncCard } from './MeterSyncCard.tsx';
import { SyncProgressPanel } from './SyncProgressPanel.tsx';
import { useSyncProgress, useSyncStatus, useTriggerSync } from './useSync.ts';

/**
 * Client mode's Sync page: the gateway link, the run going on (live, from the event stream), and per meter
 * and data set what is stored and how the last sync went; "sync now" for everything or one meter.
 */
export default function SyncPage() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const live = useSyncProgress();
  const trigger = useTriggerSync();
  // The status says whether a run goes on (the stream's first event may be an old run's last one).
  const running = status.data?.running === true;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-2xl">
          <h1 className="text-2xl font-bold sm:text-3xl">{t('sync.title')}</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">{t('sync.intro')}</p>
          <p className="mt-2">
            <TextLink to="/import">{t('sync.importLink')}</TextLink>
          </p>
        </div>
        <Button onClick={() => trigger.mutate(undefined)} disabled={trigger.isPending || running}>
          {trigger.isPending ? t('sync.starting') : t('sync.syncAll')}
        </Button>
      </header>
      {trigger.error && (
        <Alert tone="error" title={t('sync.triggerFailed')}>
          {errorMessage(t, trigger.error)}
        </Alert>
      )}
      <GatewayStatusCard />
      {status.error && (
        <Alert tone="error" title={t('sync.loadFailed')}>
          {errorMessage(t, status.error)}
        </Alert>
      )}
      {status.isPending && <Spinner label={t('common.loading')} />}
      {status.data && (
        <>
          <SyncProgressPanel status={status.data} live={live} />
          {status.data.meters.length === 0 ? (
            <Alert tone="info">{t('sync.noMeters')}</Alert>
          ) : (
            status.data.meters.map((meter) => (
              <MeterSyncCard
                key={meter.usage_point_id}
                meter={meter}
                syncing={trigger.isPending || running}
                onSync={() => trigger.mutate(meter.usage_point_id)}
              />
            ))
          )}
        </>
      )}
    </div>
  );
}
