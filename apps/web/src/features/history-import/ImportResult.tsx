import type { HistoryImportReport } from '@med/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { isApiError } from '../../api/ApiError.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatDate, formatInteger } from '../../lib/format.ts';

type Issue = HistoryImportReport['issues'][number];

const LINE_CODES = [
  'CSV_BAD_TIMESTAMP',
  'CSV_NONEXISTENT_LOCAL_TIME',
  'CSV_BAD_VALUE',
  'CSV_MISSING_VALUE',
  'CSV_BAD_STEP',
  'CSV_STEP_MISALIGNED',
  'CSV_CONFLICTING_DUPLICATE',
  'CSV_OTHER_METER',
] as const;
type LineCode = (typeof LINE_CODES)[number];

function issueText(t: TFunction, issue: Issue): string {
  return (LINE_CODES as readonly string[]).includes(issue.code)
    ? t(`historyImport.issue.${issue.code as LineCode}`)
    : t('historyImport.issue.unknown', { code: issue.code });
}

export type FileOutcome =
  | { fileName: string; state: 'done'; report: HistoryImportReport }
  | { fileName: string; state: 'failed'; error: unknown };

/** What became of one file: the server's counts and refused lines (with their numbers), or why it was refused. */
export function ImportResult({ outcome }: { outcome: FileOutcome }) {
  const { t, i18n } = useTranslation();
  if (outcome.state === 'failed') {
    const { error } = outcome;
    return (
      <Alert tone="error" title={`${outcome.fileName} — ${t('historyImport.refused')}`}>
        <p>{errorMessage(t, error)}</p>
        {/* The server's sentence names the line at fault (French, with the parser's technical detail). */}
        {isApiError(error) && error.status === 422 && (
          <p className="mt-1">{t('historyImport.serverDetail', { detail: error.message })}</p>
        )}
      </Alert>
    );
  }
  const { report } = outcome;
  const counts = (['added', 'unchanged', 'differing', 'rejected', 'duplicates'] as const).map((key) => ({
    key,
    value: report[key],
  }));
  const unlisted = report.rejected - report.issues.length;
  return (
    <Alert
      tone={report.rejected > 0 ? 'warning' : 'success'}
      title={`${outcome.fileName} — ${report.rejected > 0 ? t('historyImport.importedWithIssues') : t('historyImport.imported')}`}
    >
      <p>
        {t(`historyImport.kind.${report.kind}`)} ({t(`historyImport.direction.${report.direction}`)}
        {report.step_minutes !== null && `, ${t('historyImport.step', { minutes: report.step_minutes })}`})
      </p>
      <p>
        {report.first_day && report.last_day
          ? t('historyImport.range', {
              from: formatDate(report.first_day, i18n.language),
              to: formatDate(report.last_day, i18n.language),
            })
          : t('historyImport.noRows')}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {counts.map(({ key, value }) => (
          <div key={key} className="contents">
            <dt>{t(`historyImport.counts.${key}`)}</dt>
            <dd className="font-medium tabular-nums" data-count={key}>
              {formatInteger(value, i18n.language)}
            </dd>
          </div>
        ))}
      </dl>
      {report.issues.length > 0 && (
        <>
          <p className="mt-3 font-semibold">{t('historyImport.issues')}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {report.issues.map((issue, index) => (
              <li key={`${issue.line ?? 'file'}-${index}`}>
                {issue.line === null ? t('historyImport.noLine') : t('historyImport.line', { line: issue.line })}{' '}
                {issueText(t, issue)}
                {issue.value !== undefined && ` (${t('historyImport.value', { value: issue.value })})`}
              </li>
            ))}
          </ul>
          {unlisted > 0 && <p className="mt-1">{t('historyImport.issuesMore', { count: unlisted })}</p>}
        </>
      )}
    </Alert>
  );
}
