import { z } from 'zod';
import { isoDateSchema } from './calendar-date.ts';
import {
  CONFIDENCE_LEVELS,
  hcScheduleSchema,
  OFFER_TYPES,
  offerDataSetFileSchema,
  SUBSCRIBED_POWERS_KVA,
  type OfferType,
} from './offer-records.ts';

/**
 * Catalogue DTOs of `/api/energy/*`. Field names and units follow the reference gateway (upstream §1.4
 * `energy`, §3 `energy_offers`) so its clients keep working; what the reference lacks (the data set's
 * record id, price keys, confidence, source) comes under new names.
 */

/** Reference price columns (EUR TTC per kWh) and the data-set price key each one carries, per offer type. */
export const REFERENCE_PRICE_FIELDS = [
  'base_price',
  'hc_price',
  'hp_price',
  'base_price_weekend',
  'hp_price_weekend',
  'hc_price_weekend',
  'tempo_blue_hc',
  'tempo_blue_hp',
  'tempo_white_hc',
  'tempo_white_hp',
  'tempo_red_hc',
  'tempo_red_hp',
  'ejp_normal',
  'ejp_peak',
  'hc_price_winter',
  'hp_price_winter',
  'hc_price_summer',
  'hp_price_summer',
  'peak_day_price',
] as const;
export type ReferencePriceField = (typeof REFERENCE_PRICE_FIELDS)[number];

/**
 * Data-set price key → reference column, per offer type. Zen Flex goes where the reference stores it
 * (eco = "winter", sobriety = "summer" columns).
 */
export const REFERENCE_FIELD_OF_PRICE_KEY: Record<OfferType, Record<string, ReferencePriceField>> = {
  BASE: { base: 'base_price' },
  HC_HP: { hp: 'hp_price', hc: 'hc_price' },
  TEMPO: {
    tempo_blue_hc: 'tempo_blue_hc',
    tempo_blue_hp: 'tempo_blue_hp',
    tempo_white_hc: 'tempo_white_hc',
    tempo_white_hp: 'tempo_white_hp',
    tempo_red_hc: 'tempo_red_hc',
    tempo_red_hp: 'tempo_red_hp',
  },
  EJP: { ejp_normal: 'ejp_normal', ejp_peak: 'ejp_peak' },
  BASE_WEEKEND: { base: 'base_price', base_weekend: 'base_price_weekend' },
  HC_WEEKEND: { hp: 'hp_price', hc: 'hc_price', hp_weekend: 'hp_price_weekend', hc_weekend: 'hc_price_weekend' },
  HC_NUIT_WEEKEND: { hp: 'hp_price', hc: 'hc_price' },
  SEASONAL: {
    hc_winter: 'hc_price_winter',
    hp_winter: 'hp_price_winter',
    hc_summer: 'hc_price_summer',
    hp_summer: 'hp_price_summer',
  },
  ZEN_FLEX: {
    zen_flex_eco_hc: 'hc_price_winter',
    zen_flex_eco_hp: 'hp_price_winter',
    zen_flex_sobriety_hc: 'hc_price_summer',
    zen_flex_sobriety_hp: 'hp_price_summer',
  },
};

export const offerTypeInfoSchema = z.object({
  code: z.enum(OFFER_TYPES),
  name: z.string(),
  description: z.string(),
  icon: z.string(),
  color: z.string(),
  /** Reference column names, as the reference's clients read them. */
  required_price_fields: z.array(z.string()),
  optional_price_fields: z.array(z.string()),
  /** The data set's price keys of this type (what `prices` of an offer holds). */
  price_keys: z.array(z.string()),
  display_order: z.number().int(),
});
export type OfferTypeInfo = z.infer<typeof offerTypeInfoSchema>;

export const energyProviderSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  logo_url: z.string().nullable(),
  website: z.string().nullable(),
  scraper_urls: z.array(z.string()),
  is_active: z.boolean(),
});
export type EnergyProvider = z.infer<typeof energyProviderSchema>;

const euros = z.number().nonnegative();
const priceColumns = Object.fromEntries(REFERENCE_PRICE_FIELDS.map((field) => [field, euros.nullable()])) as Record<
  ReferencePriceField,
  z.ZodNullable<typeof euros>
>;

