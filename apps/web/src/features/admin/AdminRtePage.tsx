import type { RteApiInfo, RteApiKey, RteStatus, RteTestAll, RteTestResult } from '@med/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { AdminQuery } from './AdminQuery.tsx';
import { tableClass, tableWrapClass, tdClass, thClass } from './tableStyles.ts';
import { useRteRefresh, useRteStatus, useRteTest, useRteTestAll } from './useAdmin.ts';

function TestOutcome({ result }: { result: RteTestResult }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert tone={result.status === 'ok' ? 'success' : 'error'} className="mt-2">
      <p className="font-semibold">
        {t(`admin.rte.outcome.${result.status}`)}
        {result.status_code !== null && ` · HTTP ${result.status_code}`} ·{' '}
        {t('admin.rte.duration', { value: formatInteger(result.response_time_ms, i18n.language) })}
      </p>
      <p className="mt-1 break-words">{result.summary ?? result.error}</p>
      {result.help && <p className="mt-1 break-words">{result.help}</p>}
    </Alert>
  );
}

function TestAllSummary({ report }: { report: RteTestAll }) {
  const { t, i18n } = useTranslation();
  const { summary } = report;
  return (
    <Alert tone={summary.all_ok ? 'success' : 'error'} className="mt-2">
      {t('admin.rte.summary', {
        ok: summary.apis_ok,
        total: summary.total_apis,
        failed: summary.apis_failed,
        time: formatDateTime(report.tested_at, i18n.language),
      })}
    </Alert>
  );
}

