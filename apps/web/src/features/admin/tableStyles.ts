/** The console's tables: they scroll sideways inside their card on a phone instead of widening the page. */
export const tableWrapClass =
  'overflow-x-auto rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600';
export const tableClass = 'w-full border-collapse text-left text-sm';
export const thClass =
  'border-b border-slate-200 px-3 py-2 font-semibold whitespace-nowrap text-slate-700 dark:border-slate-700 dark:text-slate-300';
export const tdClass = 'border-b border-slate-100 px-3 py-2 align-top dark:border-slate-800';
