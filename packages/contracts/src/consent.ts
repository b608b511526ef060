import { z } from 'zod';

/** Why a consent record stopped granting access. */
export const consentEndReasons = [
  'removed',
  'account_deleted',
  'revoked_by_enedis',
  'holder_changed',
  'taken_over',
  'renewed',
  'expired',
] as const;
export const consentEndReasonSchema = z.enum(consentEndReasons);
export type ConsentEndReason = z.infer<typeof consentEndReasonSchema>;

/** Lifecycle of one record; `expired` is shown for an active record past its expiry date. */
export const consentRecordStatusSchema = z.enum(['active', 'revoked', 'expired', 'ended']);

/** One consent given through our callback: one meter, one visit to the Enedis page (`flow_id`). */
export const consentRecordSchema = z.object({
  id: z.string(),
  flow_id: z.string(),
  usage_point_id: z.string(),
  /** The meter's name on the account, when the account still lists it. */
  pdl_name: z.string().nullable(),
  status: consentRecordStatusSchema,
  granted_at: z.string(),
  /** Consent date + 3 years (the longest Enedis allows). */
  expires_at: z.string(),
  ended_at: z.string().nullable(),
  end_reason: consentEndReasonSchema.nullable(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** The admin audit adds who held the record (null once the account is deleted). */
export const consentAuditRecordSchema = consentRecordSchema.extend({
  user_id: z.string().nullable(),
  email: z.string().nullable(),
});
export type ConsentAuditRecord = z.infer<typeof consentAuditRecordSchema>;
