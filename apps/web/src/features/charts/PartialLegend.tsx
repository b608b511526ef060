import { useTranslation } from 'react-i18next';

/**
 * The key to hatched bars, in the page rather than in the canvas: it is read by screen readers, never
 * paged away by a scrolling chart legend on a phone, and it says in words what the hatching means.
 */
export function PartialLegend({ notes = [] }: { notes?: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <div className="mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="partial-legend">
      <p className="flex items-center gap-2">
        <span
          aria-hidden="true"
          className="inline-block size-4 shrink-0 rounded-sm bg-slate-400 opacity-60 dark:bg-slate-500"
          style={{
            backgroundImage:
              'repeating-linear-gradient(-45deg, rgba(255, 255, 255, 0.7) 0 1.5px, transparent 1.5px 5px)',
          }}
        />
        {t('metering.common.partialLegend')}
      </p>
      {notes.length > 0 && (
        <ul className="mt-1 list-disc space-y-0.5 pl-6">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
