import type { AdminLogEntry } from '@med/contracts';
import { useTranslation } from 'react-i18next';

const LEVEL_STYLES: Record<string, string> = {
  DEBUG: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
  INFO: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100',
  WARNING: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  ERROR: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100',
  CRITICAL: 'bg-red-700 text-white dark:bg-red-300 dark:text-slate-950',
};

/** "2026-12-03T14:02:11.123+01:00" → "2026-12-03 14:02:11": the record's own Paris time, to the second. */
function parisSecond(timestamp: string): string {
  return timestamp.replace('T', ' ').slice(0, 19);
}

/** One log record: when, level, who logged it and the message; the rest (request, error stack) on demand. */
export function LogEntryItem({ entry }: { entry: AdminLogEntry }) {
  const { t } = useTranslation();
  const details = { ...entry.context, ...(entry.exception ? { exception: entry.exception } : {}) };
  const hasDetails = Object.keys(details).length > 0;
  return (
    <li className="py-2 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <time dateTime={entry.timestamp} className="font-mono text-xs text-slate-600 tabular-nums dark:text-slate-400">
          {parisSecond(entry.timestamp)}
        </time>
        <span
          className={`rounded px-1.5 py-0.5 text-xs font-semibold ${LEVEL_STYLES[entry.level] ?? LEVEL_STYLES.INFO}`}
        >
          {entry.level}
        </span>
        <span className="font-mono text-xs text-slate-600 dark:text-slate-400">
          {entry.logger} · {entry.instance}
        </span>
      </div>
      <p className="mt-1 break-words">{entry.message}</p>
      {hasDetails && (
        <details className="mt-1">
          <summary className="inline-flex min-h-8 cursor-pointer items-center text-xs text-sky-800 dark:text-sky-300">
            {t('admin.logs.details')}
          </summary>
          <pre className="mt-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs break-all whitespace-pre-wrap dark:bg-slate-950">
            {JSON.stringify(details, null, 2)}
          </pre>
        </details>
      )}
    </li>
  );
}
