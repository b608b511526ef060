const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

function toLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'fr-FR';
}

/**
 * A calendar date ("2017-07-15") or an instant, as a long date. A bare date has no time zone, so it is
 * formatted as-is (in UTC) rather than shifted by the browser's offset into the previous day.
 */
export function formatDate(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(toLocale(language), {
    dateStyle: 'long',
    ...(dateOnly.test(value) ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** An instant as date and time in the browser's time zone. */
export function formatDateTime(value: string, language: string, timeZone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(toLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

export function formatInteger(value: number, language: string): string {
  return new Intl.NumberFormat(toLocale(language), { maximumFractionDigits: 0 }).format(value);
}

/** "22:00-06:00" → "22:00–06:00" (an en dash reads as a range). */
export function formatOffpeakRange(range: string): string {
  return range.replace('-', '–');
}
