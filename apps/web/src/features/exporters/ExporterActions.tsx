import type { Exporter } from '@med/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { useDeleteExporter, useReadBack, useRunExporter, useTestExporter } from './useExporters.ts';

const cellClass = 'border-b border-slate-200 px-2 py-1 align-top dark:border-slate-800';

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Connection test, run now (with its report), read-back of the destination, and deletion with confirmation. */
export function ExporterActions({ exporter }: { exporter: Exporter }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const test = useTestExporter(exporter.id);
  const run = useRunExporter(exporter.id);
  const readBack = useReadBack(exporter.id);
  const remove = useDeleteExporter(exporter.id);
  const [confirming, setConfirming] = useState(false);
  const failure = test.error ?? run.error ?? readBack.error ?? remove.error;
  return (
    <section
      aria-labelledby="exporter-actions"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="exporter-actions" className="text-lg font-semibold">
        {t('exporters.actions.title')}
      </h2>
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => test.mutate()} disabled={test.isPending}>
          {test.isPending ? t('exporters.actions.testing') : t('exporters.actions.test')}
        </Button>
        <Button onClick={() => run.mutate()} disabled={run.isPending}>
          {run.isPending ? t('exporters.actions.running') : t('exporters.actions.run')}
        </Button>
        <Button variant="secondary" onClick={() => readBack.mutate()} disabled={readBack.isPending}>
          {readBack.isPending ? t('exporters.actions.reading') : t('exporters.actions.readBack')}
        </Button>
        <Button variant="danger" onClick={() => setConfirming(true)}>
          {t('exporters.actions.delete')}
        </Button>
      </div>
      {confirming && (
        <Alert tone="warning">
          <p>{t('exporters.actions.confirmDelete', { name: exporter.name })}</p>
          <div className="mt-2 flex flex-wrap gap-3">
            <Button
              variant="danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: () => void navigate('/exporters') })}
            >
              {t('exporters.actions.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </Alert>
      )}
      {failure && (
        <Alert tone="error" title={t('exporters.actions.failed')}>
          {errorMessage(t, failure)}
        </Alert>
      )}
      {test.data && (
        <Alert tone={test.data.success ? 'success' : 'error'}>
          {test.data.success
            ? t('exporters.actions.testOk', { ms: test.data.duration_ms, message: test.data.message })
            : t('exporters.actions.testFailed', { message: test.data.message })}
        </Alert>
      )}
      {run.data && (
        <Alert tone={run.data.status === 'success' ? 'success' : 'error'}>
          <p>
            {run.data.status === 'success'
              ? t('exporters.actions.runOk', { summary: run.data.summary })
              : t('exporters.actions.runFailed', { error: run.data.error ?? run.data.summary })}
          </p>
          {Object.keys(run.data.counts).length > 0 && (
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4" aria-label={t('exporters.actions.counts')}>
              {Object.entries(run.data.counts).map(([kind, count]) => (
                <div key={kind} className="contents">
                  <dt>{kind}</dt>
                  <dd data-count={kind}>{count}</dd>
                </div>
              ))}
            </dl>
          )}
        </Alert>
      )}
      {readBack.data && (
        <div>
          <h3 className="font-semibold">{t('exporters.actions.readBackTitle')}</h3>
          {readBack.data.notes.map((note) => (
            <p key={note} className="text-sm text-slate-600 dark:text-slate-400">
              {note}
            </p>
          ))}
          {readBack.data.items.length === 0 ? (
            <p className="text-sm">{t('exporters.actions.empty')}</p>
          ) : (
            <div
              className="mt-2 max-h-96 overflow-auto"
              tabIndex={0}
              role="region"
              aria-label={t('exporters.actions.readBackTitle')}
            >
              <table className="w-full text-left text-sm" data-testid="read-back">
                <thead>
                  <tr>
                    <th scope="col" className={cellClass}>
                      {t('exporters.actions.group')}
                    </th>
                    <th scope="col" className={cellClass}>
                      {t('exporters.actions.key')}
                    </th>
                    <th scope="col" className={cellClass}>
                      {t('exporters.actions.value')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {readBack.data.items.map((item) => (
                    <tr key={`${item.group ?? ''}|${item.key}`}>
                      <td className={cellClass}>{item.group ?? ''}</td>
                      <td className={`${cellClass} break-all`}>{item.key}</td>
                      <td className={`${cellClass} break-all`}>{valueText(item.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
