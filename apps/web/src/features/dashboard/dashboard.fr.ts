// Strings of the dashboard's first-sight figures. Merged into i18n/fr.ts; dashboard.en.ts has the same keys.
export const frDashboardSummary = {
  meterSummary: {
    title: 'Vos compteurs en un coup d’œil',
    consumption: 'Consommation',
    production: 'Production',
    yesterday: 'Hier',
    yesterdayMissing: 'pas encore publié',
    lastWeek: '7 derniers jours',
    monthToDate: 'Ce mois-ci',
    monthToDateRange: 'du {{from}} au {{to}}',
    sameDaysLastYear: 'Mêmes jours en {{year}} : {{value}}',
    change: '{{change}} sur un an',
    noComparison: 'comparaison impossible : jours manquants',
    sparkline: 'Les 30 derniers jours, jour par jour',
    loading: 'Chargement des chiffres…',
    details: 'Voir le détail',
  },
};
