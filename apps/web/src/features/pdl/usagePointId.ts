import { usagePointIdSchema } from '@med/contracts';

/**
 * People copy their PDL number from bills and the Enedis site with spaces or dots between digit groups
 * ("1234 5678 9012 34"); those separators are dropped before validating.
 */
export function normalizeUsagePointId(raw: string): string {
  return raw.replace(/[\s.\-\u00a0]/g, '');
}

/** `true` when the normalised input is a valid 14-digit PDL, by the same schema as the server. */
export function isValidUsagePointId(raw: string): boolean {
  return usagePointIdSchema.safeParse(normalizeUsagePointId(raw)).success;
}
