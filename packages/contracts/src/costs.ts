import { z } from 'zod';
import { isoDateSchema } from './calendar-date.ts';
import { usagePointIdSchema } from './pdl.ts';
import { OFFER_TYPES, SUBSCRIBED_POWERS_KVA } from './offer-records.ts';

/**
 * Costs in euros TTC of a meter's consumption (`GET /api/costs/{usage_point_id}`) and the offer simulator
 * (`POST /api/simulator`). Every amount is rounded to the cent once, from its own exact value, so the
 * days of a month may not add up to the month to the cent. Dates are Paris calendar dates; ranges are
 * `[start, end)`.
 */

/** Why a figure is an estimate (see the tariff engine, decision 0010). */
export const COST_ESTIMATE_REASONS = [
  'HC_WINDOWS_UNKNOWN',
  'TEMPO_COLOUR_UNKNOWN',
  'EJP_CALENDAR_MISSING',
  'ZEN_FLEX_CALENDAR_MISSING',
  'DAILY_DATA_SPLIT',
  'INCOMPLETE_CURVE',
  'NO_CONSUMPTION_DATA',
  'PRICE_RECORD_MAY_BE_OUTDATED',
] as const;
export const costEstimateSchema = z.object({ reason: z.enum(COST_ESTIMATE_REASONS), dates: z.array(z.string()) });

export const bandCostSchema = z.object({ band: z.string(), kwh: z.number(), energy_eur: z.number() });

const amounts = {
  kwh: z.number(),
  energy_eur: z.number(),
  subscription_eur: z.number(),
  total_eur: z.number(),
  bands: z.array(bandCostSchema),
};

export const monthCostSchema = z.object({ month: z.string(), days: z.number().int(), ...amounts });
export const dayCostSchema = z.object({
  date: z.string(),
  record_id: z.string(),
  power_kva: z.number().int(),
  source: z.enum(['curve', 'daily', 'none']),
  estimates: z.array(z.enum(COST_ESTIMATE_REASONS)),
  ...amounts,
});

/** A price record as used: its prices, and what it priced over the period. */
export const recordUseSchema = z.object({
  record_id: z.string(),
  power_kva: z.number().int(),
  first_date: z.string(),
  last_date: z.string(),
  days: z.number().int(),
  kwh: z.number(),
  energy_eur: z.number(),
  subscription_eur: z.number(),
  bands: z.array(bandCostSchema),
  valid_from: z.string(),
  valid_to: z.string().nullable(),
  subscription_eur_per_month: z.number(),
  prices: z.record(z.string(), z.number()),
});

/** The offer a cost is computed for. */
export const costOfferSchema = z.object({
  /** The catalogue's offer id (one option × power × validity period) used to choose the offer. */
  id: z.string(),
  /** `provider:offer-slug:OFFER_TYPE`: the offer across powers and price changes. */
  key: z.string(),
  /** The data set's record id of that catalogue row. */
  record_id: z.string(),
  provider: z.string(),
  name: z.string(),
  offer_type: z.enum(OFFER_TYPES),
});

export const costsQuerySchema = z.object({
  start: isoDateSchema.describe('First day, YYYY-MM-DD (Paris)'),
  end: isoDateSchema.describe('Day after the last one, YYYY-MM-DD: the range is [start, end)'),
  offer_id: z.string().trim().min(1).max(200).optional().describe("An offer of the catalogue; default: the meter's"),
});

export const costsResponseSchema = z.object({
  usage_point_id: z.string(),
  start: z.string(),
  end: z.string(),
  power_kva: z.number().int(),
  offer: costOfferSchema,
  days: z.number().int(),
  ...amounts,
  months: z.array(monthCostSchema),
  daily: z.array(dayCostSchema),
  price_records: z.array(recordUseSchema),
  estimates: z.array(costEstimateSchema),
});
export type CostsResponse = z.infer<typeof costsResponseSchema>;

const power = z
  .number()
  .int()
  .refine((kva) => (SUBSCRIBED_POWERS_KVA as readonly number[]).includes(kva), 'Puissance souscrite inconnue.');

export const simulatorRequestSchema = z.strictObject({
  usage_point_id: usagePointIdSchema,
  start: isoDateSchema,
  end: isoDateSchema,
  /** Price the offers for another subscribed power (what-if); default: the meter's. */
  power_kva: power.optional(),
  /** Rank offers resting on low-confidence price records too (data set README: not for advice by default). */
  include_low_confidence: z.boolean().default(false),
});
export type SimulatorRequest = z.input<typeof simulatorRequestSchema>;

export const simulatedOfferSchema = z.object({
  rank: z.number().int(),
  offer: costOfferSchema,
  days: z.number().int(),
  ...amounts,
  /** This offer's total minus the selected offer's, EUR (negative = saving); null without a selected offer. */
  difference_eur: z.number().nullable(),
  price_records: z.array(recordUseSchema),
  estimates: z.array(costEstimateSchema),
});

export const simulatorResponseSchema = z.object({
  usage_point_id: z.string(),
  start: z.string(),
  end: z.string(),
  power_kva: z.number().int(),
  /** Offers left out because a price record of this power is of low confidence (see `include_low_confidence`). */
  excluded_low_confidence: z.number().int(),
  /** The meter's selected offer, when it is one of the ranked offers. */
  selected_offer_key: z.string().nullable(),
  selected_total_eur: z.number().nullable(),
  offers: z.array(simulatedOfferSchema),
  /** Offers of the catalogue that cannot price the whole period at this power (not sold, or a gap). */
  unavailable: z.array(
    z.object({
      offer: costOfferSchema,
      reason: z.enum(['POWER_UNKNOWN', 'NO_PRICE_RECORD']),
      /** Days of the period the offer has no price for. */
      days: z.number().int(),
    }),
  ),
});
export type SimulatorResponse = z.infer<typeof simulatorResponseSchema>;
