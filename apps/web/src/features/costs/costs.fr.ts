// Strings of the consumption in euros page. Merged into i18n/fr.ts; costs.en.ts must have exactly the
// same keys (see keys.test.ts).
export const frCosts = {
  costs: {
    nav: 'Coûts (€)',
    title: 'Consommation en euros',
    intro:
      'Le coût de votre consommation avec l’offre choisie pour le compteur, à la demi-heure près et au prix en vigueur chaque jour (TTC).',
    empty: 'Aucun point de livraison de consommation : ajoutez-en un depuis le tableau de bord.',
    period: 'Période',
    periods: {
      rolling: '12 derniers mois',
      year: 'Année {{year}}',
    },
    partialPeriod:
      'Période raccourcie : du {{start}} au {{end}} (historique Enedis, mise en service, données jusqu’à la veille).',
    range: 'Du {{start}} au {{end}} ({{count}} jours)',
    offer: 'Offre : {{offer}}',
    changeOffer: 'Changer d’offre sur le tableau de bord',
    chooseOffer: 'Choisir l’offre sur le tableau de bord',
    loading: 'Calcul du coût… (la première fois, la courbe de charge est lue chez Enedis)',
    total: 'Total TTC',
    energy: 'Énergie',
    subscription: 'Abonnement',
    kwh: 'Consommation',
    kwhValue: '{{value}} kWh',
    days: 'Jours',
    byBand: 'Par poste',
    bandLine: '{{kwh}} kWh : {{eur}}',
    years: {
      title: 'Année par année',
      failed: 'Indisponible',
      partial: 'partiel : {{start}} → {{end}}',
    },
    months: {
      title: 'Mois par mois',
      description: 'Abonnement et énergie par poste ; un trait vertical marque chaque changement de prix.',
      chart: 'Coût mois par mois, en euros',
    },
    daysChart: {
      title: 'Jour par jour',
      month: 'Mois',
      chart: 'Coût jour par jour, en euros',
    },
    priceChange: 'Nouveaux prix le {{date}}',
    priceChanges_one: '{{count}} changement de prix dans la période : {{dates}}.',
    priceChanges_other: '{{count}} changements de prix dans la période : {{dates}}.',
    partialMonths: 'Mois incomplets (hachurés) : {{months}}.',
    records: {
      title: 'Prix utilisés',
      caption: 'Grilles de prix utilisées pour la période',
      record: 'Grille',
      validity: 'Validité',
      used: 'Utilisée',
      usedRange: '{{first}} → {{last}} ({{count}} jours)',
      prices: 'Prix',
    },
    estimates: {
      title: 'Certains montants sont des estimations',
      dates_one: '{{count}} jour concerné',
      dates_other: '{{count}} jours concernés',
      reasons: {
        HC_WINDOWS_UNKNOWN:
          'Les plages d’heures creuses du compteur sont inconnues : les heures creuses par défaut (22 h – 6 h) sont utilisées.',
        TEMPO_COLOUR_UNKNOWN: 'La couleur Tempo de certains jours n’est pas publiée : ils sont comptés en bleu.',
        EJP_CALENDAR_MISSING: 'Le calendrier des jours EJP n’est pas publié : aucun jour de pointe n’est compté.',
        ZEN_FLEX_CALENDAR_MISSING:
          'Le calendrier des jours sobriété Zen Flex n’est pas publié : tous les jours sont comptés en éco.',
        DAILY_DATA_SPLIT:
          'Sans courbe de charge, la consommation du jour est répartie entre les postes selon les heures : c’est une estimation.',
        INCOMPLETE_CURVE: 'La courbe de charge de certains jours est incomplète : le total du jour est utilisé.',
        NO_CONSUMPTION_DATA: 'Aucune mesure pour certains jours : seul l’abonnement y est compté.',
        PRICE_RECORD_MAY_BE_OUTDATED: 'Les prix utilisés pourraient ne plus être à jour (source peu sûre).',
      },
    },
    download: {
      month: 'Mois',
      date: 'Date',
      record: 'Grille de prix',
    },
  },
};

export type CostsTranslation = typeof frCosts;
