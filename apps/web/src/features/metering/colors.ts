/** Series colours, readable on the light and the dark card backgrounds. */
export const SERIES_COLORS = {
  consumption: '#0ea5e9',
  production: '#f59e0b',
  previous: '#94a3b8',
  previousWeek: '#a855f7',
  previousYear: '#94a3b8',
  offpeak: '#6366f1',
  peak: '#0ea5e9',
  positive: '#10b981',
  negative: '#ef4444',
  reference: '#ef4444',
} as const;
