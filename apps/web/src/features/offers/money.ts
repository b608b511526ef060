/** Euro amounts in the page language: totals to the cent, kWh prices to the data set's 4 decimals. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(language: string, kind: 'amount' | 'unitPrice'): Intl.NumberFormat {
  const key = `${language}:${kind}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: 2,
      maximumFractionDigits: kind === 'amount' ? 2 : 4,
    });
    formatters.set(key, cached);
  }
  return cached;
}

export function formatEuros(value: number, language: string): string {
  return formatter(language, 'amount').format(value);
}

/** A price per kWh or per month as the catalogue gives it (up to 4 decimals, never rounded to the cent). */
export function formatUnitPrice(value: number, language: string): string {
  return formatter(language, 'unitPrice').format(value);
}
