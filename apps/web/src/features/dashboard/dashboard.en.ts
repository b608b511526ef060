import type { frDashboardSummary } from './dashboard.fr.ts';

export const enDashboardSummary: typeof frDashboardSummary = {
  meterSummary: {
    title: 'Your meters at a glance',
    consumption: 'Consumption',
    production: 'Production',
    yesterday: 'Yesterday',
    yesterdayMissing: 'not published yet',
    lastWeek: 'Last 7 days',
    monthToDate: 'This month',
    monthToDateRange: '{{from}} to {{to}}',
    sameDaysLastYear: 'Same days in {{year}}: {{value}}',
    change: '{{change}} year on year',
    noComparison: 'no comparison: days missing',
    sparkline: 'The last 30 days, day by day',
    loading: 'Loading the figures…',
    details: 'See the details',
  },
};
