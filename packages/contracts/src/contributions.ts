import { z } from 'zod';
import { isoDateSchema } from './calendar-date.ts';
import { hcScheduleSchema, OFFER_TYPES } from './offer-records.ts';
import { catalogueImportResultSchema, REFERENCE_PRICE_FIELDS, subscribedPowerSchema } from './offers.ts';

/**
 * Community contributions to the offers catalogue (`/api/energy/contribute*`, `/api/energy/contributions*`).
 * Request and answer fields follow the reference gateway (upstream §1.4 `energy`, §3 `offer_contributions`);
 * prices may come as the data set's keys (`prices`) or as the reference's columns (`base_price`, …).
 */

export const CONTRIBUTION_TYPES = ['NEW_OFFER', 'NEW_PROVIDER', 'UPDATE_OFFER'] as const;
export type ContributionType = (typeof CONTRIBUTION_TYPES)[number];
export const CONTRIBUTION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

const euros = z.number().finite().nonnegative();
const httpUrl = z.url({ protocol: /^https?$/ }).max(500);
const text = (max: number) => z.string().trim().min(1).max(max);

/** One subscribed power of the contributed offer: its subscription (EUR TTC / month) and kWh prices. */
export const powerVariantInputSchema = z.strictObject({
  power_kva: subscribedPowerSchema,
  subscription_price: euros,
  /** EUR TTC per kWh by the data set's price keys (`base`, `hp`, `tempo_red_hp`, …). */
  prices: z.record(z.string(), euros).optional(),
  ...Object.fromEntries(REFERENCE_PRICE_FIELDS.map((field) => [field, euros.nullable().optional()])),
});

const contributionFields = {
  contribution_type: z.enum(CONTRIBUTION_TYPES),
  /** NEW_PROVIDER: the provider to create. */
  provider_name: text(100).nullable().optional(),
  provider_website: httpUrl.nullable().optional(),
  /** NEW_OFFER: the provider that sells it. */
  existing_provider_id: z.string().min(1).max(64).nullable().optional(),
  /** UPDATE_OFFER: a record of the offer whose prices change (any power, any period). */
  existing_offer_id: z.string().min(1).max(64).nullable().optional(),
  offer_name: text(200),
  offer_type: z.enum(OFFER_TYPES),
  description: z.string().trim().max(2000).nullable().optional(),
  power_variants: z.array(powerVariantInputSchema).min(1).max(9),
  hc_schedules: hcScheduleSchema.nullable().optional(),
  /** The provider's price sheet; required unless the contributor moderates contributions. */
  price_sheet_url: httpUrl.nullable().optional(),
  screenshot_url: httpUrl.nullable().optional(),
  /** First day of the new prices (Paris date); default: today. */
  valid_from: isoDateSchema.optional(),
};

export const contributionInputSchema = z.strictObject(contributionFields);
export type ContributionInput = z.infer<typeof contributionInputSchema>;

export const contributionBatchSchema = z.strictObject({
  contributions: z.array(contributionInputSchema).min(1).max(50),
  /** Applies to every contribution of the batch that has none of its own. */
  price_sheet_url: httpUrl.nullable().optional(),
  /** Moderators only: the batch is approved (applied to the catalogue) at once. */
  auto_approve: z.boolean().optional(),
});
export type ContributionBatch = z.infer<typeof contributionBatchSchema>;

export const contributionMessageInputSchema = z.strictObject({ message: text(2000) });
export const contributionRejectSchema = z.strictObject({ reason: z.string().trim().max(2000).nullable().optional() });
export const contributionIdsSchema = z.strictObject({
  contribution_ids: z.array(z.string().min(1).max(64)).min(1).max(100),
});
export const contributionBulkRejectSchema = contributionIdsSchema.extend({
  reason: z.string().trim().max(2000).nullable().optional(),
});

export const powerVariantSchema = z.object({
  power_kva: z.number().int(),
  subscription_price: euros,
  prices: z.record(z.string(), euros),
});
export type PowerVariant = z.infer<typeof powerVariantSchema>;

export const contributionMessageSchema = z.object({
  id: z.string(),
  message_type: z.enum(['info_request', 'contributor_response']),
  content: z.string(),
  is_from_admin: z.boolean(),
  created_at: z.string(),
});
export type ContributionMessage = z.infer<typeof contributionMessageSchema>;

export const contributionSchema = z.object({
  id: z.string(),
  contribution_type: z.enum(CONTRIBUTION_TYPES),
  status: z.enum(CONTRIBUTION_STATUSES),
  provider_name: z.string().nullable(),
  provider_website: z.string().nullable(),
  existing_provider_id: z.string().nullable(),
  existing_offer_id: z.string().nullable(),
  offer_name: z.string(),
  offer_type: z.enum(OFFER_TYPES),
  description: z.string().nullable(),
  power_variants: z.array(powerVariantSchema),
  hc_schedules: hcScheduleSchema.nullable(),
  price_sheet_url: z.string().nullable(),
  screenshot_url: z.string().nullable(),
  valid_from: z.string(),
  reviewed_at: z.string().nullable(),
  review_comment: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  messages: z.array(contributionMessageSchema),
  /** The last message is a moderator's (a question waiting for the contributor). */
  has_unread_messages: z.boolean(),
});
export type Contribution = z.infer<typeof contributionSchema>;

/** One record the approval would write, beside the record in force before it (the diff a moderator reads). */
export const contributionChangeSchema = z.object({
  record_id: z.string(),
  power_kva: z.number().int(),
  subscription_price: euros,
  prices: z.record(z.string(), euros),
  valid_from: z.string(),
  valid_to: z.string().nullable(),
  previous: z
    .object({
      id: z.string(),
      record_id: z.string(),
      subscription_price: euros,
      prices: z.record(z.string(), euros),
      valid_from: z.string(),
      valid_to: z.string().nullable(),
    })
    .nullable(),
});
export type ContributionChange = z.infer<typeof contributionChangeSchema>;

export const moderationContributionSchema = contributionSchema.extend({
  contributor_email: z.string(),
  /** The provider the records go to (existing, or created on approval). */
  target_provider: z.object({ id: z.string().nullable(), slug: z.string(), name: z.string() }),
  changes: z.array(contributionChangeSchema),
  /** The catalogue import the approval runs, as a dry run against today's catalogue; null when it conflicts. */
  plan: catalogueImportResultSchema.nullable(),
  /** Why the approval would be refused today (overlapping periods, a provider gone), else null. */
  conflict: z.string().nullable(),
});
export type ModerationContribution = z.infer<typeof moderationContributionSchema>;

export const contributionStatsSchema = z.object({
  pending: z.number().int(),
  approved: z.number().int(),
  approved_this_month: z.number().int(),
  rejected: z.number().int(),
  top_contributors: z.array(z.object({ email: z.string(), count: z.number().int() })),
});
export type ContributionStats = z.infer<typeof contributionStatsSchema>;

export const unreadCountSchema = z.object({ unread_count: z.number().int() });

/** What an approval did: the contributions as they now stand and each catalogue import it ran. */
export const approvalResultSchema = z.object({
  contributions: z.array(contributionSchema),
  catalogue: z.array(catalogueImportResultSchema),
});
export type ApprovalResult = z.infer<typeof approvalResultSchema>;
