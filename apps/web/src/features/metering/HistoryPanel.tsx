import { useTranslation } from 'react-i18next';
import type { MeteringChunks } from '../../hooks/useMeteringChunks.ts';
import { Button } from '../../components/ui/Button.tsx';
import { formatDay } from './format.ts';
import { LoadError } from './LoadError.tsx';

export interface NamedLoad {
  name: string;
  load: MeteringChunks;
}

interface HistoryPanelProps {
  intro: string;
  loads: readonly NamedLoad[];
  requested: boolean;
  onRequest: () => void;
}

/**
 * "Fetch my history": the button, one progress bar per dataset (calls done / planned, so the bar moves
 * at each answer), the quota / Enedis errors with what to do, and the days Enedis had no data for.
 */
export function HistoryPanel({ intro, loads, requested, onRequest }: HistoryPanelProps) {
  const { t, i18n } = useTranslation();
  const failed = loads.find((entry) => entry.load.error !== null);
  const missing = [...new Set(loads.flatMap((entry) => entry.load.missingDates))].sort();
  const busy = loads.some((entry) => entry.load.busy);
  return (
    <section
      aria-labelledby="history-title"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <h2 id="history-title" className="text-lg font-semibold">
            {t('metering.history.title')}
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{intro}</p>
        </div>
        <Button onClick={onRequest} disabled={requested} className="w-full sm:w-auto">
          {requested ? t('metering.history.requested') : t('metering.history.button')}
        </Button>
      </div>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-live="polite" aria-busy={busy}>
        {loads.map(({ name, load }) => {
          const label = t('metering.history.progressLabel', { name, done: load.done, total: load.total });
          return (
            <li key={name} className="min-w-0 text-sm">
              <div className="flex justify-between gap-2">
                <span className="truncate">{name}</span>
                <span className="shrink-0 tabular-nums text-slate-600 dark:text-slate-400">
                  {load.total === 0
                    ? t('metering.history.onRequest')
                    : load.done === load.total
                      ? t('metering.history.done')
                      : `${load.done}/${load.total}`}
                </span>
              </div>
              {load.total > 0 && (
                <progress
                  className="mt-1 h-2 w-full accent-sky-600"
                  max={load.total}
                  value={load.done}
                  aria-label={label}
                />
              )}
            </li>
          );
        })}
      </ul>
      {failed && (
        <div className="mt-4">
          <LoadError
            error={failed.load.error}
            errorAt={failed.load.errorAt}
            onRetry={() => loads.forEach((entry) => entry.load.retry())}
          />
        </div>
      )}
      {missing.length > 0 && (
        <p className="mt-3 text-sm text-amber-800 dark:text-amber-200">
          {t('metering.history.partial', {
            count: missing.length,
            example: formatDay(missing.at(-1) ?? '', i18n.language, false),
          })}
        </p>
      )}
    </section>
  );
}
