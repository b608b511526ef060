/** Outcome of the Enedis consent as the callback reports it in the dashboard address. */
export type ConsentResult =
  | {
      kind: 'success';
      pdlCount: number;
      createdCount: number;
      /** Meters of the visit that were not authorised, and the most telling reason why (null: none). */
      rejected: { reason: PartialConsentReason; count: number } | null;
    }
  | { kind: 'error'; reason: ConsentErrorReason };

/** Every `consent_error` the callback sends when nothing was authorised. */
export const CONSENT_ERROR_REASONS = [
  'invalid_state',
  'access_denied',
  'invalid_pdl',
  'invalid_code',
  'consent_refused',
  'daily_limit',
  'pdl_already_exists',
  'enedis_error',
] as const;
export type ConsentErrorReason = (typeof CONSENT_ERROR_REASONS)[number] | 'unknown';

/** The `consent_error` values that can come with `consent_success=true` (some meters in, others not). */
export const PARTIAL_CONSENT_REASONS = ['pdl_already_exists', 'consent_refused', 'daily_limit'] as const;
export type PartialConsentReason = (typeof PARTIAL_CONSENT_REASONS)[number];

/** The query parameters the callback may add; removed once the message is dismissed. */
export const CONSENT_PARAMS = [
  'consent_success',
  'consent_error',
  'pdl_count',
  'created_count',
  'rejected_count',
] as const;

function count(value: string | null): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : 0;
}

function isOneOf<T extends string>(list: readonly T[], value: string | null): value is T {
  return value !== null && (list as readonly string[]).includes(value);
}

/**
 * Reads `?consent_success=true&pdl_count=&created_count=` (plus `consent_error=<reason>&rejected_count=`
 * when some meters were turned down) or `?consent_error=<reason>`. Null when neither is there; a reason
 * this version does not know becomes `unknown` (never shown raw).
 */
export function readConsentResult(params: URLSearchParams): ConsentResult | null {
  const error = params.get('consent_error');
  if (params.get('consent_success') === 'true') {
    const pdlCount = count(params.get('pdl_count'));
    return {
      kind: 'success',
      pdlCount,
      // The message reads "N authorised, of which M new"; the callback also counts in `created_count` the
      // meters it listed but Enedis then refused (shown revoked, and told apart by the partial reason).
      createdCount: Math.min(count(params.get('created_count')), pdlCount),
      rejected: isOneOf(PARTIAL_CONSENT_REASONS, error)
        ? { reason: error, count: Math.max(1, count(params.get('rejected_count'))) }
        : null,
    };
  }
  if (error === null) {
    return null;
  }
  return { kind: 'error', reason: isOneOf(CONSENT_ERROR_REASONS, error) ? error : 'unknown' };
}

/** A result that may have changed the meters (created, bound or revoked some): the list must be read again. */
export function changesMeters(result: ConsentResult): boolean {
  return result.kind === 'success' || result.reason === 'consent_refused';
}
