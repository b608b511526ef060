import { z } from 'zod';
import { isCalendarDate } from './calendar-date.ts';

/**
 * The offers data set (`shared/data/offers/*.json`, schema_version 1): one record = one offer option ×
 * one subscribed power × one validity period, prices TTC in euros. The catalogue stores these records
 * and the tariff engine (`@med/core`, `tariff/`) prices consumption with them, so this schema is the
 * one shape both sides agree on. Field meanings: the data set's README ("Schema").
 */

/** Offer options of the data set; each fixes the price keys of its records (`PRICE_KEYS`). */
export const OFFER_TYPES = [
  'BASE',
  'HC_HP',
  'TEMPO',
  'EJP',
  'BASE_WEEKEND',
  'HC_WEEKEND',
  'HC_NUIT_WEEKEND',
  'SEASONAL',
  'ZEN_FLEX',
] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

/** Price keys (EUR TTC per kWh) each offer type must carry, no more, no less. */
export const PRICE_KEYS = {
  BASE: ['base'],
  HC_HP: ['hp', 'hc'],
  TEMPO: ['tempo_blue_hc', 'tempo_blue_hp', 'tempo_white_hc', 'tempo_white_hp', 'tempo_red_hc', 'tempo_red_hp'],
  EJP: ['ejp_normal', 'ejp_peak'],
  BASE_WEEKEND: ['base', 'base_weekend'],
  HC_WEEKEND: ['hp', 'hc', 'hp_weekend', 'hc_weekend'],
  HC_NUIT_WEEKEND: ['hp', 'hc'],
  SEASONAL: ['hc_winter', 'hp_winter', 'hc_summer', 'hp_summer'],
  ZEN_FLEX: ['zen_flex_eco_hc', 'zen_flex_eco_hp', 'zen_flex_sobriety_hc', 'zen_flex_sobriety_hp'],
} as const satisfies Record<OfferType, readonly string[]>;
export type PriceKey = (typeof PRICE_KEYS)[OfferType][number];

/** Subscribed powers of the residential grids, kVA. */
export const SUBSCRIBED_POWERS_KVA = [3, 6, 9, 12, 15, 18, 24, 30, 36] as const;

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

const dataSetDate = z.string().refine(isCalendarDate, 'Date attendue au format AAAA-MM-JJ (un jour qui existe).');

/** `HH:MM-HH:MM`, start inclusive, end exclusive, `24:00` allowed; an end before the start wraps past midnight. */
const CLOCK_WINDOW = /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const clockWindowSchema = z.string().regex(CLOCK_WINDOW, 'Plage attendue au format HH:MM-HH:MM.');

/** Off-peak windows fixed by the offer itself; a more specific key (`weekday`, `weekend`) wins over `default`. */
export const hcScheduleSchema = z
  .object({
    default: z.array(clockWindowSchema).optional(),
    weekday: z.array(clockWindowSchema).optional(),
    weekend: z.array(clockWindowSchema).optional(),
  })
  .strict();
export type HcSchedule = z.infer<typeof hcScheduleSchema>;

/** `provider:offer-slug:OFFER_TYPE:kva:valid_from`, unique across the data set. */
const RECORD_ID = /^[a-z0-9-]+:[a-z0-9-]+:[A-Z_]+:\d{1,2}:\d{4}-\d{2}-\d{2}$/;

const euros = z.number().finite().nonnegative();

export const offerRecordSchema = z
  .object({
    id: z.string().regex(RECORD_ID, 'Identifiant attendu : fournisseur:offre:TYPE:kVA:AAAA-MM-JJ.'),
    name: z.string().min(1),
    offer_type: z.enum(OFFER_TYPES),
    power_kva: z
      .number()
      .int()
      .refine((kva) => (SUBSCRIBED_POWERS_KVA as readonly number[]).includes(kva), 'Puissance souscrite inconnue.'),
    subscription_eur_per_month: euros,
    prices: z.record(z.string(), euros),
    hc_schedule: hcScheduleSchema.nullable(),
    valid_from: dataSetDate,
    valid_to: dataSetDate.nullable(),
    source: z.string().min(1),
    confidence: z.enum(CONFIDENCE_LEVELS),
    corroboration: z.array(z.string()).optional(),
    rules: z.record(z.string(), z.unknown()).optional(),
    reference: z.record(z.string(), z.unknown()).optional(),
    derived_fields: z.array(z.string()).optional(),
    valid_from_inferred: z.boolean().optional(),
    valid_to_inferred: z.boolean().optional(),
    notes: z.string().optional(),
  })
  .superRefine((record, ctx) => {
    const expected: readonly string[] = PRICE_KEYS[record.offer_type];
    const actual = Object.keys(record.prices);
    const missing = expected.filter((key) => !actual.includes(key));
    const extra = actual.filter((key) => !expected.includes(key));
    if (missing.length > 0 || extra.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['prices'],
        message: `Prix attendus pour ${record.offer_type} : ${expected.join(', ')} (manquants : ${missing.join(', ') || 'aucun'} ; en trop : ${extra.join(', ') || 'aucun'}).`,
      });
    }
    if (record.valid_to !== null && record.valid_to < record.valid_from) {
      ctx.addIssue({ code: 'custom', path: ['valid_to'], message: 'valid_to précède valid_from.' });
    }
    const [, , idType, idKva, idFrom] = record.id.split(':');
    if (idType !== record.offer_type || Number(idKva) !== record.power_kva || idFrom !== record.valid_from) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: "L'identifiant ne correspond pas au type, à la puissance ou à valid_from de l'enregistrement.",
      });
    }
  });
export type OfferRecord = z.infer<typeof offerRecordSchema>;

export const offerProviderSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  website: z.url().optional(),
});
export type OfferProvider = z.infer<typeof offerProviderSchema>;

/** One provider file of the data set (also the shape an admin uploads to import a catalogue). */
export const offerDataSetFileSchema = z.object({
  schema_version: z.literal(1),
  provider: offerProviderSchema,
  period_notes: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  offers: z.array(offerRecordSchema),
});
export type OfferDataSetFile = z.infer<typeof offerDataSetFileSchema>;
