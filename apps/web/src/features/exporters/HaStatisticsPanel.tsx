import type { Exporter } from '@med/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { errorCodeMessage, errorMessage } from '../../i18n/errorMessage.ts';
import { formatInteger } from '../../lib/format.ts';
import { useClearHaStatistics, useHaImport, useHaStatistics } from './useExporters.ts';

const cellClass = 'border-b border-slate-200 px-2 py-1 align-top dark:border-slate-800';

/** Whether the exporter has what the statistics need (HA URL and token); the server says the same with 409. */
export function haStatisticsReady(exporter: Exporter): boolean {
  return typeof exporter.config.ha_url === 'string' && exporter.config.has_ha_token === true;
}

/**
 * Home Assistant Energy statistics: import (full or incremental, clear first) with live progress from the
 * event stream and counts per kind, the final report, the statistics HA holds, and clearing them.
 */
export function HaStatisticsPanel({ exporter }: { exporter: Exporter }) {
  const { t, i18n } = useTranslation();
  const ready = haStatisticsReady(exporter);
  return (
    <section
      aria-labelledby="ha-statistics"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="ha-statistics" className="text-lg font-semibold">
        {t('exporters.ha.title')}
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('exporters.ha.intro')}</p>
      {ready ? (
        <HaStatisticsControls id={exporter.id} language={i18n.language} />
      ) : (
        <Alert tone="info">{t('exporters.ha.needsSetup')}</Alert>
      )}
    </section>
  );
}

function HaStatisticsControls({ id, language }: { id: string; language: string }) {
  const { t } = useTranslation();
  const [incremental, setIncremental] = useState(true);
  const [clearFirst, setClearFirst] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const { state, start } = useHaImport(id);
  const held = useHaStatistics(id);
  const clear = useClearHaStatistics(id);
  const number = (value: number) => formatInteger(value, language);
  const progress = state.progress;
  const busy = state.running || start.isPending;
  return (
    <>
      <fieldset className="space-y-1">
        <legend className="sr-only">{t('exporters.ha.start')}</legend>
        {([true, false] as const).map((mode) => (
          <label key={String(mode)} className="flex min-h-11 items-center gap-3 text-sm">
            <input
              type="radio"
              name="ha-import-mode"
              className="size-5 accent-sky-700 dark:accent-sky-400"
              checked={incremental === mode}
              onChange={() => setIncremental(mode)}
            />
            {mode ? t('exporters.ha.incremental') : t('exporters.ha.full')}
          </label>
        ))}
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input
            type="checkbox"
            className="size-5 accent-sky-700 dark:accent-sky-400"
            checked={clearFirst}
            onChange={(event) => setClearFirst(event.target.checked)}
          />
          {t('exporters.ha.clearFirst')}
        </label>
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Button disabled={busy} onClick={() => start.mutate({ clearFirst, incremental })}>
          {start.isPending ? t('exporters.ha.starting') : t('exporters.ha.start')}
        </Button>
        <Button variant="danger" disabled={busy || clear.isPending} onClick={() => setConfirmClear(true)}>
          {t('exporters.ha.clear')}
        </Button>
      </div>
      {confirmClear && (
        <Alert tone="warning">
          <p>{t('exporters.ha.confirmClear')}</p>
          <div className="mt-2 flex flex-wrap gap-3">
            <Button
              variant="danger"
              disabled={clear.isPending}
              onClick={() => clear.mutate(undefined, { onSuccess: () => setConfirmClear(false) })}
            >
              {t('exporters.ha.confirmClearButton')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirmClear(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </Alert>
      )}
      {clear.data && <Alert tone="success">{t('exporters.ha.cleared', { count: clear.data.cleared.length })}</Alert>}
      {(start.error ?? clear.error) && (
        <Alert tone="error" title={t('exporters.actions.failed')}>
          {errorMessage(t, start.error ?? clear.error)}
        </Alert>
      )}
      {progress && (state.running || state.report) && (
        <div>
          <label htmlFor="ha-import-progress" className="text-sm font-medium">
            {t('exporters.ha.progress')}
          </label>
          <progress
            id="ha-import-progress"
            className="mt-1 block h-3 w-full accent-sky-700"
            max={100}
            value={progress.percent}
          >
            {progress.percent} %
          </progress>
          <p className="mt-1 text-sm" aria-live="polite" data-testid="ha-progress">
            {progress.percent} % · {progress.message}
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t('exporters.ha.sent', {
              consumption: number(progress.consumption),
              cost: number(progress.cost),
              production: number(progress.production),
            })}
          </p>
        </div>
      )}
      {state.error && state.error.code !== 'STREAM_LOST' && (
        <Alert tone="error">
          {t('exporters.ha.failed', {
            message: errorCodeMessage(t, state.error.code) ?? state.error.message,
          })}
        </Alert>
      )}
      {state.report && (
        <Alert tone="success">
          <p data-testid="ha-report">
            {t('exporters.ha.done', {
              mode: state.report.mode === 'full' ? t('exporters.ha.modeFull') : t('exporters.ha.modeIncremental'),
              consumption: number(state.report.consumption),
              cost: number(state.report.cost),
              production: number(state.report.production),
            })}
          </p>
          {state.report.meters
            .filter((meter) => meter.skipped_days.length > 0)
            .map((meter) => (
              <p key={meter.usage_point_id} className="mt-1">
                {t('exporters.ha.skipped', {
                  meter: meter.usage_point_id,
                  reasons: meter.skipped_days.map((entry) => `${entry.reason} (${entry.dates.length})`).join(', '),
                })}
              </p>
            ))}
        </Alert>
      )}
      {state.report && state.report.series.length > 0 && (
        <StatisticsTable
          caption={t('exporters.ha.series')}
          headers={[
            t('exporters.ha.seriesId'),
            t('exporters.ha.hours'),
            t('exporters.ha.rowsSent'),
            t('exporters.ha.lastSum'),
          ]}
          rows={state.report.series.map((series) => [
            series.statistic_id,
            number(series.hours),
            number(series.rows_sent),
            `${series.last_sum.toLocaleString(language, { maximumFractionDigits: 2 })} ${series.unit}`,
          ])}
        />
      )}
      <h3 className="font-semibold">{t('exporters.ha.held')}</h3>
      {held.error && (
        <Alert tone="error" title={t('exporters.ha.heldFailed')}>
          {errorMessage(t, held.error)}
        </Alert>
      )}
      {held.data?.statistics.length === 0 && <p className="text-sm">{t('exporters.ha.heldNone')}</p>}
      {held.data && held.data.statistics.length > 0 && (
        <StatisticsTable
          caption={t('exporters.ha.held')}
          headers={[t('exporters.ha.seriesId'), t('exporters.ha.unit')]}
          rows={held.data.statistics.map((item) => [item.statistic_id, item.unit ?? ''])}
          testId="ha-held"
        />
      )}
    </>
  );
}

function StatisticsTable({
  caption,
  headers,
  rows,
  testId,
}: {
  caption: string;
  headers: string[];
  rows: string[][];
  testId?: string;
}) {
  return (
    <div className="max-h-96 overflow-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className={cellClass}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]}>
              {row.map((cell, index) => (
                <td key={index} className={`${cellClass} ${index === 0 ? 'break-all' : ''}`}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
