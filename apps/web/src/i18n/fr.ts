// French is the reference language: every other language must have exactly these keys (see keys.test.ts).
import { frCosts } from '../features/costs/costs.fr.ts';
import { frAdmin } from '../features/admin/admin.fr.ts';
import { frConsent } from '../features/consent/consent.fr.ts';
import { frDashboardSummary } from '../features/dashboard/dashboard.fr.ts';
import { frOffers } from '../features/offers/offers.fr.ts';
import { frContributions } from '../features/contributions/contributions.fr.ts';
import { frDataAccess } from '../features/settings/dataAccess.fr.ts';
import { frSharedView } from '../features/shared-view/sharedView.fr.ts';
import { frSimulator } from '../features/simulator/simulator.fr.ts';
import { frHistoryImport } from '../features/history-import/history-import.fr.ts';
import { frSync } from '../features/sync/sync.fr.ts';
import { frExporters } from '../features/exporters/exporters.fr.ts';
import { frMetering } from './fr.metering.ts';
import { frRte } from './fr.rte.ts';

export const fr = {
  ...frMetering,
  ...frRte,
  ...frConsent,
  ...frAdmin,
  ...frDashboardSummary,
  ...frOffers,
  ...frContributions,
  ...frDataAccess,
  ...frSharedView,
  ...frCosts,
  ...frSimulator,
  ...frSync,
  ...frHistoryImport,
  ...frExporters,
  common: {
    appName: 'MyElectricalData',
    loading: 'Chargement…',
    retry: 'Réessayer',
    cancel: 'Annuler',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    copy: 'Copier',
    copied: 'Copié !',
    copyFailed: 'Copie impossible : sélectionnez le texte et copiez-le à la main.',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    showPassword: 'Afficher le mot de passe',
    hidePassword: 'Masquer le mot de passe',
  },
  nav: {
    main: 'Navigation principale',
    skipToContent: 'Aller au contenu',
    home: 'Accueil',
    dashboard: 'Tableau de bord',
    settings: 'Paramètres',
    admin: 'Admin',
    faq: 'FAQ',
    apiDocs: 'Documentation API',
    login: 'Connexion',
    signup: 'Créer un compte',
    logout: 'Déconnexion',
    loggingOut: 'Déconnexion…',
    openMenu: 'Ouvrir le menu',
    closeMenu: 'Fermer le menu',
    footer: 'Projet open source, indépendant d’Enedis et de RTE.',
    version: 'Version {{version}}',
  },
  theme: {
    label: 'Thème',
    light: 'Clair',
    dark: 'Sombre',
    system: 'Système',
    switchTo: 'Thème : {{current}}. Changer de thème',
  },
  language: {
    label: 'Langue',
    switchTo: 'English version',
    short: 'EN',
    fr: 'Français',
    en: 'English',
  },
  simulatedData: {
    title: 'Données simulées',
    all: 'les relevés Linky et les données RTE affichés ici sont générés par un émulateur, ce ne sont pas de vraies mesures.',
    enedis: 'les relevés Linky affichés ici sont générés par un émulateur, ce ne sont pas de vraies mesures.',
    rte: 'les données RTE affichées ici (Tempo, EcoWatt, consommation nationale) sont générées par un émulateur, ce ne sont pas celles de RTE.',
  },
  landing: {
    heroTitle: 'Vos données Linky, enfin entre vos mains',
    heroText:
      'Les API Enedis Data Connect sont réservées aux entreprises disposant d’un SIRET. MyElectricalData est la passerelle qui les ouvre aux particuliers : vous consultez vos propres données de consommation et de production, dans le navigateur ou par une API documentée.',
    ctaSignup: 'Créer un compte gratuit',
    ctaLogin: 'J’ai déjà un compte',
    ctaDashboard: 'Ouvrir mon tableau de bord',
    featuresTitle: 'Ce que vous obtenez',
    features: {
      data: {
        title: 'Toutes vos mesures',
        text: 'Consommation quotidienne, courbe de charge au pas de 30 minutes, puissance maximale atteinte et production solaire.',
      },
      consent: {
        title: 'Un seul consentement',
        text: 'Vous donnez votre accord une fois, sur le site d’Enedis, et il couvre tous vos points de livraison.',
      },
      api: {
        title: 'Une API pour vos outils',
        text: 'Interrogez vos données depuis vos scripts, Home Assistant ou Jeedom avec vos identifiants API personnels.',
      },
      privacy: {
        title: 'Vos données restent à vous',
        text: 'Le cache est chiffré avec une clé propre à votre compte, vos secrets ne sont affichés qu’une fois et vous pouvez tout supprimer à tout moment.',
      },
      local: {
        title: 'Bientôt chez vous',
        text: 'Bientôt : le même logiciel en client local, qui conservera votre historique dans votre base et l’exportera vers Home Assistant, MQTT, InfluxDB ou VictoriaMetrics.',
      },
      open: {
        title: 'Gratuit et open source',
        text: 'Un projet communautaire, sans publicité ni revente de données. Le code est public et chacun peut contribuer.',
      },
    },
    stepsTitle: 'Comment ça marche',
    steps: {
      account: {
        title: 'Créez votre compte',
        text: 'Une adresse e-mail et un mot de passe suffisent. Vous recevez aussitôt vos identifiants API.',
      },
      pdl: {
        title: 'Ajoutez votre point de livraison',
        text: 'Le numéro de PDL (ou PRM) à 14 chiffres figure sur votre facture et s’affiche sur le compteur Linky.',
      },
      consent: {
        title: 'Donnez votre consentement à Enedis',
        text: 'Sur le site d’Enedis, une seule fois : vous autorisez MyElectricalData à lire les données de vos compteurs.',
      },
      data: {
        title: 'Consultez vos données',
        text: 'Enedis publie les mesures de la veille à partir de 8 h environ, chaque jour.',
      },
      api: {
        title: 'Branchez vos outils',
        text: 'Utilisez l’API pour alimenter votre domotique, vos tableaux de bord ou vos propres analyses.',
      },
    },
    closingTitle: 'Prêt à voir votre consommation ?',
    closingText:
      'L’inscription prend une minute. Vous pourrez supprimer votre compte et vos données quand vous le souhaitez.',
  },
  password: {
    checklistTitle: 'Le mot de passe doit contenir :',
    rules: {
      min_length: 'au moins 8 caractères',
      max_length: 'au plus 128 caractères',
      lowercase: 'une lettre minuscule',
      uppercase: 'une lettre majuscule',
      digit: 'un chiffre',
    },
    ruleMet: 'respecté',
    ruleNotMet: 'non respecté',
    weak: 'Le mot de passe ne respecte pas toutes les règles.',
  },
  signup: {
    title: 'Créer un compte',
    intro: 'Votre compte vous donne accès au tableau de bord et à vos identifiants API.',
    submit: 'Créer mon compte',
    submitting: 'Création…',
    haveAccount: 'Déjà inscrit ?',
    captchaRequired: 'Merci de valider la vérification anti-robot.',
    captchaLoadError:
      'La vérification anti-robot n’a pas pu se charger. Désactivez un éventuel bloqueur et rechargez la page.',
    successTitle: 'Votre compte est créé',
    successText: 'Voici vos identifiants API. Ils servent à interroger vos données depuis vos propres outils.',
    checkMailboxTitle: 'Vérifiez votre boîte de réception',
    checkMailboxText:
      'Si cette adresse peut être utilisée, un e-mail vous a été envoyé avec la suite des instructions.',
    verifyEmailHint:
      'Un e-mail de confirmation vous a été envoyé : cliquez sur le lien qu’il contient, puis connectez-vous. La connexion n’est possible qu’après cette confirmation.',
    signedInHint:
      'Vous êtes connecté. Confirmez aussi votre adresse avec le lien reçu par e-mail : elle sert à récupérer votre compte.',
    goToLogin: 'Se connecter',
    goToDashboard: 'Accéder à mon tableau de bord',
  },
  secret: {
    clientId: 'Identifiant client (client_id)',
    clientSecret: 'Secret client (client_secret)',
    warningTitle: 'Notez ce secret maintenant',
    warning:
      'Le secret client ne sera plus jamais affiché. Copiez-le et rangez-le dans un endroit sûr (gestionnaire de mots de passe). En cas de perte, vous pourrez en générer un nouveau dans les paramètres.',
  },
  login: {
    title: 'Connexion',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    forgotPassword: 'Mot de passe oublié ?',
    noAccount: 'Pas encore de compte ?',
    resendVerification: 'Renvoyer l’e-mail de confirmation',
    verificationSent:
      'Si un compte non confirmé existe pour cette adresse, un nouvel e-mail de confirmation a été envoyé.',
  },
  verifyEmail: {
    title: 'Confirmation de l’adresse e-mail',
    verifying: 'Vérification du lien en cours…',
    success: 'Votre adresse e-mail est confirmée. Vous pouvez vous connecter.',
    missingToken: 'Ce lien ne contient pas de jeton de confirmation. Ouvrez le lien reçu par e-mail tel quel.',
    resendTitle: 'Recevoir un nouveau lien',
    resendSubmit: 'Envoyer un nouveau lien',
  },
  forgotPassword: {
    title: 'Mot de passe oublié',
    intro:
      'Indiquez votre adresse e-mail : si un compte lui est associé, vous recevrez un lien valable une heure pour choisir un nouveau mot de passe.',
    submit: 'Envoyer le lien',
    submitting: 'Envoi…',
    sent: 'Si un compte existe pour cette adresse, un e-mail vient d’être envoyé. Pensez à vérifier vos courriers indésirables.',
    backToLogin: 'Retour à la connexion',
  },
  resetPassword: {
    title: 'Nouveau mot de passe',
    newPassword: 'Nouveau mot de passe',
    confirmPassword: 'Confirmez le mot de passe',
    mismatch: 'Les deux mots de passe ne sont pas identiques.',
    submit: 'Changer le mot de passe',
    submitting: 'Modification…',
    success: 'Votre mot de passe a été changé. Vous pouvez vous connecter.',
    missingToken: 'Ce lien ne contient pas de jeton. Demandez un nouveau lien de réinitialisation.',
    requestNewLink: 'Demander un nouveau lien',
  },
  dashboard: {
    title: 'Tableau de bord',
    intro: 'Vos points de livraison (PDL). Ajoutez-en un, renommez-le, classez-les dans l’ordre qui vous convient.',
    introDemo:
      'Le compte de démonstration, en lecture seule : des compteurs simulés et leurs données, à parcourir librement.',
    emailNotVerified: 'Votre adresse e-mail n’est pas encore confirmée. Cliquez sur le lien reçu par e-mail.',
    resendVerification: 'Renvoyer l’e-mail',
    verificationSent: 'E-mail de confirmation envoyé.',
    empty: 'Aucun point de livraison pour le moment. Ajoutez le numéro à 14 chiffres de votre compteur ci-dessus.',
    loadError: 'Impossible de charger vos points de livraison.',
    listLabel: 'Mes points de livraison',
  },
  pdl: {
    add: {
      title: 'Ajouter un point de livraison',
      numberLabel: 'Numéro de PDL (14 chiffres)',
      numberHint:
        'Sur votre facture (« Référence PDL » ou « PRM ») ou sur l’écran du Linky en appuyant sur la touche +.',
      nameLabel: 'Nom (facultatif)',
      namePlaceholder: 'Maison, appartement…',
      submit: 'Ajouter',
      submitting: 'Ajout…',
      invalid: 'Le numéro de PDL doit comporter exactement 14 chiffres.',
      added: 'Point de livraison ajouté. Il attend votre consentement Enedis pour que ses données soient lues.',
    },
    number: 'N° {{id}}',
    active: 'Actif',
    inactive: 'Inactif',
    activeToggle: 'Point de livraison actif',
    consumption: 'Consommation',
    production: 'Production',
    subscribedPower: 'Puissance souscrite',
    powerValue: '{{value}} kVA',
    offpeakHours: 'Heures creuses',
    offpeakNone: 'Aucune',
    pricingOption: 'Option tarifaire',
    activationDate: 'Mise en service',
    rename: 'Renommer',
    renameLabel: 'Nouveau nom de {{id}}',
    renameHint: 'Laissez vide pour afficher le numéro.',
    moveUp: 'Monter {{name}}',
    moveDown: 'Descendre {{name}}',
    delete: 'Supprimer',
    deleteConfirmTitle: 'Supprimer {{name}} ?',
    deleteConfirmText:
      'Le point de livraison et les données mises en cache pour lui seront effacés. Vous pourrez l’ajouter à nouveau plus tard.',
    deleteConfirm: 'Oui, supprimer',
    actions: 'Actions pour {{name}}',
  },
  pricing: {
    BASE: 'Base',
    HC_HP: 'Heures creuses / heures pleines',
    TEMPO: 'Tempo',
    EJP: 'EJP',
    HC_WEEKEND: 'Heures creuses et week-end',
  },
  settings: {
    title: 'Paramètres',
    account: {
      title: 'Compte',
      email: 'Adresse e-mail',
      createdAt: 'Créé le',
      emailVerified: 'Adresse confirmée',
      emailNotVerified: 'Adresse non confirmée',
      demo: 'Compte de démonstration : les modifications sont désactivées.',
    },
    credentials: {
      title: 'Identifiants API',
      intro: 'Utilisez-les pour interroger l’API depuis vos scripts ou votre domotique.',
      howTitle: 'À quoi sert le secret client ?',
      howApiKey:
        'Clé d’API : envoyez-le tel quel dans l’en-tête « Authorization: Bearer <client_secret> » de chaque requête.',
      howToken:
        'Ou échangez client_id et client_secret contre un jeton (OAuth2 « client credentials ») sur POST /api/accounts/token (sa durée de validité est dans expires_in).',
      howCache:
        'Il chiffre aussi vos données en cache : en générer un nouveau les efface et arrête l’ancien secret partout où il est configuré.',
      howDocs: 'Exemples et documentation de l’API',
      secretHidden: 'Le secret client n’est jamais réaffiché. Si vous l’avez perdu, générez-en un nouveau.',
      regenerate: 'Générer un nouveau secret',
      regenerating: 'Génération…',
      regenerateConfirm:
        'L’ancien secret cessera immédiatement de fonctionner et vos données en cache seront effacées. Mettez ensuite vos outils à jour. Continuer ?',
      regenerateConfirmButton: 'Oui, générer',
      regenerated: 'Nouveau secret généré. L’ancien ne fonctionne plus et vos autres sessions ont été déconnectées.',
    },
    password: {
      title: 'Changer de mot de passe',
      current: 'Mot de passe actuel',
      new: 'Nouveau mot de passe',
      submit: 'Changer le mot de passe',
      submitting: 'Modification…',
      success: 'Mot de passe modifié.',
      wrongCurrent: 'Le mot de passe actuel est incorrect. Vérifiez-le et réessayez.',
    },
    preferences: {
      title: 'Affichage',
      theme: 'Thème',
      language: 'Langue',
    },
    usage: {
      title: 'Utilisation de l’API aujourd’hui',
      intro: 'Chaque compte dispose d’un quota quotidien de requêtes, pour partager équitablement l’accès à Enedis.',
      cached: 'Requêtes servies depuis le cache',
      noCache: 'Requêtes transmises à Enedis',
      ofLimit: '{{used}} sur {{limit}}',
      unlimited: '{{used}} (sans limite)',
      resetAt: 'Remise à zéro : {{value}}',
      loadError: 'Statistiques indisponibles pour le moment.',
    },
    sharing: {
      title: 'Partage avec les administrateurs',
      text: 'Autorisez les administrateurs à consulter vos données pour vous aider à diagnostiquer un problème. Vous pouvez retirer cette autorisation à tout moment.',
      toggle: 'Autoriser le partage avec les administrateurs',
      enabledSince: 'Partage actif depuis le {{value}}',
      disabled: 'Partage désactivé.',
    },
    delete: {
      title: 'Supprimer mon compte',
      text: 'Votre compte, vos points de livraison et toutes les données en cache seront effacés définitivement. Vos identifiants API cesseront de fonctionner.',
      confirmWord: 'SUPPRIMER',
      confirmLabel: 'Tapez {{word}} pour confirmer',
      passwordLabel: 'Votre mot de passe',
      submit: 'Supprimer définitivement',
      submitting: 'Suppression…',
      wrongPassword: 'Mot de passe incorrect : votre compte n’a pas été supprimé.',
    },
  },
  faq: {
    title: 'Questions fréquentes',
    intro: 'Les réponses aux questions que l’on nous pose le plus souvent.',
    items: {
      consent: {
        question: 'Qu’est-ce que le consentement Enedis et pourquoi est-il nécessaire ?',
        answer:
          'Enedis ne transmet les mesures d’un compteur à un tiers qu’avec l’accord du titulaire du contrat. Vous donnez cet accord une seule fois, sur le site d’Enedis, et il couvre tous vos points de livraison. Vous pouvez le retirer à tout moment depuis votre espace client Enedis ; MyElectricalData ne peut alors plus lire vos données.',
      },
      delay: {
        question: 'Pourquoi je ne vois pas la consommation d’aujourd’hui ?',
        answer:
          'Le compteur Linky transmet ses mesures une fois par jour. Enedis publie les données de la veille (J-1) à partir de 8 h environ, heure de Paris ; certains compteurs arrivent plus tard, parfois le lendemain. La journée en cours n’est jamais disponible.',
      },
      loadCurve: {
        question: 'Pourquoi n’ai-je pas de courbe de charge au pas de 30 minutes ?',
        answer:
          'La courbe de charge n’est enregistrée que si vous l’avez activée dans votre espace client Enedis (collecte de la consommation horaire). Les mesures n’existent qu’à partir de cette activation, sur 24 mois au plus ; les consommations quotidiennes remontent, elles, jusqu’à 36 mois.',
      },
      quotas: {
        question: 'Y a-t-il une limite au nombre de requêtes ?',
        answer:
          'Oui : chaque compte a un quota quotidien, car l’accès à Enedis est partagé par tous les utilisateurs. Les réponses servies depuis le cache et celles qui doivent interroger Enedis sont comptées séparément. Vos compteurs et l’heure de remise à zéro sont visibles dans les paramètres. Une synchronisation par jour, après 8 h, suffit largement : évitez les boucles de nouvelles tentatives.',
      },
      privacy: {
        question: 'Mes données sont-elles protégées ?',
        answer:
          'Les mots de passe sont hachés (argon2id), vos secrets sont chiffrés et les données mises en cache sont chiffrées avec une clé propre à votre compte (AES-256-GCM) ; les numéros de PDL n’y apparaissent pas en clair. Rien n’est revendu. Supprimer votre compte efface vos points de livraison et vos données en cache.',
      },
      api: {
        question: 'Comment utiliser l’API avec mes identifiants ?',
        answer:
          'Vos identifiants client_id et client_secret s’obtiennent à l’inscription. Échangez-les contre un jeton avec POST /api/accounts/token (flux OAuth2 « client credentials »), ou envoyez directement l’en-tête Authorization: Bearer <client_secret>. La page Documentation API donne des exemples complets.',
      },
      lostSecret: {
        question: 'J’ai perdu mon client_secret, que faire ?',
        answer:
          'Il n’est jamais réaffiché. Générez-en un nouveau dans les paramètres : l’ancien cesse aussitôt de fonctionner, pensez à mettre vos outils à jour.',
      },
      pdlNumber: {
        question: 'Où trouver mon numéro de point de livraison ?',
        answer:
          'Ce numéro à 14 chiffres, appelé PDL ou PRM, figure sur vos factures d’électricité et dans votre espace client Enedis. Sur le compteur Linky, appuyez sur la touche + jusqu’à l’affichage « NUMERO PRM ».',
      },
    },
  },
  apiDocs: {
    title: 'Documentation de l’API',
    intro:
      'Toutes les routes sont sous /api et répondent avec une enveloppe JSON { success, data, error, timestamp } et le code HTTP approprié. En cas d’erreur, error contient un code stable (par exemple PDL_NOT_FOUND) et un message.',
    swagger: 'Explorer l’API (Swagger UI)',
    openapi: 'Spécification OpenAPI (JSON)',
    authTitle: 'Trois façons de s’authentifier',
    cookie: {
      title: '1. Session (cookie ou JWT)',
      text: 'C’est ce qu’utilise l’application web. La connexion pose un cookie httpOnly et renvoie aussi un jeton JWT (access_token) que vous pouvez envoyer dans l’en-tête Authorization.',
    },
    clientCredentials: {
      title: '2. OAuth2 « client credentials »',
      text: 'Échangez votre client_id et votre client_secret contre un jeton. La réponse de cette route est au format OAuth2 brut (sans enveloppe) ; le jeton s’utilise ensuite comme un JWT.',
    },
    apiKey: {
      title: '3. Clé d’API',
      text: 'Le plus simple pour un script ou une domotique : envoyez votre client_secret comme jeton Bearer à chaque requête.',
    },
    securityNote:
      'Ne publiez jamais votre client_secret (dépôt Git, capture d’écran, forum). En cas de doute, régénérez-le dans les paramètres.',
    exampleLabel: 'Exemple',
  },
  notFound: {
    title: 'Page introuvable',
    text: 'L’adresse demandée n’existe pas ou a été déplacée.',
    home: 'Retour à l’accueil',
  },
  protected: {
    checking: 'Vérification de votre session…',
    error: 'Impossible de vérifier votre session.',
  },
  errors: {
    generic: 'Une erreur inattendue est survenue. Réessayez dans un instant.',
    retryIn: 'Réessayez dans {{duration}}.',
    seconds: '{{count}} s',
    minutes: '{{count}} min',
    NETWORK_ERROR: 'Le serveur est injoignable. Vérifiez votre connexion.',
    INVALID_RESPONSE: 'Réponse inattendue du serveur.',
    VALIDATION_ERROR: 'Certaines informations sont invalides.',
    INVALID_JSON: 'Requête mal formée.',
    INVALID_CHARACTERS: 'La requête contient des caractères non autorisés.',
    HEADERS_TOO_LARGE: 'Les en-têtes de la requête sont trop volumineux (essayez d’effacer les cookies de ce site).',
    REQUEST_TIMEOUT: 'La requête a mis trop de temps à arriver.',
    PAYLOAD_TOO_LARGE: 'La requête est trop volumineuse.',
    UNSUPPORTED_MEDIA_TYPE: 'Format de requête non pris en charge.',
    ROUTE_NOT_FOUND: 'Cette fonction n’existe pas sur ce serveur.',
    METHOD_NOT_ALLOWED: 'Opération non autorisée sur cette ressource.',
    UNAUTHORIZED: 'Votre session a expiré. Reconnectez-vous.',
    INVALID_CREDENTIALS: 'Adresse e-mail ou mot de passe incorrect.',
    INVALID_PASSWORD: 'Mot de passe actuel incorrect.',
    REAUTHENTICATION_REQUIRED: 'Pour cette action, saisissez votre mot de passe (ou reconnectez-vous).',
    USER_INACTIVE: 'Ce compte est désactivé.',
    EMAIL_NOT_VERIFIED: 'Votre adresse e-mail n’est pas encore confirmée. Cliquez sur le lien reçu par e-mail.',
    USER_EXISTS: 'Un compte existe déjà avec cette adresse.',
    WEAK_PASSWORD: 'Le mot de passe ne respecte pas les règles de sécurité.',
    INVALID_TOKEN: 'Ce lien n’est pas valide ou a déjà été utilisé.',
    TOKEN_EXPIRED: 'Ce lien a expiré. Demandez-en un nouveau.',
    CAPTCHA_REQUIRED: 'Merci de valider la vérification anti-robot.',
    CAPTCHA_INVALID: 'La vérification anti-robot a échoué. Réessayez.',
    TOO_MANY_ATTEMPTS: 'Trop de tentatives.',
    FORBIDDEN: 'Vous n’avez pas accès à cette fonction.',
    ACCESS_DENIED: 'Accès refusé.',
    DEMO_READ_ONLY: 'Le compte de démonstration est en lecture seule.',
    PDL_NOT_FOUND: 'Point de livraison introuvable.',
    PDL_ALREADY_EXISTS: 'Ce point de livraison est déjà enregistré.',
    INVALID_PDL: 'Le numéro de PDL doit comporter exactement 14 chiffres.',
    PDL_LINK_INVALID: 'Ces deux points de livraison ne peuvent pas être liés.',
    RATE_LIMIT_EXCEEDED: 'Quota quotidien de requêtes atteint.',
    INVALID_DATE_FORMAT: 'Format de date invalide.',
    INVALID_DATE_RANGE: 'Période invalide.',
    DATE_TOO_OLD: 'Cette date est trop ancienne pour Enedis.',
    NO_DATA: 'Aucune donnée pour cette période.',
    PARTIAL_DATA: 'Données partielles pour cette période.',
    CONSENT_REQUIRED:
      'Ce point de livraison attend votre consentement Enedis : donnez-le sur le site d’Enedis pour lire ses données.',
    CONSENT_REVOKED:
      'Le consentement Enedis de ce point de livraison a été révoqué (retiré chez Enedis, ou repris par un nouvel occupant) : renouvelez-le pour lire ses données.',
    CONSENT_EXPIRED:
      'Le consentement Enedis de ce point de livraison a expiré (il vaut 3 ans) : renouvelez-le pour lire ses données.',
    CONSENT_STATE_INVALID: 'La demande de consentement n’est plus valide. Recommencez.',
    BEFORE_ACTIVATION_DATE: 'Cette période est antérieure à la mise en service du compteur.',
    WRONG_DIRECTION: 'Ce point de livraison ne mesure pas ce sens (consommation ou production).',
    LOAD_CURVE_DISABLED: 'La courbe de charge n’est pas activée pour ce compteur.',
    ENEDIS_ERROR: 'Enedis a renvoyé une erreur.',
    ENEDIS_UNAVAILABLE: 'Enedis est momentanément indisponible.',
    RTE_ERROR: 'RTE a renvoyé une erreur.',
    RTE_UNAVAILABLE: 'RTE est momentanément indisponible.',
    USER_NOT_FOUND: 'Utilisateur introuvable.',
    ROLE_NOT_FOUND: 'Rôle introuvable.',
    ROLE_NAME_TAKEN: 'Un autre rôle porte déjà ce nom.',
    SYSTEM_ROLE_PROTECTED:
      'Les rôles système (admin, moderator, visitor) ne peuvent être ni renommés, ni modifiés, ni supprimés.',
    ROLE_IN_USE: 'Ce rôle est encore attribué à des utilisateurs : changez d’abord leur rôle.',
    UNKNOWN_PERMISSION: 'Permission inconnue.',
    SELF_ACTION_FORBIDDEN: 'Vous ne pouvez pas faire cela sur votre propre compte.',
    DATA_SHARING_DISABLED: 'Cet utilisateur ne partage pas (ou plus) ses données avec les administrateurs.',
    IMPERSONATION_NOT_ALLOWED:
      'Les données partagées se consultent en lecture seule, sur les pages de données uniquement.',
    ADMIN_EMAIL_ROLE_LOCKED:
      'Cette adresse figure dans ADMIN_EMAILS : elle reçoit le rôle admin à chaque démarrage du serveur.',
    HA_AUTH_INVALID: 'Home Assistant refuse le jeton d’accès : vérifiez le jeton longue durée de l’exportateur.',
    HA_NOT_ADMIN: 'Home Assistant refuse l’import : le jeton doit appartenir à un utilisateur administrateur.',
    HA_UNREACHABLE: 'Home Assistant est injoignable : vérifiez l’adresse et que Home Assistant est démarré.',
    HA_COMMAND_FAILED: 'Home Assistant a refusé une commande ; le détail est dans le message.',
    CSV_EMPTY_FILE: 'Le fichier est vide.',
    CSV_NOT_TEXT:
      'Ce fichier n’est pas un export CSV (un classeur Excel ?). Téléchargez le format CSV depuis votre espace client Enedis.',
    CSV_UNKNOWN_FORMAT: 'Format de fichier non reconnu : ce n’est pas un export CSV d’Enedis.',
    CSV_MISSING_COLUMN: 'Une colonne attendue manque dans le fichier.',
    CSV_UNKNOWN_UNIT: 'Le fichier mesure une grandeur non prise en charge (attendu : W, Wh ou VA).',
    CSV_BAD_STEP: 'Le pas de la courbe de charge doit être compris entre 5 et 60 minutes.',
    CSV_METER_MISMATCH: 'Ce fichier concerne un autre point de livraison.',
    OFFER_NOT_FOUND: 'Offre introuvable.',
    PROVIDER_NOT_FOUND: 'Fournisseur introuvable.',
    OFFER_POWER_MISMATCH: 'Cette offre est prévue pour une autre puissance souscrite que celle du compteur.',
    CATALOGUE_CONFLICT: 'Deux périodes de prix de cette offre se chevaucheraient.',
    CONTRIBUTION_NOT_FOUND: 'Contribution introuvable.',
    CONTRIBUTION_STATE_INVALID: 'Le statut de cette contribution ne permet pas cette action.',
    OFFER_NOT_SELECTED: 'Aucune offre n’est choisie pour ce compteur : choisissez-en une.',
    OFFER_PERIOD_UNCOVERED: 'Cette offre n’a pas de prix pour une partie de la période.',
    POWER_UNKNOWN: 'La puissance souscrite du compteur est inconnue : indiquez-la.',
    EXPORTER_NOT_FOUND: 'Cet exportateur n’existe pas (ou plus).',
    EXPORTER_NAME_TAKEN: 'Un autre exportateur porte déjà ce nom.',
    EXPORTER_TYPE_UNSUPPORTED: 'Ce type d’export n’est pas encore disponible dans cette version.',
    EXPORTER_BUSY: 'Cet export est déjà en cours : réessayez quand il sera terminé.',
    EXPORTER_NOT_HOME_ASSISTANT: 'Les statistiques Énergie ne concernent que les exportateurs Home Assistant.',
    HA_STATISTICS_NOT_CONFIGURED: 'Indiquez l’adresse de Home Assistant et un jeton d’accès pour les statistiques.',
    HA_IMPORT_RUNNING: 'Un import de statistiques est déjà en cours pour cet exportateur.',
    HA_IMPORT_NONE: 'Aucun import de statistiques depuis le démarrage.',
    NOT_FOUND: 'Élément introuvable.',
    CONFLICT: 'Cette opération entre en conflit avec l’état actuel.',
    INTERNAL_ERROR: 'Erreur interne du serveur.',
    SERVICE_UNAVAILABLE: 'Service momentanément indisponible.',
  },
};

/** Same tree as `fr`, every leaf a string: the type each translation must satisfy. */
export type Translation = DeepStrings<typeof fr>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