function Apis({ status }: { status: RteStatus }) {
  const { t } = useTranslation();
  const single = useRteTest();
  const all = useRteTestAll();
  const [results, setResults] = useState<Partial<Record<RteApiKey, RteTestResult>>>({});
  const [report, setReport] = useState<RteTestAll | null>(null);
  const keep = (list: RteTestResult[]) =>
    setResults((previous) => ({ ...previous, ...Object.fromEntries(list.map((result) => [result.api, result])) }));
  const busy = single.isPending || all.isPending;
  const apis = Object.entries(status.apis) as [RteApiKey, RteApiInfo][];
  return (
    <Card title={t('admin.rte.apis')}>
      <Button
        variant="secondary"
        disabled={busy}
        onClick={() =>
          all.mutate(undefined, {
            onSuccess: (answer) => {
              setReport(answer);
              keep(Object.values(answer.results));
            },
          })
        }
      >
        {all.isPending ? t('admin.rte.testing') : t('admin.rte.testAll')}
      </Button>
      {report && <TestAllSummary report={report} />}
      {(single.error ?? all.error) && (
        <Alert tone="error" className="mt-2">
          {errorMessage(t, single.error ?? all.error)}
        </Alert>
      )}
      <ul className="mt-4 divide-y divide-slate-200 dark:divide-slate-800">
        {apis.map(([key, api]) => {
          const result = results[key];
          return (
            <li key={key} className="py-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium">{api.name}</p>
                  <p className="text-sm text-slate-600 dark:text-slate-400">{api.description}</p>
                  <p className="break-all font-mono text-xs text-slate-600 dark:text-slate-400">{api.endpoint}</p>
                </div>
                <Button
                  variant="secondary"
                  disabled={busy}
                  aria-label={t('admin.rte.testOne', { api: api.name })}
                  onClick={() => single.mutate(key, { onSuccess: (answer) => keep([answer]) })}
                >
                  {t('admin.rte.test')}
                </Button>
              </div>
              {result && <TestOutcome result={result} />}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function Refresh() {
  const { t, i18n } = useTranslation();
  const refresh = useRteRefresh();
  const [done, setDone] = useState<string | null>(null);
  return (
    <Card title={t('admin.rte.refreshTitle')}>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{t('admin.rte.refreshText')}</p>
      <div className="flex flex-wrap gap-2">
        {(['tempo', 'ecowatt'] as const).map((dataset) => (
          <Button
            key={dataset}
            variant="secondary"
            disabled={refresh.isPending}
            onClick={() => {
              setDone(null);
              refresh.mutate(dataset, {
                onSuccess: (run) =>
                  setDone(
                    t('admin.rte.refreshed', {
                      dataset: t(`admin.rte.dataset.${dataset}`),
                      time: formatDateTime(run.finished_at ?? run.started_at, i18n.language),
                    }),
                  ),
              });
            }}
          >
            {t(`admin.rte.refresh.${dataset}`)}
          </Button>
        ))}
      </div>
      {done && (
        <Alert tone="success" className="mt-3">
          {done}
        </Alert>
      )}
      {refresh.error && (
        <Alert tone="error" className="mt-3">
          {errorMessage(t, refresh.error)}
        </Alert>
      )}
    </Card>
  );
}

function Status({ status }: { status: RteStatus }) {
  const { t, i18n } = useTranslation();
  const when = (value: string | null) => (value === null ? '—' : formatDateTime(value, i18n.language));
  const n = (value: number) => formatInteger(value, i18n.language);
  return (
    <>
      <Card title={t('admin.rte.connection')}>
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600 dark:text-slate-400">{t('admin.rte.configured')}</dt>
            <dd className="font-medium">{status.has_credentials ? t('admin.rte.yes') : t('admin.rte.no')}</dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">{t('admin.rte.mode')}</dt>
            <dd className="font-medium">{t(`admin.rte.modes.${status.mode}`)}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-600 dark:text-slate-400">{t('admin.rte.baseUrl')}</dt>
            <dd className="break-all font-mono text-xs">{status.base_url}</dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">{t('admin.rte.jobsEnabled')}</dt>
            <dd className="font-medium">{status.jobs_enabled ? t('admin.rte.yes') : t('admin.rte.no')}</dd>
          </div>
        </dl>
      </Card>
      <Card title={t('admin.rte.stored')}>
        <dl className="grid grid-cols-2 gap-2 text-sm">
          <div>
            <dt className="text-slate-600 dark:text-slate-400">{t('admin.rte.tempoDays')}</dt>
            <dd className="font-medium tabular-nums">
              {n(status.data.tempo_days)} · {status.data.tempo_last_date ?? '—'}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">{t('admin.rte.ecowattDays')}</dt>
            <dd className="font-medium tabular-nums">
              {n(status.data.ecowatt_days)} · {status.data.ecowatt_last_date ?? '—'}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">{t('admin.rte.consumptionRows')}</dt>
            <dd className="font-medium tabular-nums">{n(status.data.consumption_rows)}</dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">{t('admin.rte.generationRows')}</dt>
            <dd className="font-medium tabular-nums">{n(status.data.generation_rows)}</dd>
          </div>
        </dl>
      </Card>
      <Card title={t('admin.rte.jobs')} className="lg:col-span-2">
        <div className={tableWrapClass} tabIndex={0} role="region" aria-label={t('admin.rte.jobs')}>
          <table className={tableClass}>
            <thead>
              <tr>
                <th className={thClass}>{t('admin.rte.job')}</th>
                <th className={thClass}>{t('admin.rte.lastRun')}</th>
                <th className={thClass}>{t('admin.rte.lastSuccess')}</th>
                <th className={thClass}>{t('admin.rte.outcomeColumn')}</th>
                <th className={thClass}>{t('admin.rte.nextAttempt')}</th>
              </tr>
            </thead>
            <tbody>
              {status.jobs.map((job) => (
                <tr key={job.job}>
                  <td className={`${tdClass} font-mono text-xs`}>{job.job}</td>
                  <td className={`${tdClass} whitespace-nowrap`}>{when(job.last_run_at)}</td>
                  <td className={`${tdClass} whitespace-nowrap`}>{when(job.last_success_at)}</td>
                  <td className={tdClass}>
                    {job.last_outcome === null ? '—' : t(`admin.rte.jobOutcome.${job.last_outcome}`)}
                    {job.consecutive_failures > 0 &&
                      ` · ${t('admin.rte.failures', { count: job.consecutive_failures })}`}
                    {job.last_error && (
                      <p className="mt-1 text-xs break-words text-red-700 dark:text-red-300">{job.last_error}</p>
                    )}
                  </td>
                  <td className={`${tdClass} whitespace-nowrap`}>{when(job.next_attempt_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}

export default function AdminRtePage() {
  const { t } = useTranslation();
  const status = useRteStatus();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('admin.rte.title')}</h1>
      <AdminQuery query={status}>
        {(data) => (
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <Status status={data} />
            <Apis status={data} />
            <Refresh />
          </div>
        )}
      </AdminQuery>
    </div>
  );
}
