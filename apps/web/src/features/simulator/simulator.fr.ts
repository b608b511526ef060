// Strings of the offer simulator. Merged into i18n/fr.ts; simulator.en.ts must have exactly the same keys.
export const frSimulator = {
  simulator: {
    nav: 'Simulateur',
    title: 'Simulateur d’offres',
    intro:
      'Toutes les offres du catalogue chiffrées sur votre consommation réelle, à la demi-heure près et aux prix en vigueur chaque jour, classées de la moins chère à la plus chère.',
    empty: 'Aucun point de livraison de consommation : ajoutez-en un depuis le tableau de bord.',
    form: 'Paramètres de la simulation',
    period: 'Période',
    custom: 'Période personnalisée',
    start: 'Premier jour',
    end: 'Dernier jour',
    power: 'Puissance souscrite',
    meterPower: '{{value}} kVA (celle du compteur)',
    lowConfidence: 'Inclure les offres aux prix peu sûrs',
    run: 'Comparer',
    print: 'Imprimer le rapport',
    loading: 'Calcul de toutes les offres… (la première fois, la courbe de charge est lue chez Enedis)',
    report: 'Rapport du {{date}} — compteur {{pdl}}, du {{start}} au {{end}}, {{power}} kVA',
    current: 'Votre offre actuelle : {{offer}} — {{total}}',
    noCurrent:
      'Aucune offre choisie pour ce compteur : choisissez-la sur le tableau de bord pour voir les économies possibles.',
    best: 'Meilleure économie : {{offer}}, {{saving}} de moins sur la période.',
    noSaving: 'Aucune offre n’est moins chère que la vôtre sur cette période.',
    excluded_one: '{{count}} offre aux prix peu sûrs n’est pas classée.',
    excluded_other: '{{count}} offres aux prix peu sûrs ne sont pas classées.',
    filterType: 'Option',
    allTypes: 'Toutes les options',
    table: {
      caption: 'Offres classées par coût total sur la période',
      rank: 'Rang',
      offer: 'Offre',
      total: 'Total TTC',
      energy: 'Énergie',
      subscription: 'Abonnement',
      difference: 'Écart',
      details: 'Détail',
      currentBadge: 'offre actuelle',
      estimate: 'estimation',
      show: 'Détail de {{offer}}',
    },
    detail: {
      bands: 'Par poste',
      records: 'Prix utilisés',
      estimates: 'Estimations',
    },
    unavailable: {
      title_one: '{{count}} offre ne peut pas être chiffrée sur toute la période',
      title_other: '{{count}} offres ne peuvent pas être chiffrées sur toute la période',
      POWER_UNKNOWN: 'non proposée à cette puissance',
      NO_PRICE_RECORD: 'pas de prix pour {{count}} jours',
    },
  },
};

export type SimulatorTranslation = typeof frSimulator;
