// Strings of the RTE pages (Tempo, EcoWatt, France). Merged into fr.ts.
export const frRte = {
  rte: {
    nav: {
      tempo: 'Tempo',
      ecowatt: 'EcoWatt',
      france: 'France',
    },
    common: {
      source: 'Données publiques de RTE, actualisées automatiquement toutes les 5 minutes.',
      waiting:
        'Les données RTE ne sont pas encore disponibles : le serveur est en train de les récupérer. Cette page se complète toute seule.',
      stale:
        'Les données affichées datent de {{time}} : la dernière actualisation a échoué, une nouvelle tentative aura lieu automatiquement.',
    },
    tempo: {
      title: 'Tempo',
      intro:
        'La couleur des jours de l’option Tempo, publiée par RTE : chaque saison (du 1er septembre au 31 août) compte 300 jours bleus, 43 blancs et 22 rouges.',
      dayRule:
        'Un jour Tempo va de 6 h à 6 h le lendemain : avant 6 h du matin, c’est encore la couleur de la veille qui s’applique.',
      colours: {
        BLUE: 'Bleu',
        WHITE: 'Blanc',
        RED: 'Rouge',
        unknown: 'Non publiée',
      },
      now: {
        title: 'En vigueur maintenant',
        range: 'Du {{start}} au {{end}}',
        today: 'Aujourd’hui',
        tomorrow: 'Demain',
        tomorrowPending: 'Pas encore publiée : RTE annonce la couleur du lendemain en fin de matinée.',
        todayPending: 'Pas encore publiée.',
        billedFrom: 'Appliquée de 6 h ce jour-là à 6 h le lendemain.',
      },
      balance: {
        title: 'Jours restants de la saison {{season}}',
        used: 'Utilisés : {{count}}',
        remaining: 'restants sur {{quota}}',
        progress: '{{colour}} : {{used}} jours utilisés sur {{quota}}',
        total: '{{count}} jours de la saison restent à colorer.',
        day: 'Jour {{day}} sur {{days}} de la saison.',
      },
      forecast: {
        title: 'Prévisions des prochains jours',
        intro:
          'Estimation de MyElectricalData à partir des prévisions de consommation et de production de RTE et des seuils de la méthode RTE. Seule la couleur publiée par RTE fait foi.',
        published: 'Publiée par RTE',
        estimate: 'Estimation',
        noData: 'Estimation sans prévision de consommation',
        mostLikely: 'Le plus probable : {{colour}}',
        probabilities: 'Probabilités',
        empty: 'Aucune prévision pour le moment.',
      },
      calendar: {
        title: 'Calendrier de la saison',
        selector: 'Saison affichée',
        season: 'Saison {{season}}',
        current: 'en cours',
        monthCounts: 'Bleu\u00a0:\u00a0{{blue}} · Blanc\u00a0:\u00a0{{white}} · Rouge\u00a0:\u00a0{{red}}',
        seasonCounts: 'Jours publiés : {{count}} — bleu : {{blue}}, blanc : {{white}}, rouge : {{red}}.',
        dayLabel: '{{date}} : {{colour}}',
        dayLabelToday: '{{date}} (aujourd’hui) : {{colour}}',
        legend: 'Légende',
        empty: 'Aucun jour publié pour cette saison.',
      },
    },
    ecowatt: {
      title: 'EcoWatt',
      intro:
        'Le signal EcoWatt de RTE indique, heure par heure, la tension du système électrique. Quand il passe à l’orange ou au rouge, réduire sa consommation aide à éviter les coupures.',
      day: {
        '1': 'Vert',
        '2': 'Orange',
        '3': 'Rouge',
      },
      dayMeaning: {
        '1': 'Pas d’alerte : consommation normale.',
        '2': 'Système électrique tendu : les écogestes sont les bienvenus.',
        '3': 'Système électrique très tendu : coupures inévitables sans baisse de la consommation.',
      },
      hour: {
        '0': 'Vert, production décarbonée',
        '1': 'Vert',
        '2': 'Orange',
        '3': 'Rouge',
      },
      today: 'Aujourd’hui',
      todayMissing: 'Le signal d’aujourd’hui n’est pas encore disponible.',
      next: 'Les prochains jours',
      nextMissing: 'Les prochains jours ne sont pas encore publiés.',
      hours: 'Heure par heure',
      hourCell: '{{from}}–{{to}} : {{level}}',
      run: '{{from}}–{{to}} : {{level}}',
      rteMessage: 'Message de RTE : « {{message}} »',
      generatedAt: 'Publié par RTE le {{date}}.',
      legend: 'Légende',
      stats: {
        title: 'Bilan de l’année {{year}}',
        intro: 'Sur les {{count}} jours de {{year}} connus de MyElectricalData (prévisions comprises).',
        share: '{{level}} : {{count}} jours ({{percent}})',
        empty: 'Aucun jour connu pour cette année.',
      },
    },
    france: {
      title: 'Électricité en France',
      intro:
        'La consommation nationale, réalisée et prévue, et la production solaire et éolienne prévue, publiées par RTE.',
      now: {
        current: 'Consommation actuelle',
        at: 'Mesure de {{time}}',
        none: 'Pas de mesure dans les deux dernières heures.',
        peak: 'Pic du jour',
        peakAt: 'Vers {{time}} (réalisé puis prévu)',
        noPeak: 'Pas encore de données pour aujourd’hui.',
        noMix: 'Pas de prévision pour cette demi-heure.',
        renewable: 'Solaire + éolien',
        renewableDetail: 'Solaire {{solar}} · éolien {{wind}} (prévision)',
      },
      series: {
        realised: 'Réalisé',
        intraday: 'Prévision du jour',
        dayAhead: 'Prévision J-1',
        twoDaysAhead: 'Prévision J-2',
      },
      consumption: {
        title: 'Consommation nationale',
        intro:
          'Par quart d’heure, d’hier à demain : la mesure (réalisé) et les prévisions de RTE faites le jour même, la veille (J-1) et l’avant-veille (J-2).',
        aria: 'Consommation nationale du {{start}} au {{end}}, en GW : réalisé et prévisions. Dernière valeur réalisée : {{current}}.',
        empty:
          'Pas encore de données de consommation : la courbe s’affichera ici dès que le serveur les aura reçues de RTE.',
        now: 'Maintenant',
        start: 'Début du créneau',
      },
      mix: {
        title: 'Production solaire et éolienne prévue',
        intro: 'Prévision du jour de RTE, par demi-heure ; l’éolien regroupe le terrestre et l’en mer.',
        solar: 'Solaire',
        wind: 'Éolien',
        aria: 'Production solaire et éolienne prévue du {{start}} au {{end}}, en GW, empilée. Pic : {{peak}}.',
        empty:
          'Pas encore de prévision de production : le graphique s’affichera ici dès que le serveur l’aura reçue de RTE.',
      },
    },
  },
};

/** Same tree as `frRte`, every leaf a string: what `en.rte.ts` must satisfy. */
export type RteTranslation = DeepStrings<typeof frRte>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
