import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataTable } from '@med/core';
import { downloadName, downloadTable, type DownloadFormat } from './download.ts';

interface ChartCardProps {
  title: string;
  /** Short explanation under the title. */
  description?: ReactNode;
  /** Controls shown above the chart (selectors, navigation). */
  toolbar?: ReactNode;
  /**
   * What the chart shows, for the CSV/JSON buttons; none while there is nothing to download. A
   * `LazyTable` is built only when a button is pressed (for tables of tens of thousands of rows).
   */
  table?: DataTable | LazyTable | null;
  /** Parts of the downloaded file name (meter, chart, period). */
  fileParts?: readonly (string | null | undefined)[];
  children: ReactNode;
  id?: string;
}

const FORMATS: DownloadFormat[] = ['csv', 'json'];

/** A table built on demand, with its row count known beforehand. */
export interface LazyTable {
  rowCount: number;
  build: () => DataTable;
}

function isLazy(table: DataTable | LazyTable): table is LazyTable {
  return 'build' in table;
}

/** A titled card for one chart, with downloads of exactly what it shows. */
export function ChartCard({ title, description, toolbar, table, fileParts = [], children, id }: ChartCardProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const canDownload = table !== undefined && table !== null && (isLazy(table) ? table.rowCount : table.rows.length) > 0;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={headingId} className="min-w-0 text-lg font-semibold">
          {title}
        </h2>
        {canDownload && (
          <div role="group" aria-label={t('metering.common.download')} className="flex gap-1">
            {FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                className="min-h-9 rounded-md border border-slate-300 px-2.5 text-xs font-semibold uppercase text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
                aria-label={t('metering.common.downloadAs', { title, format: format.toUpperCase() })}
                onClick={() =>
                  downloadTable(
                    isLazy(table) ? table.build() : table,
                    downloadName(['myelectricaldata', ...fileParts], format),
                    format,
                    i18n.language,
                  )
                }
              >
                {format}
              </button>
            ))}
          </div>
        )}
      </div>
      {description && <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</div>}
      {toolbar && <div className="mt-3">{toolbar}</div>}
      <div className="mt-3 min-w-0">{children}</div>
    </section>
  );
}
