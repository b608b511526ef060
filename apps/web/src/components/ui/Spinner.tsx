interface SpinnerProps {
  label: string;
}

/** A spinner that says what it waits for, to screen readers as well. */
export function Spinner({ label }: SpinnerProps) {
  return (
    <div role="status" className="flex items-center gap-3 py-6 text-sm text-slate-600 dark:text-slate-300">
      <span
        aria-hidden="true"
        className="size-5 animate-spin rounded-full border-2 border-slate-300 border-t-sky-600 dark:border-slate-700 dark:border-t-sky-400"
      />
      {label}
    </div>
  );
}
