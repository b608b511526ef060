import type { MeteringTranslation } from './fr.metering.ts';

// English strings of the Enedis part; same keys as fr.metering.ts (checked by the type and keys.test.ts).
export const enMetering: MeteringTranslation = {
  metering: {
    nav: {
      consumption: 'Consumption',
      production: 'Production',
      balance: 'Balance',
    },
    consent: {
      title: 'Enedis consent',
      text: 'For MyElectricalData to read your measurements, give your consent on the Enedis website. Tick the meters to share: they will be added to your dashboard. Consent lasts 3 years and can be withdrawn at any time from your Enedis customer account.',
      button: 'Give my consent on the Enedis website',
      redirecting: 'Opening the Enedis website…',
      demoReadOnly: 'The demo account cannot give consent: create an account to connect your own meters.',
      dismiss: 'Close this message',
      success: {
        title: 'Consent recorded',
        text: 'Delivery points authorised: {{count}} ({{created}} added to your account). Their contract is being read from Enedis; your data is available under Consumption and Production.',
      },
      errors: {
        title: 'Consent did not go through',
        partialTitle: 'Some meters were not added',
        invalid_state:
          'The request expired (it is valid for 10 minutes) or was completed in another session. Start the consent again from this dashboard, in the same browser.',
        access_denied:
          'You declined sharing on the Enedis website: no data is read. You can start again whenever you like.',
        invalid_pdl:
          'Enedis returned no valid delivery point number. Start the consent again and tick at least one meter.',
        pdl_already_exists:
          'These delivery points already belong to another MyElectricalData account. Log in to that account and delete them there before trying again, or contact us if you did not add them.',
        pdl_already_exists_partial:
          '{{count}} delivery point(s) already belong to another MyElectricalData account and were not added. Delete them from the other account, then start the consent again.',
        enedis_error:
          'Enedis reported an error during consent. Try again in a few minutes; if it persists, check the Enedis service status page.',
        unknown: 'Consent failed for an unknown reason. Try again; if it persists, contact us.',
      },
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
      partial:
        '{{count}} day(s) without data at Enedis (for example {{example}}). Enedis publishes the previous day around 8 am; some days arrive later or are missing.',
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
      partialYear: 'partial: {{days}} of {{total}} days',
    },
    years: {
      title: 'Totals per year',
      titleProduction: 'Production per year',
      rolling: 'Last 12 months',
      rollingHint: 'from {{start}} to {{end}}',
    },
    monthly: {
      title: 'Month by month: {{year}} and {{previous}}',
      yearLabel: 'Year shown',
      current: '{{year}} (kWh)',
      previous: '{{year}} (kWh)',
      aria: 'Monthly bar chart: {{year}} compared with {{previous}}. {{year}} total: {{total}}.',
    },
    daily: {
      title: 'Day by day',
      hint: 'Click a bar to show that day’s load curve.',
      aria: 'Daily bar chart from {{start}} to {{end}}, {{count}} days, total {{total}}.',
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
      aria: 'Load curve from {{start}} to {{end}}, {{count}} readings, total {{total}}.',
      timesNote: 'Paris time, start of each half-hour.',
    },
    offpeak: {
      title: 'Off-peak / peak hours',
      hc: 'Off-peak hours (kWh)',
      hp: 'Peak hours (kWh)',
      share: 'Off-peak share (%)',
      rangesContract: 'Ranges of your contract: {{ranges}}.',
      rangesDefault: 'Default ranges: {{ranges}} (your contract does not state any).',
      basis:
        'Computed from the loaded load curve ({{days}} days), by the Paris time of the start of each half-hour. Fetch the history to cover 2 years.',
      totals: 'Over this period: {{hc}} off-peak ({{share}}), {{hp}} peak.',
      aria: 'Off-peak and peak energy per month, {{count}} months.',
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
      aria: 'Daily maximum power, {{count}} days, peak {{value}} VA, subscription {{subscribed}}.',
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
      net: 'Net balance (production − consumption)',
      netShort: 'Net balance',
      selfConsumed: 'Estimated self-consumption',
      selfConsumptionRate: 'Self-consumption rate',
      selfConsumptionHint: 'share of the production used on site',
      selfSufficiencyRate: 'Self-sufficiency rate',
      selfSufficiencyHint: 'share of the consumption covered by the production',
      methodSlots:
        'Estimated in 30-minute steps from the load curves ({{days}} days): min(consumption, production) for each half-hour, divided by production.',
      methodDays:
        'Estimated day by day ({{days}} days): min(consumption, production) of each day. Without load curves this over-estimates self-consumption (noon production does not cover evening consumption).',
      methodMixed:
        'Estimated in 30-minute steps for {{slotDays}} days (curves available) and day by day for {{dayDays}} days.',
      caveat:
        'Enedis only sees what crosses the meter: if your production is metered as surplus (injection), the self-consumed part does not appear and the real rate is higher.',
      chartTitle: 'Consumption and production per month',
      chartAria: 'Consumption and production per month, {{count}} months, net balance {{net}}.',
      days: 'Days compared: {{count}}',
      methodColumn: 'Method (slots = 30 min, days = day)',
      noOverlap: 'No day has both consumption and production data.',
    },
  },
};
