import type { RteTranslation } from './fr.rte.ts';

// English strings of the RTE pages; same keys as fr.rte.ts (checked by the type and keys.test.ts).
export const enRte: RteTranslation = {
  rte: {
    nav: {
      tempo: 'Tempo',
      ecowatt: 'EcoWatt',
      france: 'France',
    },
    common: {
      source: 'Public data from RTE, refreshed automatically every 5 minutes.',
      waiting: 'RTE data is not available yet: the server is fetching it. This page fills in by itself.',
      stale: 'The data shown dates from {{time}}: the last refresh failed, another attempt will follow automatically.',
    },
    tempo: {
      title: 'Tempo',
      intro:
        'The colour of the days of the Tempo tariff, published by RTE: each season (1 September to 31 August) has 300 blue, 43 white and 22 red days.',
      dayRule:
        'A Tempo day runs from 06:00 to 06:00 the next day: before 6 in the morning, the previous day’s colour still applies.',
      colours: {
        BLUE: 'Blue',
        WHITE: 'White',
        RED: 'Red',
        unknown: 'Not published',
      },
      now: {
        title: 'In force now',
        range: 'From {{start}} to {{end}}',
        today: 'Today',
        tomorrow: 'Tomorrow',
        tomorrowPending: 'Not published yet: RTE announces the next day’s colour late in the morning.',
        todayPending: 'Not published yet.',
        billedFrom: 'Applies from 06:00 that day to 06:00 the next day.',
      },
      balance: {
        title: 'Days left in the {{season}} season',
        used: 'Used: {{count}}',
        remaining: 'left out of {{quota}}',
        progress: '{{colour}}: {{used}} days used out of {{quota}}',
        total: '{{count}} days of the season are still to be coloured.',
        day: 'Day {{day}} of {{days}} of the season.',
      },
      forecast: {
        title: 'Forecast for the next days',
        intro:
          'MyElectricalData’s estimate from RTE’s consumption and generation forecasts and the thresholds of RTE’s method. Only the colour published by RTE is authoritative.',
        published: 'Published by RTE',
        estimate: 'Estimate',
        noData: 'Estimate without a consumption forecast',
        mostLikely: 'Most likely: {{colour}}',
        probabilities: 'Probabilities',
        empty: 'No forecast at the moment.',
      },
      calendar: {
        title: 'Season calendar',
        selector: 'Season shown',
        season: 'Season {{season}}',
        current: 'current',
        monthCounts: 'Blue:\u00a0{{blue}} · White:\u00a0{{white}} · Red:\u00a0{{red}}',
        seasonCounts: 'Published days: {{count}} — blue: {{blue}}, white: {{white}}, red: {{red}}.',
        dayLabel: '{{date}}: {{colour}}',
        dayLabelToday: '{{date}} (today): {{colour}}',
        legend: 'Legend',
        empty: 'No published day for this season.',
      },
    },
    ecowatt: {
      title: 'EcoWatt',
      intro:
        'RTE’s EcoWatt signal tells, hour by hour, how tight the power system is. When it turns orange or red, using less electricity helps avoid power cuts.',
      day: {
        '1': 'Green',
        '2': 'Orange',
        '3': 'Red',
      },
      dayMeaning: {
        '1': 'No alert: normal consumption.',
        '2': 'Tight power system: energy-saving actions are welcome.',
        '3': 'Very tight power system: power cuts are unavoidable unless consumption drops.',
      },
      hour: {
        '0': 'Green, low-carbon generation',
        '1': 'Green',
        '2': 'Orange',
        '3': 'Red',
      },
      today: 'Today',
      todayMissing: 'Today’s signal is not available yet.',
      next: 'The next days',
      nextMissing: 'The next days are not published yet.',
      hours: 'Hour by hour',
      hourCell: '{{from}}–{{to}}: {{level}}',
      run: '{{from}}–{{to}}: {{level}}',
      rteMessage: 'RTE’s message (in French): “{{message}}”',
      generatedAt: 'Published by RTE on {{date}}.',
      legend: 'Legend',
      stats: {
        title: 'Year {{year}} so far',
        intro: 'Over the {{count}} days of {{year}} known to MyElectricalData (forecasts included).',
        share: '{{level}}: {{count}} days ({{percent}})',
        empty: 'No known day for this year.',
      },
    },
    france: {
      title: 'Electricity in France',
      intro:
        'National consumption, measured and forecast, and the solar and wind generation forecast, published by RTE.',
      now: {
        current: 'Consumption now',
        at: 'Measured at {{time}}',
        none: 'No measurement in the last two hours.',
        peak: 'Today’s peak',
        peakAt: 'Around {{time}} (measured, then forecast)',
        noPeak: 'No data for today yet.',
        noMix: 'No forecast for this half-hour.',
        renewable: 'Solar + wind',
        renewableDetail: 'Solar {{solar}} · wind {{wind}} (forecast)',
      },
      series: {
        realised: 'Measured',
        intraday: 'Same-day forecast',
        dayAhead: 'D-1 forecast',
        twoDaysAhead: 'D-2 forecast',
      },
      consumption: {
        title: 'National consumption',
        intro:
          'Per quarter-hour, from yesterday to tomorrow: the measurement and RTE’s forecasts made the same day, the day before (D-1) and two days before (D-2).',
        aria: 'National consumption from {{start}} to {{end}}, in GW: measured and forecasts. Latest measured value: {{current}}.',
        empty: 'No consumption data yet: the chart will show here as soon as the server has received it from RTE.',
        now: 'Now',
        start: 'Slot start',
      },
      mix: {
        title: 'Solar and wind generation forecast',
        intro: 'RTE’s same-day forecast, per half-hour; wind includes onshore and offshore.',
        solar: 'Solar',
        wind: 'Wind',
        aria: 'Solar and wind generation forecast from {{start}} to {{end}}, in GW, stacked. Peak: {{peak}}.',
        empty: 'No generation forecast yet: the chart will show here as soon as the server has received it from RTE.',
      },
    },
  },
};
