import { LOG_LEVELS, type LogLevelName } from '@med/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { inputClass } from '../../components/ui/fieldStyles.ts';
import { Switch } from '../../components/ui/Switch.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatInteger } from '../../lib/format.ts';
import { LOGS_PER_PAGE, type LogFilters } from './admin.api.ts';
import { hasPermission } from './adminSections.ts';
import { AdminQuery } from './AdminQuery.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { LogEntryItem } from './LogEntryItem.tsx';
import { useClearLogs, useLogs } from './useAdmin.ts';
import { useLogTail } from './useLogTail.ts';

const listClass = 'divide-y divide-slate-200 dark:divide-slate-800';

export default function AdminLogsPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const levelId = useId();
  const [level, setLevel] = useState<LogLevelName | ''>('');
  const [typed, setTyped] = useState('');
  const [filters, setFilters] = useState<LogFilters>({ level: undefined, search: '' });
  const [offset, setOffset] = useState(0);
  const [live, setLive] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [cleared, setCleared] = useState<string | null>(null);
  const page = useLogs(filters, offset, !live);
  const tail = useLogTail(live, filters);
  const clear = useClearLogs();
  const canClear = hasPermission(me, 'logs.delete');
  const levelName = (value: LogLevelName) => t(`admin.logs.levels.${value}`);

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilters({ level: level === '' ? undefined : level, search: typed });
    setOffset(0);
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('admin.logs.title')}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('admin.logs.intro')}</p>
      <Card>
        <form onSubmit={onFilter} className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor={levelId} className="mb-1 block text-sm font-medium">
              {t('admin.logs.level')}
            </label>
            <select
              id={levelId}
              className={inputClass}
              value={level}
              onChange={(event) => setLevel(event.target.value as LogLevelName | '')}
            >
              <option value="">{t('admin.logs.allLevels')}</option>
              {LOG_LEVELS.map((value) => (
                <option key={value} value={value}>
                  {levelName(value)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={t('admin.logs.search')}
            type="search"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            className="min-w-0 flex-1 sm:max-w-sm"
          />
          <Button type="submit" variant="secondary">
            {t('admin.logs.apply')}
          </Button>
        </form>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <Switch checked={live} onChange={setLive} label={t('admin.logs.live')} showLabel />
          {canClear && (
            <Button variant="danger" disabled={clear.isPending} onClick={() => setConfirming(true)}>
              {filters.level ? t('admin.logs.clearLevel', { level: levelName(filters.level) }) : t('admin.logs.clear')}
            </Button>
          )}
        </div>
      </Card>
      {cleared && <Alert tone="success">{cleared}</Alert>}
      {clear.error && <Alert tone="error">{errorMessage(t, clear.error)}</Alert>}
      {live ? (
        <section aria-label={t('admin.logs.liveList')} className="space-y-2">
          <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            {t('admin.logs.liveCount', { count: tail.entries.length })}
          </p>
          {tail.error !== null && <Alert tone="error">{errorMessage(t, tail.error)}</Alert>}
          <ol className={listClass}>
            {tail.entries.map((entry) => (
              <LogEntryItem key={entry.id} entry={entry} />
            ))}
          </ol>
        </section>
      ) : (
        <AdminQuery query={page}>
          {(result) =>
            result.logs.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">{t('admin.logs.none')}</p>
            ) : (
              <section aria-label={t('admin.logs.list')} className="space-y-2">
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {t('admin.logs.count', {
                    count: result.total,
                    value: formatInteger(result.total, i18n.language),
                    first: formatInteger(result.offset + 1, i18n.language),
                    last: formatInteger(result.offset + result.count, i18n.language),
                  })}
                </p>
                <ol className={listClass}>
                  {result.logs.map((entry) => (
                    <LogEntryItem key={entry.id} entry={entry} />
                  ))}
                </ol>
                {result.total > LOGS_PER_PAGE && (
                  <nav aria-label={t('admin.logs.pagination')} className="flex gap-2">
                    <Button
                      variant="secondary"
                      disabled={offset === 0}
                      onClick={() => setOffset(Math.max(0, offset - LOGS_PER_PAGE))}
                    >
                      {t('admin.logs.newer')}
                    </Button>
                    <Button
                      variant="secondary"
                      disabled={offset + LOGS_PER_PAGE >= result.total}
                      onClick={() => setOffset(offset + LOGS_PER_PAGE)}
                    >
                      {t('admin.logs.older')}
                    </Button>
                  </nav>
                )}
              </section>
            )
          }
        </AdminQuery>
      )}
      <ConfirmDialog
        open={confirming}
        title={filters.level ? t('admin.logs.clearLevel', { level: levelName(filters.level) }) : t('admin.logs.clear')}
        text={
          filters.level ? t('admin.logs.confirmLevel', { level: levelName(filters.level) }) : t('admin.logs.confirmAll')
        }
        confirmLabel={t('admin.logs.confirmYes')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          setCleared(null);
          clear.mutate(filters.level, {
            onSuccess: (answer) => setCleared(t('admin.logs.cleared', { count: answer.deleted_count })),
          });
        }}
      />
    </div>
  );
}
