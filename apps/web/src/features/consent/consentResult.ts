/** Outcome of the Enedis consent as the callback reports it in the dashboard address. */
export type ConsentResult =
  | { kind: 'success'; pdlCount: number; createdCount: number; rejectedCount: number }
  | { kind: 'error'; reason: ConsentErrorReason };

export const CONSENT_ERROR_REASONS = [
  'invalid_state',
  'access_denied',
  'invalid_pdl',
  'pdl_already_exists',
  'enedis_error',
] as const;
export type ConsentErrorReason = (typeof CONSENT_ERROR_REASONS)[number] | 'unknown';

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

/**
 * Reads `?consent_success=true&pdl_count=&created_count=` (plus `consent_error=pdl_already_exists&rejected_count=`
 * when some meters belonged to another account) or `?consent_error=<reason>`. Null when neither is there.
 */
export function readConsentResult(params: URLSearchParams): ConsentResult | null {
  if (params.get('consent_success') === 'true') {
    return {
      kind: 'success',
      pdlCount: count(params.get('pdl_count')),
      createdCount: count(params.get('created_count')),
      rejectedCount:
        params.get('consent_error') === 'pdl_already_exists' ? Math.max(1, count(params.get('rejected_count'))) : 0,
    };
  }
  const error = params.get('consent_error');
  if (error === null) {
    return null;
  }
  const reason = (CONSENT_ERROR_REASONS as readonly string[]).includes(error)
    ? (error as ConsentErrorReason)
    : 'unknown';
  return { kind: 'error', reason };
}
