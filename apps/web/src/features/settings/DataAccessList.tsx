import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useDataAccess } from './useDataAccess.ts';

/**
 * The audit trail under the sharing switch: every read of my data by an administrator, newest first, as
 * the server recorded it (reader's address, route pattern, meter when the route names one).
 */
export function DataAccessList() {
  const { t, i18n } = useTranslation();
  const access = useDataAccess();
  return (
    <section aria-labelledby="data-access-title" className="mt-4">
      <h3 id="data-access-title" className="text-sm font-semibold text-slate-800 dark:text-slate-200">
        {t('dataAccess.title')}
      </h3>
      {access.isError ? (
        <Alert tone="error" className="mt-2">
          {t('dataAccess.loadError')}
        </Alert>
      ) : access.data && access.data.entries.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('dataAccess.empty')}</p>
      ) : access.data ? (
        <>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {t('dataAccess.total', { count: access.data.total })}{' '}
            {access.data.total > access.data.entries.length &&
              t('dataAccess.truncated', { shown: access.data.entries.length })}
          </p>
          <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
            {access.data.entries.map((entry, index) => (
              <li key={`${entry.at}-${index}`} className="py-2 break-words">
                <time dateTime={entry.at} className="block text-slate-600 dark:text-slate-400">
                  {formatDateTime(entry.at, i18n.language)}
                </time>
                <span>
                  {t('dataAccess.entry', { who: entry.reader_email, route: entry.route })}
                  {entry.usage_point_id && <>, {t('dataAccess.meter', { prm: entry.usage_point_id })}</>}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
