import { z } from 'zod';

/** A PDL (point de livraison, also called PRM or usage point) is exactly 14 digits. */
export const PDL_PATTERN = /^[0-9]{14}$/;
export const usagePointIdSchema = z
  .string()
  .trim()
  .regex(PDL_PATTERN, { message: 'Le numéro de PDL doit comporter exactement 14 chiffres.' });

export const pricingOptions = ['BASE', 'HC_HP', 'TEMPO', 'EJP', 'HC_WEEKEND'] as const;
export const pricingOptionSchema = z.enum(pricingOptions);
export type PricingOption = z.infer<typeof pricingOptionSchema>;

/** Off-peak ranges as "HH:MM-HH:MM" local times; a range may wrap past midnight (22:00-06:00). */
export const offpeakRangeSchema = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$/, {
  message: 'Plage attendue au format HH:MM-HH:MM',
});
export const offpeakHoursSchema = z.object({ ranges: z.array(offpeakRangeSchema).max(8) });
export type OffpeakHours = z.infer<typeof offpeakHoursSchema>;

/**
 * Where the account stands with Enedis for a meter: `pending` (added by hand or removed and re-added:
 * no consent given through this account yet), `active`, `revoked` (Enedis refused it, or another account's
 * newer consent took the meter over), `expired` (the 3 years have passed). Only `active` serves data.
 */
export const consentStatuses = ['pending', 'active', 'revoked', 'expired'] as const;
export const consentStatusSchema = z.enum(consentStatuses);
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

export const pdlResponseSchema = z.object({
  id: z.string(),
  usage_point_id: z.string(),
  name: z.string().nullable(),
  created_at: z.string(),
  display_order: z.number().int().nullable(),
  subscribed_power: z.number().nullable(),
  offpeak_hours: offpeakHoursSchema.nullable(),
  pricing_option: pricingOptionSchema.nullable(),
  has_consumption: z.boolean(),
  has_production: z.boolean(),
  is_active: z.boolean(),
  oldest_available_data_date: z.string().nullable(),
  activation_date: z.string().nullable(),
  linked_production_pdl_id: z.string().nullable(),
  selected_offer_id: z.string().nullable(),
  consent_status: consentStatusSchema,
  /** ISO instants of the account's latest consent for this meter (null while pending). */
  consent_granted_at: z.string().nullable(),
  consent_expires_at: z.string().nullable(),
  /** When Enedis refused it or another account took it over; null otherwise. */
  consent_revoked_at: z.string().nullable(),
});
export type Pdl = z.infer<typeof pdlResponseSchema>;

const name = z.string().trim().min(1).max(100);

export const createPdlRequestSchema = z.strictObject({ usage_point_id: usagePointIdSchema, name: name.optional() });
export type CreatePdlRequest = z.input<typeof createPdlRequestSchema>;
export const pdlNameRequestSchema = z.strictObject({ name: name.nullable() });
export const pdlTypeRequestSchema = z.strictObject({ has_consumption: z.boolean(), has_production: z.boolean() });
export const pdlActiveRequestSchema = z.strictObject({ is_active: z.boolean() });
export const pdlPricingOptionRequestSchema = z.strictObject({ pricing_option: pricingOptionSchema.nullable() });
export const pdlLinkProductionRequestSchema = z.strictObject({
  linked_production_pdl_id: z.string().max(64).nullable(),
});
/** The reference accepted a plain list or an object for off-peak hours; both are normalised to `{ranges}`. */
export const pdlContractRequestSchema = z.strictObject({
  subscribed_power: z.number().int().min(1).max(36).nullable().optional(),
  offpeak_hours: z
    .union([offpeakHoursSchema, z.array(offpeakRangeSchema).max(8)])
    .nullable()
    .optional(),
});
export const pdlReorderRequestSchema = z.strictObject({
  pdl_orders: z.array(z.strictObject({ id: z.string().max(64), order: z.number().int().min(0).max(10_000) })).max(500),
});
