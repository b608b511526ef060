import type { CostsTranslation } from './costs.fr.ts';

// English strings of the consumption in euros page; same keys as costs.fr.ts.
export const enCosts: CostsTranslation = {
  costs: {
    nav: 'Costs (€)',
    title: 'Consumption in euros',
    intro:
      'What your consumption cost with the offer chosen for the meter, to the half-hour and at the price in force each day (taxes included).',
    empty: 'No consumption meter: add one from the dashboard.',
    period: 'Period',
    periods: {
      rolling: 'Last 12 months',
      year: 'Year {{year}}',
    },
    partialPeriod: 'Shortened period: from {{start}} to {{end}} (Enedis history, meter start, data up to yesterday).',
    range: 'From {{start}} to {{end}} ({{count}} days)',
    offer: 'Offer: {{offer}}',
    changeOffer: 'Change the offer on the dashboard',
    chooseOffer: 'Choose the offer on the dashboard',
    loading: 'Pricing… (the first time, the load curve is read from Enedis)',
    total: 'Total incl. taxes',
    energy: 'Energy',
    subscription: 'Subscription',
    kwh: 'Consumption',
    kwhValue: '{{value}} kWh',
    days: 'Days',
    byBand: 'By band',
    bandLine: '{{kwh}} kWh: {{eur}}',
    years: {
      title: 'Year by year',
      failed: 'Unavailable',
      partial: 'partial: {{start}} → {{end}}',
    },
    months: {
      title: 'Month by month',
      description: 'Subscription and energy by band; a vertical line marks each price change.',
      chart: 'Cost month by month, in euros',
    },
    daysChart: {
      title: 'Day by day',
      month: 'Month',
      chart: 'Cost day by day, in euros',
    },
    priceChange: 'New prices on {{date}}',
    priceChanges_one: '{{count}} price change in the period: {{dates}}.',
    priceChanges_other: '{{count}} price changes in the period: {{dates}}.',
    partialMonths: 'Incomplete months (hatched): {{months}}.',
    records: {
      title: 'Prices used',
      caption: 'Price grids used for the period',
      record: 'Grid',
      validity: 'Validity',
      used: 'Used',
      usedRange: '{{first}} → {{last}} ({{count}} days)',
      prices: 'Prices',
    },
    estimates: {
      title: 'Some amounts are estimates',
      dates_one: '{{count}} day concerned',
      dates_other: '{{count}} days concerned',
      reasons: {
        HC_WINDOWS_UNKNOWN:
          'The meter’s off-peak windows are unknown: the default off-peak hours (22:00–06:00) are used.',
        TEMPO_COLOUR_UNKNOWN: 'The Tempo colour of some days is not published: they count as blue.',
        EJP_CALENDAR_MISSING: 'The EJP peak-day calendar is not published: no peak day is counted.',
        ZEN_FLEX_CALENDAR_MISSING: 'The Zen Flex sobriety-day calendar is not published: every day counts as eco.',
        DAILY_DATA_SPLIT:
          'Without a load curve, the day’s consumption is split between bands by the hours: an estimate.',
        INCOMPLETE_CURVE: 'The load curve of some days is incomplete: the day’s total is used.',
        NO_CONSUMPTION_DATA: 'No reading for some days: only the subscription counts there.',
        PRICE_RECORD_MAY_BE_OUTDATED: 'The prices used may be out of date (uncertain source).',
      },
    },
    download: {
      month: 'Month',
      date: 'Date',
      record: 'Price grid',
    },
  },
};
