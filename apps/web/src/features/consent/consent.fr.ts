// Strings of the Enedis consent feature (consent button, callback result, meter states, expiry notice,
// history). Merged into i18n/fr.ts; consent.en.ts must have exactly the same keys (see keys.test.ts).
export const frConsent = {
  consent: {
    title: 'Consentement Enedis',
    text: 'Pour que MyElectricalData lise vos mesures, donnez votre accord sur le site d’Enedis. Cochez les compteurs à partager : ils seront ajoutés à votre tableau de bord. L’accord vaut 3 ans et se retire à tout moment depuis votre espace client Enedis.',
    button: 'Donner mon consentement sur le site d’Enedis',
    redirecting: 'Ouverture du site d’Enedis…',
    give: 'Donner mon consentement',
    renew: 'Renouveler le consentement',
    demoReadOnly:
      'Le compte de démonstration ne peut pas donner de consentement : créez un compte pour relier vos propres compteurs.',
    dismiss: 'Fermer ce message',
    success: {
      title: 'Consentement enregistré',
      text: '{{authorised}} ({{added}}). Les contrats sont lus chez Enedis ; vos données sont consultables dans Consommation et Production.',
      authorised_one: '{{count}} point de livraison autorisé',
      authorised_other: '{{count}} points de livraison autorisés',
      added_one: 'dont {{count}} ajouté à votre compte',
      added_other: 'dont {{count}} ajoutés à votre compte',
    },
    errors: {
      title: 'Le consentement n’a pas abouti',
      invalid_state:
        'La demande a expiré (elle est valable 10 minutes) ou a été terminée dans une autre session. Relancez le consentement depuis ce tableau de bord, dans le même navigateur.',
      access_denied:
        'Vous avez refusé le partage sur le site d’Enedis : aucune donnée n’est lue. Vous pouvez recommencer quand vous le souhaitez.',
      invalid_pdl:
        'Enedis n’a renvoyé aucun numéro de point de livraison valide. Relancez le consentement et cochez au moins un compteur.',
      invalid_code:
        'Le retour du site d’Enedis était incomplet (sans code d’autorisation) : rien n’a été enregistré. Relancez le consentement depuis ce tableau de bord.',
      consent_refused:
        'Enedis ne détient aucun consentement valide pour les compteurs cochés : ils apparaissent comme révoqués et aucune donnée n’est lue. Vérifiez que vous êtes bien titulaire du contrat d’électricité, puis renouvelez le consentement.',
      daily_limit:
        'Vous avez atteint le nombre maximal de compteurs que l’on peut autoriser en une journée : rien n’a été ajouté. Réessayez demain.',
      pdl_already_exists:
        'Les points de livraison cochés sont déjà rattachés à un autre compte MyElectricalData. Connectez-vous à ce compte et supprimez-les là-bas avant de recommencer, ou contactez-nous si vous n’en êtes pas à l’origine.',
      enedis_error:
        'Enedis a signalé une erreur pendant le consentement. Réessayez dans quelques minutes ; si cela persiste, consultez la page d’état des services Enedis.',
      unknown: 'Le consentement a échoué pour une raison inconnue. Réessayez ; si cela persiste, contactez-nous.',
    },
    partial: {
      title: 'Certains compteurs n’ont pas été autorisés',
      pdl_already_exists_one:
        '{{count}} point de livraison n’a pas été ajouté : il est déjà rattaché à un autre compte MyElectricalData. Supprimez-le de l’autre compte puis relancez le consentement.',
      pdl_already_exists_other:
        '{{count}} points de livraison n’ont pas été ajoutés : au moins l’un d’eux est déjà rattaché à un autre compte MyElectricalData. Supprimez-le de l’autre compte puis relancez le consentement.',
      consent_refused_one:
        '{{count}} point de livraison n’a pas été autorisé : Enedis ne détient aucun consentement valide pour lui, et il apparaît comme révoqué. Vérifiez que vous êtes bien titulaire de son contrat, puis renouvelez le consentement.',
      consent_refused_other:
        '{{count}} points de livraison n’ont pas été autorisés : Enedis ne détient aucun consentement valide pour au moins l’un d’eux, qui apparaît comme révoqué. Vérifiez que vous êtes bien titulaire de son contrat, puis renouvelez le consentement.',
      daily_limit_one:
        '{{count}} point de livraison n’a pas été ajouté : vous avez atteint le nombre maximal de compteurs que l’on peut autoriser en une journée. Relancez le consentement demain pour celui-là.',
      daily_limit_other:
        '{{count}} points de livraison n’ont pas été ajoutés : vous avez atteint le nombre maximal de compteurs que l’on peut autoriser en une journée. Relancez le consentement demain pour ceux-là.',
    },
    status: {
      pending: 'En attente de consentement',
      revoked: 'Consentement révoqué le {{date}}',
      revokedUndated: 'Consentement révoqué',
      expired: 'Consentement expiré',
    },
    meter: {
      pending:
        'Ce point de livraison attend votre consentement Enedis : aucune donnée n’est lue tant que vous ne l’avez pas donné pour lui sur le site d’Enedis.',
      revoked:
        'Enedis ne nous autorise plus à lire ce compteur : le consentement a été retiré, ou un nouvel occupant du logement a donné le sien. Si vous êtes toujours titulaire du contrat, renouvelez le consentement.',
      expired:
        'Votre consentement, valable 3 ans, a pris fin le {{date}} : ses données ne sont plus lues. Renouvelez-le pour reprendre.',
      detailsLabel: 'Consentement Enedis',
      validUntil: 'valable jusqu’au {{date}}',
    },
    picker: {
      blockedGroup: 'Consentement à renouveler',
      placeholder: 'Choisissez un point de livraison',
      pending: '{{name}} — en attente de consentement',
      revoked: '{{name}} — consentement révoqué',
      expired: '{{name}} — consentement expiré',
    },
    blocked: {
      title: 'Données indisponibles : {{name}}',
      noneActive:
        'Aucun de vos points de livraison n’a de consentement Enedis actif : leurs données ne peuvent pas être lues. Renouvelez le consentement, ou choisissez un compteur ci-dessus pour voir pourquoi.',
    },
    expiry: {
      title: 'Votre consentement Enedis arrive bientôt à échéance',
      text: 'Sans renouvellement, MyElectricalData ne pourra plus lire ces compteurs après la date indiquée :',
      item: '{{name}} : expire le {{date}}',
    },
    history: {
      title: 'Historique de mes consentements',
      intro:
        'Chacun de vos passages sur le site d’Enedis, avec les compteurs autorisés. Un consentement vaut 3 ans à compter de sa date.',
      empty: 'Aucun consentement pour le moment. Donnez-le depuis le bouton « Donner mon consentement » ci-dessus.',
      loadError: 'Impossible de charger l’historique de vos consentements.',
      visit: 'Consentement du {{date}}',
      expires: 'Échéance : {{date}}',
      meters: 'Compteurs autorisés lors de ce consentement',
      status: {
        active: 'Actif',
        revoked: 'Révoqué',
        expired: 'Expiré',
        ended: 'Terminé',
      },
      endReason: {
        removed: 'Compteur retiré de votre compte le {{date}}',
        account_deleted: 'Compte supprimé le {{date}}',
        revoked_by_enedis: 'Révoqué chez Enedis le {{date}}',
        holder_changed: 'Changement de titulaire du contrat signalé par Enedis le {{date}}',
        taken_over: 'Repris par le consentement d’un nouvel occupant le {{date}}',
        renewed: 'Remplacé par un consentement plus récent le {{date}}',
        expired: 'Arrivé à échéance le {{date}}',
      },
    },
  },
};

/** Same tree as `frConsent`, every leaf a string: what `consent.en.ts` must satisfy. */
export type ConsentTranslation = DeepStrings<typeof frConsent>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
