import type { MeteringTranslation } from './fr.metering.ts';

// English strings of the Enedis part; same keys as fr.metering.ts (checked by the type and keys.test.ts).
export const enMetering: MeteringTranslation = {
  metering: {
    nav: {
      consumption: 'Consumption',
      production: 'Production',
      balance: 'Balance',
    },
    demo: {
      button: 'Try the demo',
      loading: 'Opening the demo…',
      hint: 'Read-only demo account with three simulated meters.',
    },
    card: {
      refreshContract: 'Refresh contract',
      refreshing: 'Reading from Enedis…',
      refreshed: 'Contract read again from Enedis.',
      type: 'Type',
      typeConsumption: 'Consumption',
      typeProduction: 'Production',
      typeBoth: 'Consumption and production',
      typeUnknown: 'Not determined',
      offpeakDefault: 'Not provided (22:00–06:00 used by default)',
      linkLabel: 'Linked production',
      linkNone: 'None',
      linkHint: 'Link this home’s production meter to get its balance.',
      viewConsumption: 'View consumption',
      viewProduction: 'View production',
      viewBalance: 'View balance',
    },
    picker: {
      label: 'Delivery point',
    },
    empty: {
      consumption: 'No active delivery point measures consumption.',
      production: 'No active delivery point measures production.',
      balance:
        'The balance needs a delivery point that measures both consumption and production, or a consumption meter linked to a production meter (from the dashboard).',
      toDashboard: 'Go to the dashboard',
    },
    history: {
      title: 'History',
      intro:
        'The last two years of daily data load automatically. Fetch the whole history Enedis keeps: 3 years of daily data and maximum power, 2 years of load curve (one request per quarter).',
      introProduction:
        'The last two years of daily production load automatically. Fetch the whole history Enedis keeps: 3 years of daily production and 2 years of load curve (one request per quarter).',
      introBalance:
        'Without detailed history, self-consumption is estimated day by day. Fetch the load curve of both directions (2 years, one request per quarter and direction) for a 30-minute estimate.',
      button: 'Fetch my whole history',
      requested: 'History requested',
      progressLabel: '{{name}}: {{done}} of {{total}}',
      done: 'Done',
      onRequest: 'On request',
      maxPower: 'Maximum power',
      consumptionDaily: 'Daily consumption',
      productionDaily: 'Daily production',
      consumptionCurve: 'Consumption curve',
      productionCurve: 'Production curve',
      partial_one:
        '{{count}} day without data at Enedis ({{example}}). Enedis publishes the previous day around 8 am; some days arrive later or are missing.',
      partial_other:
        '{{count}} days without data at Enedis (for example {{example}}). Enedis publishes the previous day around 8 am; some days arrive later or are missing.',
      quota:
        'Daily request quota reached. It resets at midnight (Paris time), that is {{resetAt}}. Data already loaded stays on screen.',
      unavailable:
        'Enedis is temporarily unavailable or overloaded. Wait a few minutes, then click “Try again”: only the missing periods will be requested.',
      retry: 'Try again',
    },
    common: {
      loadingData: 'Loading data…',
      download: 'Download',
      downloadAs: 'Download “{{title}}” as {{format}}',
      year: 'Year',
      month: 'Month',
      date: 'Date',
      time: 'Time',
      days: 'Days with data',
      firstDate: 'First day',
      lastDate: 'Last day',
      energyKwh: 'Energy (kWh)',
      powerW: 'Average power (W)',
      energyWh: 'Energy (Wh)',
      start: 'Interval start',
      change: 'Change (%)',
      partialLegend: 'Incomplete period (hatched)',
      partialDays_one: 'partial: {{count}} day of {{total}}',
      partialDays_other: 'partial: {{count}} days of {{total}}',
    },
    years: {
      title: 'Totals per year',
      titleProduction: 'Production per year',
      rolling: 'Last 12 months',
      rollingHint: 'from {{start}} to {{end}}',
      change: '{{change}} against {{previous}}',
      sameDays_one: '{{change}} against {{previous}}, on the same day',
      sameDays_other: '{{change}} against {{previous}}, on the same {{count}} days',
    },
    monthly: {
      title: 'Month by month: {{year}} and {{previous}}',
      yearLabel: 'Year shown',
      current: '{{year}} (kWh)',
      previous: '{{year}} (kWh)',
      aria: 'Monthly bar chart: {{year}} compared with {{previous}}. {{year}} total: {{total}}.',
      sameDays_one:
        '{{month}}: compared on the only day present in both {{year}} and {{previous}}, not the whole month.',
      sameDays_other:
        '{{month}}: compared on the {{count}} days present in both {{year}} and {{previous}}, not the whole month.',
      unmatched: '{{month}}: no day in common between {{year}} and {{previous}}, the two bars do not compare.',
      sameDaysTooltip_one: 'partial: the same day as the other year',
      sameDaysTooltip_other: 'partial: the same {{count}} days as the other year',
      comparedDays: 'Days compared',
    },
    daily: {
      title: 'Day by day',
      hint: 'Click a bar to show that day’s load curve.',
      aria_one: 'Daily bar chart from {{start}} to {{end}}, {{count}} day, total {{total}}.',
      aria_other: 'Daily bar chart from {{start}} to {{end}}, {{count}} days, total {{total}}.',
    },
    curve: {
      title: 'Load curve (30-minute steps)',
      mode: 'Display',
      day: 'Day',
      week: 'Week',
      all: 'All',
      previous: 'Previous period',
      next: 'Next period',
      latest: 'Latest available day',
      dateLabel: 'Date shown',
      overlays: 'Compare with',
      previousWeek: 'the previous week',
      previousYear: 'the previous year (same weekday, 52 weeks earlier)',
      seriesCurrent: 'Average power (W)',
      seriesPreviousWeek: 'Previous week (W)',
      seriesPreviousYear: 'Previous year (W)',
      total: 'Period total: {{total}}',
      split: 'Off-peak: {{hc}} · peak: {{hp}}',
      period: 'From {{start}} to {{end}}',
      noCurve:
        'No load curve for this period. It only exists if hourly collection is enabled in your Enedis customer account (24 months at most).',
      aria_one: 'Load curve from {{start}} to {{end}}, {{count}} reading, total {{total}}.',
      aria_other: 'Load curve from {{start}} to {{end}}, {{count}} readings, total {{total}}.',
      partialDay_one: 'Incomplete day: {{count}} reading of {{total}}.',
      partialDay_other: 'Incomplete day: {{count}} readings of {{total}}.',
      partialWeek_one: 'Incomplete week: {{count}} complete day of {{total}}.',
      partialWeek_other: 'Incomplete week: {{count}} complete days of {{total}}.',
      allHint: 'The last two years of load curve, loaded quarter by quarter, newest first.',
      overview:
        'Overview: {{readings}} readings reduced to {{points}} points (the minimum and maximum of each interval, peaks included). Zoom in to see every half-hour.',
      timesNote: 'Paris time, start of each half-hour.',
    },
    offpeak: {
      title: 'Off-peak / peak hours',
      hc: 'Off-peak hours (kWh)',
      hp: 'Peak hours (kWh)',
      share: 'Off-peak share (%)',
      rangesContract: 'Ranges of your contract: {{ranges}}.',
      rangesDefault: 'Default ranges: {{ranges}} (your contract does not state any).',
      basis_one:
        'Computed from the loaded load curve ({{count}} day), by the Paris time of the start of each half-hour. Fetch the history to cover 2 years.',
      basis_other:
        'Computed from the loaded load curve ({{count}} days), by the Paris time of the start of each half-hour. Fetch the history to cover 2 years.',
      totals: 'Over this period: {{hc}} off-peak ({{share}}), {{hp}} peak.',
      aria_one: 'Off-peak and peak energy per month, {{count}} month.',
      aria_other: 'Off-peak and peak energy per month, {{count}} months.',
      noFullMonth_one:
        'No monthly chart: the loaded load curve covers {{count}} day, and a “monthly” bar made of a single day compares with no month. Fetch the history to get whole months.',
      noFullMonth_other:
        'No monthly chart: the loaded load curve covers {{count}} days, no whole month, and “monthly” bars made of a few days do not compare with months. Fetch the history to get whole months.',
      noCurve: 'The split needs the load curve, which is not available for now.',
    },
    maxPower: {
      title: 'Maximum power reached',
      series: 'Max. power (VA)',
      subscribed: 'Subscribed power ({{kva}} kVA)',
      subscribedColumn: 'Subscribed power (VA)',
      noSubscribed: 'Subscribed power unknown: refresh the contract from the dashboard.',
      summary:
        'Peak of the period: {{value}} VA on {{date}} at {{time}}. Days above 90% of the subscription: {{count}}.',
      aria_one: 'Daily maximum power, {{count}} day, peak {{value}} VA, subscription {{subscribed}}.',
      aria_other: 'Daily maximum power, {{count}} days, peak {{value}} VA, subscription {{subscribed}}.',
    },
    consumption: {
      title: 'Consumption',
      intro:
        'Your consumption as measured by the Linky meter: totals, comparison with the previous year, load curve and maximum power.',
    },
    production: {
      title: 'Production',
      intro: 'The energy your installation produced, as measured by the meter: totals, day by day and load curve.',
    },
    balance: {
      title: 'Consumption / production balance',
      intro: 'What you produce against what you consume, month by month, and an estimate of your self-consumption.',
      pairLabel: 'Home',
      pairOwn: '{{name}} (consumption and production)',
      pairLinked: '{{consumption}} + {{production}}',
      yearLabel: 'Period',
      allYears: 'All data',
      consumption: 'Consumption',
      production: 'Production',
      net: 'Net balance (production minus consumption)',
      netShort: 'Net balance',
      selfConsumed: 'Estimated self-consumption',
      selfConsumptionRate: 'Self-consumption rate',
      selfConsumptionHint: 'share of the production used on site',
      selfSufficiencyRate: 'Self-sufficiency rate',
      selfSufficiencyHint: 'share of the consumption covered by the production',
      methodSlots_one:
        'Estimated in 30-minute steps from the load curves ({{count}} day): for each half-hour, the smaller of the two values (consumption or production) counts as self-consumed.',
      methodSlots_other:
        'Estimated in 30-minute steps from the load curves ({{count}} days): for each half-hour, the smaller of the two values (consumption or production) counts as self-consumed.',
      methodDays_one:
        'Estimated day by day ({{count}} day): for each day, the smaller of the two values (consumption or production) counts as self-consumed. Without load curves this over-estimates self-consumption (noon production does not cover evening consumption).',
      methodDays_other:
        'Estimated day by day ({{count}} days): for each day, the smaller of the two values (consumption or production) counts as self-consumed. Without load curves this over-estimates self-consumption (noon production does not cover evening consumption).',
      methodMixed:
        'Estimated in 30-minute steps where both load curves exist, day by day elsewhere. Days in 30-minute steps: {{slotDays}}; days estimated day by day: {{dayDays}}.',
      caveat:
        'Enedis only sees what crosses the meter: if your production is metered as surplus (injection), the self-consumed part does not appear and the real rate is higher.',
      chartTitle: 'Consumption and production per month',
      chartAria_one: 'Consumption and production per month, {{count}} month, net balance {{net}}.',
      chartAria_other: 'Consumption and production per month, {{count}} months, net balance {{net}}.',
      days: 'Days compared: {{count}}',
      methodColumn: 'Method (“slots”: 30-minute steps, “days”: day by day)',
      noOverlap: 'No day has both consumption and production data.',
    },
  },
};