export const energyOfferSchema = z.object({
  id: z.string(),
  /** The data set's record id `provider:offer-slug:OFFER_TYPE:kva:valid_from` (cited by priced results). */
  record_id: z.string(),
  /** The record id without valid_from: every validity period of this option × power shares it. */
  series_key: z.string(),
  provider_id: z.string(),
  provider_name: z.string(),
  name: z.string(),
  offer_type: z.enum(OFFER_TYPES),
  description: z.string().nullable(),
  power_kva: z.number().int(),
  /** EUR TTC per month (reference name). */
  subscription_price: euros,
  ...priceColumns,
  /** EUR TTC per kWh by the data set's price keys. */
  prices: z.record(z.string(), euros),
  /** Off-peak windows fixed by the offer; null = the meter's own windows (or no HC/HP split). */
  hc_schedules: hcScheduleSchema.nullable(),
  /** First day the prices apply (Paris date). */
  valid_from: isoDateSchema,
  /** Last day the prices apply, inclusive (Paris date); null = no later version known. */
  valid_to: isoDateSchema.nullable(),
  price_updated_at: z.string(),
  offer_url: z.string().nullable(),
  source: z.string(),
  confidence: z.enum(CONFIDENCE_LEVELS),
  notes: z.string().nullable(),
  is_active: z.boolean(),
  created_at: z.string(),
});
export type EnergyOffer = z.infer<typeof energyOfferSchema>;

export const offersQuerySchema = z.object({
  provider_id: z.string().max(64).optional(),
  /** Also the past validity periods (price history); default: only records still in force. */
  include_history: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value === 'true' || value === '1'),
});

export const selectedOfferRequestSchema = z.strictObject({ selected_offer_id: z.string().min(1).max(64).nullable() });

export const subscribedPowerSchema = z
  .number()
  .int()
  .refine((kva) => (SUBSCRIBED_POWERS_KVA as readonly number[]).includes(kva), 'Puissance souscrite inconnue.');

/** Catalogue import: one provider file of the data set's schema; `dry_run` only computes the diff. */
export const catalogueImportRequestSchema = z.strictObject({
  dry_run: z.boolean().default(true),
  file: offerDataSetFileSchema,
});

export const catalogueImportResultSchema = z.object({
  dry_run: z.boolean(),
  provider: z.object({ slug: z.string(), name: z.string(), action: z.enum(['create', 'update', 'unchanged']) }),
  /** Records the file adds. */
  create: z.array(z.object({ record_id: z.string(), valid_from: z.string(), valid_to: z.string().nullable() })),
  /** Records the file changes (same record id), with the names of the fields that differ. */
  update: z.array(z.object({ record_id: z.string(), fields: z.array(z.string()) })),
  /** Open records that a newer period supersedes: they get `valid_to`, nothing else changes. */
  close: z.array(z.object({ record_id: z.string(), valid_to: z.string() })),
  unchanged: z.number().int(),
});
export type CatalogueImportResult = z.infer<typeof catalogueImportResultSchema>;

const httpUrl = z.url({ protocol: /^https?$/ }).max(500);

/** Admin: a new provider. The slug prefixes its record ids; default: from the name. */
export const providerCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  slug: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'Identifiant attendu : minuscules, chiffres et tirets.')
    .optional(),
  website: httpUrl.nullable().optional(),
  logo_url: httpUrl.nullable().optional(),
  scraper_urls: z.array(httpUrl).max(20).optional(),
});

/** Admin: what may change on a provider (the slug may not: its record ids are built on it). */
export const providerUpdateSchema = providerCreateSchema.omit({ slug: true }).partial();

/**
 * Admin: correct one record. Prices come either as the data set's keys (`prices`) or as the reference's
 * columns (`base_price`, …); either way the record must end up with exactly its type's price keys. A new
 * price period is not an edit: it is an import or an approved contribution, which keeps the old record.
 */
export const offerUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  offer_url: httpUrl.nullable().optional(),
  subscription_price: euros.optional(),
  prices: z.record(z.string(), euros).optional(),
  ...Object.fromEntries(REFERENCE_PRICE_FIELDS.map((field) => [field, euros.nullable().optional()])),
  hc_schedules: hcScheduleSchema.nullable().optional(),
  valid_to: isoDateSchema.nullable().optional(),
  confidence: z.enum(CONFIDENCE_LEVELS).optional(),
});
export type OfferUpdate = z.infer<typeof offerUpdateSchema>;
