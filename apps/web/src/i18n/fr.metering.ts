// Strings of the Enedis part (consumption, production, balance, charts). Merged into fr.ts.
export const frMetering = {
  metering: {
    nav: {
      consumption: 'Consommation',
      production: 'Production',
      balance: 'Bilan',
    },
    demo: {
      button: 'Essayer la démo',
      loading: 'Ouverture de la démo…',
      hint: 'Compte de démonstration en lecture seule, avec trois compteurs simulés.',
    },
    card: {
      refreshContract: 'Actualiser le contrat',
      refreshing: 'Lecture chez Enedis…',
      refreshed: 'Contrat relu chez Enedis.',
      type: 'Type',
      typeConsumption: 'Consommation',
      typeProduction: 'Production',
      typeBoth: 'Consommation et production',
      typeUnknown: 'Non déterminé',
      offpeakDefault: 'Non communiquées (22:00–06:00 utilisées par défaut)',
      linkLabel: 'Production associée',
      linkNone: 'Aucune',
      linkHint: 'Associez le compteur de production de ce logement pour obtenir son bilan.',
      viewConsumption: 'Voir la consommation',
      viewProduction: 'Voir la production',
      viewBalance: 'Voir le bilan',
    },
    picker: {
      label: 'Point de livraison',
    },
    empty: {
      consumption: 'Aucun point de livraison actif ne mesure la consommation.',
      production: 'Aucun point de livraison actif ne mesure la production.',
      balance:
        'Le bilan demande un point de livraison qui mesure à la fois la consommation et la production, ou un compteur de consommation associé à un compteur de production (depuis le tableau de bord).',
      toDashboard: 'Aller au tableau de bord',
    },
    history: {
      title: 'Historique',
      intro:
        'Les deux dernières années de données quotidiennes sont chargées automatiquement. Récupérez tout l’historique disponible chez Enedis : 3 ans de données quotidiennes et de puissance maximale, 2 ans de courbe de charge (une requête par trimestre).',
      introProduction:
        'Les deux dernières années de production quotidienne sont chargées automatiquement. Récupérez tout l’historique disponible chez Enedis : 3 ans de production quotidienne et 2 ans de courbe de charge (une requête par trimestre).',
      introBalance:
        'Sans historique détaillé, l’autoconsommation est estimée jour par jour. Récupérez la courbe de charge des deux sens (2 ans, une requête par trimestre et par sens) pour une estimation au pas de 30 minutes.',
      button: 'Récupérer tout mon historique',
      requested: 'Historique demandé',
      progressLabel: '{{name}} : {{done}} sur {{total}}',
      done: 'Terminé',
      onRequest: 'Sur demande',
      maxPower: 'Puissance maximale',
      consumptionDaily: 'Consommation quotidienne',
      productionDaily: 'Production quotidienne',
      consumptionCurve: 'Courbe de consommation',
      productionCurve: 'Courbe de production',
      partial_one:
        '{{count}} jour sans données chez Enedis (le {{example}}). Enedis publie la veille vers 8 h ; certains jours arrivent plus tard ou manquent.',
      partial_other:
        '{{count}} jours sans données chez Enedis (par exemple le {{example}}). Enedis publie la veille vers 8 h ; certains jours arrivent plus tard ou manquent.',
      quota:
        'Quota quotidien de requêtes atteint. Il se réinitialise à minuit (heure de Paris), soit le {{resetAt}}. Les données déjà chargées restent affichées.',
      unavailable:
        'Enedis est momentanément indisponible ou surchargé. Patientez quelques minutes puis cliquez sur « Réessayer » : seules les périodes manquantes seront redemandées.',
      retry: 'Réessayer',
    },
    common: {
      loadingData: 'Chargement des données…',
      download: 'Télécharger',
      downloadAs: 'Télécharger « {{title}} » au format {{format}}',
      year: 'Année',
      month: 'Mois',
      date: 'Date',
      time: 'Heure',
      days: 'Jours avec données',
      firstDate: 'Premier jour',
      lastDate: 'Dernier jour',
      energyKwh: 'Énergie (kWh)',
      powerW: 'Puissance moyenne (W)',
      energyWh: 'Énergie (Wh)',
      start: 'Début de l’intervalle',
      change: 'Évolution (%)',
      partialLegend: 'Période incomplète (hachurée)',
      partialDays_one: 'partiel : {{count}} jour sur {{total}}',
      partialDays_other: 'partiel : {{count}} jours sur {{total}}',
    },
    years: {
      title: 'Totaux par année',
      titleProduction: 'Production par année',
      rolling: '12 derniers mois',
      rollingHint: 'du {{start}} au {{end}}',
      change: '{{change}} par rapport à {{previous}}',
      sameDays_one: '{{change}} par rapport à {{previous}}, sur le même jour',
      sameDays_other: '{{change}} par rapport à {{previous}}, sur les {{count}} mêmes jours',
    },
    monthly: {
      title: 'Mois par mois : {{year}} et {{previous}}',
      yearLabel: 'Année affichée',
      current: '{{year}} (kWh)',
      previous: '{{year}} (kWh)',
      aria: 'Histogramme mensuel : {{year}} comparé à {{previous}}. Total {{year}} : {{total}}.',
      sameDays_one:
        '{{month}} : comparé sur le seul jour présent en {{year}} et en {{previous}}, pas sur le mois entier.',
      sameDays_other:
        '{{month}} : comparé sur les {{count}} jours présents en {{year}} et en {{previous}}, pas sur le mois entier.',
      unmatched: '{{month}} : aucun jour commun à {{year}} et {{previous}}, les deux barres ne se comparent pas.',
      sameDaysTooltip_one: 'partiel : le même jour que l’autre année',
      sameDaysTooltip_other: 'partiel : les {{count}} mêmes jours que l’autre année',
      comparedDays: 'Jours comparés',
    },
    daily: {
      title: 'Jour par jour',
      hint: 'Cliquez sur une barre pour afficher la courbe de charge de ce jour.',
      aria_one: 'Histogramme quotidien du {{start}} au {{end}}, {{count}} jour, total {{total}}.',
      aria_other: 'Histogramme quotidien du {{start}} au {{end}}, {{count}} jours, total {{total}}.',
    },
    curve: {
      title: 'Courbe de charge (pas de 30 minutes)',
      mode: 'Affichage',
      day: 'Jour',
      week: 'Semaine',
      all: 'Tout',
      previous: 'Période précédente',
      next: 'Période suivante',
      latest: 'Dernier jour disponible',
      dateLabel: 'Date affichée',
      overlays: 'Comparer avec',
      previousWeek: 'la semaine précédente',
      previousYear: 'l’année précédente (même jour de la semaine, 52 semaines avant)',
      seriesCurrent: 'Puissance moyenne (W)',
      seriesPreviousWeek: 'Semaine précédente (W)',
      seriesPreviousYear: 'Année précédente (W)',
      total: 'Total de la période : {{total}}',
      split: 'Heures creuses : {{hc}} · heures pleines : {{hp}}',
      period: 'Du {{start}} au {{end}}',
      noCurve:
        'Pas de courbe de charge pour cette période. Elle n’existe que si la collecte horaire est activée dans votre espace client Enedis (24 mois au plus).',
      aria_one: 'Courbe de charge du {{start}} au {{end}}, {{count}} mesure, total {{total}}.',
      aria_other: 'Courbe de charge du {{start}} au {{end}}, {{count}} mesures, total {{total}}.',
      partialDay_one: 'Journée incomplète : {{count}} mesure sur {{total}}.',
      partialDay_other: 'Journée incomplète : {{count}} mesures sur {{total}}.',
      partialWeek_one: 'Semaine incomplète : {{count}} jour complet sur {{total}}.',
      partialWeek_other: 'Semaine incomplète : {{count}} jours complets sur {{total}}.',
      allHint:
        'Les deux dernières années de courbe de charge, chargées trimestre par trimestre, les plus récents d’abord.',
      overview:
        'Vue d’ensemble : {{readings}} mesures ramenées à {{points}} points (le minimum et le maximum de chaque intervalle, pics compris). Zoomez pour retrouver chaque demi-heure.',
      timesNote: 'Heures de Paris, début de chaque demi-heure.',
    },
    offpeak: {
      title: 'Heures creuses / heures pleines',
      hc: 'Heures creuses (kWh)',
      hp: 'Heures pleines (kWh)',
      share: 'Part en heures creuses (%)',
      rangesContract: 'Plages de votre contrat : {{ranges}}.',
      rangesDefault: 'Plages par défaut : {{ranges}} (votre contrat n’en indique pas).',
      basis_one:
        'Calculé sur la courbe de charge chargée ({{count}} jour), selon l’heure de Paris du début de chaque demi-heure. Récupérez l’historique pour couvrir 2 ans.',
      basis_other:
        'Calculé sur la courbe de charge chargée ({{count}} jours), selon l’heure de Paris du début de chaque demi-heure. Récupérez l’historique pour couvrir 2 ans.',
      totals: 'Sur cette période : {{hc}} en heures creuses ({{share}}), {{hp}} en heures pleines.',
      aria_one: 'Heures creuses et heures pleines par mois, {{count}} mois.',
      aria_other: 'Heures creuses et heures pleines par mois, {{count}} mois.',
      noFullMonth_one:
        'Pas de graphique par mois : la courbe de charge chargée couvre {{count}} jour, et une barre « mensuelle » faite d’un seul jour ne se compare à aucun mois. Récupérez l’historique pour obtenir des mois complets.',
      noFullMonth_other:
        'Pas de graphique par mois : la courbe de charge chargée couvre {{count}} jours, aucun mois complet, et des barres « mensuelles » faites de quelques jours ne se comparent pas à des mois. Récupérez l’historique pour obtenir des mois complets.',
      noCurve: 'La répartition demande la courbe de charge, indisponible pour le moment.',
    },
    maxPower: {
      title: 'Puissance maximale atteinte',
      series: 'Puissance max. (VA)',
      subscribed: 'Puissance souscrite ({{kva}} kVA)',
      subscribedColumn: 'Puissance souscrite (VA)',
      noSubscribed: 'Puissance souscrite inconnue : actualisez le contrat depuis le tableau de bord.',
      summary:
        'Pic de la période : {{value}} VA le {{date}} à {{time}}. Jours au-delà de 90 % de l’abonnement : {{count}}.',
      aria_one: 'Puissance maximale quotidienne, {{count}} jour, pic {{value}} VA, abonnement {{subscribed}}.',
      aria_other: 'Puissance maximale quotidienne, {{count}} jours, pic {{value}} VA, abonnement {{subscribed}}.',
    },
    consumption: {
      title: 'Consommation',
      intro:
        'Vos consommations mesurées par le compteur Linky : totaux, comparaison avec l’année précédente, courbe de charge et puissance maximale.',
    },
    production: {
      title: 'Production',
      intro:
        'L’énergie produite par votre installation, telle que mesurée par le compteur : totaux, jour par jour et courbe de charge.',
    },
    balance: {
      title: 'Bilan consommation / production',
      intro:
        'Ce que vous produisez face à ce que vous consommez, mois par mois, et une estimation de votre autoconsommation.',
      pairLabel: 'Logement',
      pairOwn: '{{name}} (consommation et production)',
      pairLinked: '{{consumption}} + {{production}}',
      yearLabel: 'Période',
      allYears: 'Toutes les données',
      consumption: 'Consommation',
      production: 'Production',
      net: 'Bilan net (production moins consommation)',
      netShort: 'Bilan net',
      selfConsumed: 'Autoconsommation estimée',
      selfConsumptionRate: 'Taux d’autoconsommation',
      selfConsumptionHint: 'part de la production consommée sur place',
      selfSufficiencyRate: 'Taux d’autoproduction',
      selfSufficiencyHint: 'part de la consommation couverte par la production',
      methodSlots_one:
        'Estimation au pas de 30 minutes sur les courbes de charge ({{count}} jour) : sur chaque demi-heure, la plus petite des deux valeurs (consommation ou production) est comptée comme autoconsommée.',
      methodSlots_other:
        'Estimation au pas de 30 minutes sur les courbes de charge ({{count}} jours) : sur chaque demi-heure, la plus petite des deux valeurs (consommation ou production) est comptée comme autoconsommée.',
      methodDays_one:
        'Estimation jour par jour ({{count}} jour) : sur chaque journée, la plus petite des deux valeurs (consommation ou production) est comptée comme autoconsommée. Sans courbe de charge, elle surestime l’autoconsommation (la production de midi ne couvre pas la consommation du soir).',
      methodDays_other:
        'Estimation jour par jour ({{count}} jours) : sur chaque journée, la plus petite des deux valeurs (consommation ou production) est comptée comme autoconsommée. Sans courbe de charge, elle surestime l’autoconsommation (la production de midi ne couvre pas la consommation du soir).',
      methodMixed:
        'Estimation au pas de 30 minutes là où les deux courbes de charge existent, jour par jour ailleurs. Jours au pas de 30 minutes : {{slotDays}} ; jours estimés jour par jour : {{dayDays}}.',
      caveat:
        'Enedis ne voit que ce qui traverse le compteur : si votre production est comptée en surplus (injection), la part autoconsommée n’apparaît pas et le taux réel est plus élevé.',
      chartTitle: 'Consommation et production par mois',
      chartAria_one: 'Consommation et production par mois, {{count}} mois, bilan net {{net}}.',
      chartAria_other: 'Consommation et production par mois, {{count}} mois, bilan net {{net}}.',
      days: 'Jours comparés : {{count}}',
      methodColumn: 'Méthode (« slots » : pas de 30 minutes, « days » : jour par jour)',
      noOverlap: 'Aucun jour n’a à la fois des données de consommation et de production.',
    },
  },
};

/** Same tree as `frMetering`, every leaf a string: what `en.metering.ts` must satisfy. */
export type MeteringTranslation = DeepStrings<typeof frMetering>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
