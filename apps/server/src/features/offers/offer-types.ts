import { PRICE_KEYS, REFERENCE_FIELD_OF_PRICE_KEY, type OfferType, type OfferTypeInfo } from '@med/contracts';

/** Wording and display of each offer option (the reference's `/energy/offer-types` metadata). */
const DESCRIPTIONS: Record<OfferType, Omit<OfferTypeInfo, 'code' | 'required_price_fields' | 'price_keys'>> = {
  BASE: {
    name: 'Base',
    description: 'Un prix unique du kWh à toute heure.',
    icon: 'zap',
    color: '#3b82f6',
    optional_price_fields: [],
    display_order: 1,
  },
  HC_HP: {
    name: 'Heures creuses / heures pleines',
    description: 'Deux prix : heures creuses (les plages du compteur, 8 h par jour) et heures pleines.',
    icon: 'clock',
    color: '#10b981',
    optional_price_fields: ['hc_schedules'],
    display_order: 2,
  },
  TEMPO: {
    name: 'Tempo',
    description:
      'Six prix selon la couleur du jour publiée par RTE (bleu, blanc, rouge) et l’heure : creuses de 22 h à 6 h.',
    icon: 'calendar',
    color: '#ef4444',
    optional_price_fields: [],
    display_order: 3,
  },
  EJP: {
    name: 'EJP (effacement jours de pointe)',
    description: 'Prix de pointe de 7 h à 1 h les 22 jours de pointe d’hiver, prix normal le reste du temps.',
    icon: 'alert-triangle',
    color: '#f59e0b',
    optional_price_fields: [],
    display_order: 4,
  },
  BASE_WEEKEND: {
    name: 'Base + week-end',
    description: 'Un prix en semaine, un prix réduit le samedi et le dimanche.',
    icon: 'sun',
    color: '#6366f1',
    optional_price_fields: [],
    display_order: 5,
  },
  HC_WEEKEND: {
    name: 'Heures creuses + week-end',
    description: 'Heures creuses et pleines en semaine, prix du week-end le samedi et le dimanche.',
    icon: 'moon',
    color: '#8b5cf6',
    optional_price_fields: ['hc_schedules'],
    display_order: 6,
  },
  HC_NUIT_WEEKEND: {
    name: 'Heures creuses nuit + week-end',
    description: 'Heures creuses la nuit en semaine et tout le week-end.',
    icon: 'moon-star',
    color: '#a855f7',
    optional_price_fields: ['hc_schedules'],
    display_order: 7,
  },
  SEASONAL: {
    name: 'Saisonnier',
    description: 'Heures creuses et pleines à des prix d’hiver (novembre à mars) et d’été (avril à octobre).',
    icon: 'thermometer',
    color: '#14b8a6',
    optional_price_fields: ['hc_schedules'],
    display_order: 8,
  },
  ZEN_FLEX: {
    name: 'Zen Flex',
    description: 'Jours éco et jours de sobriété (signalés par le fournisseur), chacun en heures creuses et pleines.',
    icon: 'leaf',
    color: '#22c55e',
    optional_price_fields: ['hc_schedules'],
    display_order: 9,
  },
};

/** Every offer option of the data set, in display order. */
export function offerTypes(): OfferTypeInfo[] {
  return (Object.keys(DESCRIPTIONS) as OfferType[])
    .map((code) => ({
      code,
      ...DESCRIPTIONS[code],
      required_price_fields: ['subscription_price', ...new Set(Object.values(REFERENCE_FIELD_OF_PRICE_KEY[code]))],
      price_keys: [...PRICE_KEYS[code]],
    }))
    .sort((a, b) => a.display_order - b.display_order);
}
