import type { ConsentRecord } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatDate } from '../../lib/format.ts';
import { groupConsentVisits, recordEnding, type ConsentVisit } from './consentHistory.ts';
import { useConsentHistory } from './useConsent.ts';

const badge = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium';
// 100/800 in light, 950/200 in dark, like the meter badges: AA contrast in both themes.
const tones: Record<ConsentRecord['status'], string> = {
  active: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  revoked: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  expired: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  ended: 'bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
};

function RecordItem({ record }: { record: ConsentRecord }) {
  const { t, i18n } = useTranslation();
  const ending = recordEnding(record);
  return (
    <li className="py-2 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="min-w-0 font-medium break-words">{record.pdl_name ?? record.usage_point_id}</span>
        {record.pdl_name !== null && (
          <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{record.usage_point_id}</span>
        )}
        <span className={`${badge} ${tones[record.status]}`}>{t(`consent.history.status.${record.status}`)}</span>
      </div>
      {ending && (
        <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
          {t(`consent.history.endReason.${ending.reason}`, {
            date: ending.at ? formatDate(ending.at, i18n.language) : '—',
          })}
        </p>
      )}
    </li>
  );
}

function VisitItem({ visit }: { visit: ConsentVisit }) {
  const { t, i18n } = useTranslation();
  const titleId = `consent-visit-${visit.flowId}`;
  return (
    <li>
      <article
        aria-labelledby={titleId}
        className="rounded-lg border border-slate-200 p-3 sm:p-4 dark:border-slate-800"
        data-flow-id={visit.flowId}
      >
        <h3 id={titleId} className="font-semibold">
          {t('consent.history.visit', { date: formatDate(visit.grantedAt, i18n.language) })}
        </h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t('consent.history.expires', { date: formatDate(visit.expiresAt, i18n.language) })}
        </p>
        <ul aria-label={t('consent.history.meters')} className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
          {visit.records.map((record) => (
            <RecordItem key={record.id} record={record} />
          ))}
        </ul>
      </article>
    </li>
  );
}

/** Every visit to the Enedis consent page: when, which meters, until when, and how each one ended. */
export function ConsentHistoryCard() {
  const { t } = useTranslation();
  const history = useConsentHistory();
  return (
    <section
      id="consent-history"
      aria-labelledby="consent-history-title"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="consent-history-title" className="text-lg font-semibold">
        {t('consent.history.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('consent.history.intro')}</p>
      <div className="mt-4">
        {history.isPending ? (
          <Spinner label={t('common.loading')} />
        ) : history.isError ? (
          <Alert tone="error" title={t('consent.history.loadError')}>
            <p>{errorMessage(t, history.error)}</p>
            <Button variant="secondary" className="mt-3" onClick={() => void history.refetch()}>
              {t('common.retry')}
            </Button>
          </Alert>
        ) : history.data.length === 0 ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">{t('consent.history.empty')}</p>
        ) : (
          <ol className="space-y-3">
            {groupConsentVisits(history.data).map((visit) => (
              <VisitItem key={visit.flowId} visit={visit} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
