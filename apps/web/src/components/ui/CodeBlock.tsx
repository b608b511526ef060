import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton.tsx';

/** A shell example that scrolls sideways on a phone instead of widening the page. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  const { t } = useTranslation();
  return (
    <figure className="mt-3">
      <figcaption className="mb-1 flex items-center justify-between gap-2 text-xs font-medium text-slate-500 dark:text-slate-400">
        <span>{label}</span>
        <CopyButton value={code} label={`${t('common.copy')} : ${label}`} />
      </figcaption>
      {/* Focusable: a keyboard user scrolls a long line with the arrow keys. */}
      <pre
        tabIndex={0}
        aria-label={label}
        className="max-w-full overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100 dark:bg-black/60"
      >
        <code>{code}</code>
      </pre>
    </figure>
  );
}
