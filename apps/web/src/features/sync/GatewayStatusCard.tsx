import type { ClientStatus } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useClientStatus } from './useSync.ts';

const PARIS = 'Europe/Paris';

/** Connected in green; waiting in blue; anything the household must fix in amber. */
function toneOf(state: ClientStatus['gateway']['state']) {
  if (state === 'connected') {
    return 'success' as const;
  }
  return state === 'connecting' ? ('info' as const) : ('warning' as const);
}

/**
 * The link to the gateway as the client's monitor sees it: connected, or exactly what is wrong with the
 * server's own advice (French, with the technical detail) and when it tries again.
 */
export function GatewayStatusCard() {
  const { t, i18n } = useTranslation();
  const { data, error } = useClientStatus();
  if (error) {
    return (
      <Alert tone="error" title={t('gateway.loadFailed')}>
        {errorMessage(t, error)}
      </Alert>
    );
  }
  if (!data) {
    return null;
  }
  const { gateway } = data;
  const at = (value: string) => formatDateTime(value, i18n.language, PARIS);
  return (
    <Card title={t('gateway.title')}>
      <Alert tone={toneOf(gateway.state)} title={t(`gateway.state.${gateway.state}`)}>
        {gateway.state !== 'connected' && <p>{gateway.message}</p>}
      </Alert>
      <ul className="mt-3 space-y-1 text-sm text-slate-700 dark:text-slate-300">
        <li className="break-all">{t('gateway.url', { url: gateway.url })}</li>
        {gateway.checked_at && <li>{t('gateway.checkedAt', { at: at(gateway.checked_at) })}</li>}
        {gateway.next_attempt_at && <li>{t('gateway.nextAttempt', { at: at(gateway.next_attempt_at) })}</li>}
        {gateway.failures > 0 && <li>{t('gateway.failures', { count: gateway.failures })}</li>}
      </ul>
    </Card>
  );
}
